// /case in either language: the Chinese words shown in the Chinese help stand for the English
// subcommands and list filters, which always work too.

/** 新建 → new: each Chinese subcommand and the English one it stands for. */
export const CHINESE_SUBCOMMANDS: Record<string, string> = {
  新建: "new",
  列表: "list",
  汇总: "summary",
  导入: "import",
  查找: "find",
  搜索: "find",
  查看: "show",
  订单: "orders",
  投递: "health",
  检查: "check",
  亚马逊: "amazon",
  语言: "language",
  分配: "routing",
  外出: "away",
  帮助: "help",
};

/** 我的 → mine: list filters, and the word after /case health (重试 → retry). */
export const CHINESE_ARGUMENTS: Record<string, string> = {
  未结: "open",
  进行中: "open",
  我的: "mine",
  未认领: "unclaimed",
  超时: "breached",
  重试: "retry",
};

/** The word's own entry in a table: "__proto__" or "constructor" typed is a word, not the object's. */
const entry = (table: Record<string, string>, word: string) => (Object.hasOwn(table, word) ? table[word] : undefined);

/** The English subcommand a typed word stands for ("列表" → "list", "List" → "list"). */
export function subcommand(word: string): string {
  return entry(CHINESE_SUBCOMMANDS, word.trim()) ?? word.trim().toLowerCase();
}

/** The English argument a typed word stands for ("我的" → "mine"); anything else unchanged. */
export function argument(word: string): string {
  return entry(CHINESE_ARGUMENTS, word.trim()) ?? word;
}
