// 简体中文: commands. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/commands.ts";

export default {} satisfies Translation<typeof en>;
