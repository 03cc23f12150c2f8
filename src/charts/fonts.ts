// The one font every chart is drawn with. Servers rarely have fonts with Chinese glyphs (a Chinese
// chart would show empty boxes), so the bot ships Noto Sans SC. The whole font is 10 MB and the
// renderer reads its font files anew for every picture (~220 ms), so the bot cuts it once to the
// characters its charts use — every character of the Chinese catalog, printable ASCII, and whatever
// else a chart has held so far — and draws from that small file for the life of the process.
import { rmSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import subsetFont from "subset-font";
import { zhCN } from "../i18n/catalog.ts";

/** The family name inside the font file: every text of a chart asks for it. */
export const FONT_FAMILY = "Noto Sans SC";

const FONT_FILE = createRequire(import.meta.url).resolve(
  "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
);

type Subset = { file: string; characters: Set<string> };

function catalogCharacters(o: object, into: Set<string>): Set<string> {
  for (const v of Object.values(o)) {
    if (typeof v === "string") for (const c of v) into.add(c);
    else catalogCharacters(v, into);
  }
  return into;
}

function baseCharacters(): Set<string> {
  const chars = catalogCharacters(zhCN, new Set());
  for (let code = 0x20; code < 0x7f; code++) chars.add(String.fromCharCode(code));
  return chars;
}

let folder: Promise<string> | undefined;
let whole: Promise<Buffer> | undefined;
let made = 0;

/** The whole font file, read once. */
export const wholeFont = () => {
  whole ??= readFile(FONT_FILE);
  return whole;
};

async function cutFont(characters: Set<string>): Promise<Subset> {
  folder ??= mkdtemp(path.join(tmpdir(), "aftersales-charts-")).then((dir) => {
    // The cuts serve this process only: they go with it.
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
  const cut = await subsetFont(await wholeFont(), [...characters].join(""), { targetFormat: "sfnt" });
  // A new file each time: a picture being drawn may still be reading the one before.
  const file = path.join(await folder, `noto-sans-sc-${++made}.ttf`);
  await writeFile(file, cut);
  return { file, characters };
}

let current: Promise<Subset> | undefined;

/** A cut that follows `before` and also holds `wanted`; after a failed cut the next call starts afresh. */
function cutAfter(before: Promise<Subset> | undefined, wanted: string[]): Promise<Subset> {
  const next = (before ?? Promise.resolve(undefined))
    .catch(() => undefined)
    .then((had) => {
      if (had && wanted.every((c) => had.characters.has(c))) return had;
      return cutFont(new Set([...(had?.characters ?? baseCharacters()), ...wanted]));
    });
  current = next;
  next.catch(() => {
    if (current === next) current = undefined;
  });
  return next;
}

/**
 * The path of a font file that has a glyph for every character of `text` (the font has them), for
 * the renderer. Calls at the same time share one cut; a cut is made again only for new characters.
 */
export async function fontFileFor(text: string): Promise<string> {
  const had = await (current ?? cutAfter(undefined, []));
  const wanted = [...new Set(text)].filter((c) => !had.characters.has(c));
  if (!wanted.length) return had.file;
  return (await cutAfter(current, wanted)).file;
}
