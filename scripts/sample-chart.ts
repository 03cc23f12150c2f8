// Draws the weekly digest's chart for a sample week, in English and in Chinese, into docs/images/
// to show what the team gets. Run it again after changing how charts look:
//   npm run chart:sample
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { renderChart } from "../src/charts/render.ts";
import { sampleWeek } from "../src/charts/sampleWeek.ts";
import { words } from "../src/i18n/i18n.ts";

const ZONE = "Europe/Berlin";
const images = path.resolve(import.meta.dirname, "../docs/images");

for (const [lang, file] of [
  ["en", "sample-digest-chart.png"],
  ["zh-CN", "sample-digest-chart-zh.png"],
] as const) {
  const chart = await renderChart({ kind: "activity", data: sampleWeek() }, words(lang), ZONE);
  await writeFile(path.join(images, file), chart.png);
  console.log(`${file}: ${chart.width}×${chart.height}, “${chart.title}”\n  ${chart.alt}`);
}
