// Vega places labels, legends and titles by the width of their text. On a server it has no canvas
// to measure with and guesses 0.8 em a character: far too wide for Latin text (wide gaps, a legend
// pushed off) and too narrow for Chinese (text cut off at the edge). These widths are the font's own.
import * as vega from "vega";
import { wholeFont } from "./fonts.ts";

type TextItem = { fontSize?: number | string | null };
type TextMetrics = { width: (item: TextItem, text: unknown) => number };
/** Vega's text measure: exported at run time, missing from its types. */
const textMetrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;

/** Advance width in em of each character, from the font's tables (cmap format 12, hmtx). */
function advancesOf(font: Buffer): (codePoint: number) => number {
  const tables = new Map<string, number>();
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++)
    tables.set(font.toString("latin1", 12 + 16 * i, 16 + 16 * i), font.readUInt32BE(20 + 16 * i));
  const [cmap, hmtx, hhea, head] = ["cmap", "hmtx", "hhea", "head"].map((t) => tables.get(t));
  if (cmap === undefined || hmtx === undefined || hhea === undefined || head === undefined)
    throw new Error("the chart font has no cmap, hmtx, hhea or head table");
  const unitsPerEm = font.readUInt16BE(head + 18);
  const metrics = font.readUInt16BE(hhea + 34);
  let groups = -1;
  for (let i = 0, n = font.readUInt16BE(cmap + 2); i < n && groups < 0; i++) {
    const sub = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    if (font.readUInt16BE(sub) === 12) groups = sub;
  }
  if (groups < 0) throw new Error("the chart font has no full Unicode character map (cmap format 12)");
  const count = font.readUInt32BE(groups + 12);
  const glyphOf = (cp: number) => {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = groups + 16 + 12 * mid;
      if (cp < font.readUInt32BE(at)) hi = mid - 1;
      else if (cp > font.readUInt32BE(at + 4)) lo = mid + 1;
      else return font.readUInt32BE(at + 8) + cp - font.readUInt32BE(at);
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return (cp) => {
    let em = cache.get(cp);
    if (em === undefined) {
      const glyph = Math.min(glyphOf(cp), metrics - 1);
      em = font.readUInt16BE(hmtx + 4 * glyph) / unitsPerEm;
      cache.set(cp, em);
    }
    return em;
  };
}

let measuring: Promise<void> | undefined;

/** Makes Vega measure text in the chart font; once per process, before the first layout. */
export function measureTextInChartFont(): Promise<void> {
  measuring ??= wholeFont().then((font) => {
    const advance = advancesOf(font);
    textMetrics.width = (item, text) => {
      const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
      let em = 0;
      for (const c of String(text ?? "").trim()) em += advance(c.codePointAt(0) ?? 0);
      return em * size;
    };
  });
  return measuring;
}
