// Benchmark: the weekly digest's chart (7 days, 8 case types, 5 ASINs), drawn as the bot posts it,
// in English and in Chinese. The first drawing of the process also cuts the font to the characters
// the charts use; the target is that a drawing takes under 300 ms, so the digest is not held up.
//   npm run bench:charts
import { renderChart } from "../src/charts/render.ts";
import { sampleWeek } from "../src/charts/sampleWeek.ts";
import { type Lang, words } from "../src/i18n/i18n.ts";

const RUNS = 30;
/** Drawings before the timed ones, so that the timed ones run warm as in a bot that has drawn before. */
const WARM_UP = 5;
const TARGET_MS = 300;
const ZONE = "Europe/Berlin";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timeOne(lang: Lang): Promise<number> {
  const t = performance.now();
  await renderChart({ kind: "activity", data: sampleWeek() }, words(lang), ZONE);
  return performance.now() - t;
}

async function main() {
  console.log(
    `Weekly digest chart: 7 days, 8 case types, 5 ASINs; ${RUNS} drawings per language after ${WARM_UP} warm-up ones`,
  );
  let met = true;
  for (const lang of ["en", "zh-CN"] as const) {
    const first = await timeOne(lang);
    for (let i = 0; i < WARM_UP; i++) await timeOne(lang);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeOne(lang));
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    met &&= p95 < TARGET_MS;
    console.log(
      `  ${lang.padEnd(5)} first ${ms(first)}${lang === "en" ? " (with the font cut)" : ""} · ` +
        `p50 ${ms(percentile(times, 50))} · p95 ${ms(p95)} · max ${ms(times.at(-1) ?? Number.NaN)}`,
    );
  }
  console.log(`Target: p95 under ${TARGET_MS} ms: ${met ? "met" : "NOT met"}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
