// The charts posted with the digest, return waves and ODR warnings: real PNGs of the expected size,
// with something drawn in the expected colours, Chinese in real glyphs, and alt text that carries the
// figures for who cannot see the picture.
import { Resvg } from "@resvg/resvg-js";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { fontFileFor } from "../../src/charts/fonts.ts";
import { CALM, PALETTE } from "../../src/charts/look.ts";
import { pngOf, type RenderedChart, renderChart } from "../../src/charts/render.ts";
import { sampleWeek } from "../../src/charts/sampleWeek.ts";
import type { ChartRequest, OdrChartData, WaveChartData } from "../../src/domain/charts.ts";
import { type Lang, words } from "../../src/i18n/i18n.ts";
import { PNG_SIGNATURE } from "../support/png.ts";

const ZONE = "Europe/Berlin";

/** Width and height from the PNG's header (IHDR), as Slack reads them. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The PNG's RGBA pixels, decoded by drawing it as an image. */
function pixelsOf(chart: RenderedChart): Buffer {
  const { width, height } = chart;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${chart.png.toString("base64")}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

/** How many pixels are exactly this colour ("#RRGGBB"), and how many are not white. */
function countPixels(pixels: Buffer, colour?: string) {
  const [r, g, b] = colour ? [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)) : [];
  let matching = 0;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) ink++;
    if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) matching++;
  }
  return { matching, ink, total: pixels.length / 4 };
}

function expectPicture(chart: RenderedChart, size: { width: [number, number]; height: [number, number] }) {
  expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const header = pngSize(chart.png);
  expect(header).toEqual({ width: chart.width, height: chart.height });
  expect(header.width).toBeGreaterThanOrEqual(size.width[0]);
  expect(header.width).toBeLessThanOrEqual(size.width[1]);
  expect(header.height).toBeGreaterThanOrEqual(size.height[0]);
  expect(header.height).toBeLessThanOrEqual(size.height[1]);
}

const wave: WaveChartData = {
  asin: "B0C7KQ2M4X",
  // 72 hours from 25 Nov 00:00 UTC: a case now and then, then 16 busy hours, the busiest 27 Nov 14:00 UTC.
  hours: Array.from({ length: 72 }, (_, i) => ({
    hour: new Date(Date.UTC(2026, 10, 25, i)).toISOString(),
    count: i === 62 ? 9 : i >= 56 ? 4 + (i % 3) : i % 10 === 0 ? 1 : 0,
  })),
  usualPerHour: 0.4,
  wavePerHour: 3,
};

const odr: OdrChartData = {
  limitPercent: 1,
  marketplaces: [
    { marketplace: "US", percent: 0.62, amazonPercent: 0.58 },
    { marketplace: "UK", percent: 1.24, amazonPercent: 1.1 },
    { marketplace: "DE", percent: 0.31, amazonPercent: null },
  ],
};

const render = (req: ChartRequest, lang: Lang = "en") => renderChart(req, words(lang), ZONE);

// Vega-Lite and Vega tell of a spec they had to correct on the console: every chart draws without.
let warn: MockInstance;
beforeEach(() => {
  warn = vi.spyOn(console, "warn");
});
afterEach(() => {
  const warnings = warn.mock.calls;
  vi.restoreAllMocks();
  expect(warnings).toEqual([]);
});

describe("the chart font", () => {
  it("is cut once for charts drawn at the same time, and again only for a character it lacks", async () => {
    const [a, b] = await Promise.all([fontFileFor("Return 退货"), fontFileFor("Refund 退款")]);
    expect(a).toBe(b);
    const more = await fontFileFor("鑫");
    expect(more).not.toBe(a);
    expect(await fontFileFor("鑫 退货")).toBe(more);
  });

  it("draws Chinese in real glyphs: two characters look different, and each leaves ink", async () => {
    const glyph = async (c: string) =>
      (
        await pngOf(
          `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><text x="8" y="64" font-size="64" font-family="Noto Sans SC">${c}</text></svg>`,
        )
      ).pixels;
    const [goods, refund] = [await glyph("货"), await glyph("款")];
    expect(countPixels(goods).ink).toBeGreaterThan(200);
    expect(countPixels(refund).ink).toBeGreaterThan(200);
    expect(goods.equals(refund)).toBe(false);
  });
});

describe("the digest chart", () => {
  it("shows the week in English: cases by type, first replies and products, with the figures in its alt text", async () => {
    const chart = await render({ kind: "activity", data: sampleWeek() });
    expectPicture(chart, { width: [950, 1050], height: [500, 650] });
    const pixels = countPixels(pixelsOf(chart), PALETTE[0]); // Return, the biggest type
    expect(pixels.matching).toBeGreaterThan(5_000);
    expect(pixels.ink / pixels.total).toBeGreaterThan(0.1);
    expect(chart.title).toBe("Cases opened per day, 21 Nov – 27 Nov 2026");
    expect(chart.filename).toBe("cases-2026-11-21-2026-11-27.png");
    expect(chart.alt).toContain("152 in all (120 in the period before)");
    expect(chart.alt).toContain("Most: Return 80, Refund 30, Delivery issue 15.");
    expect(chart.alt).toContain("First replies in time: 93% (target 95%).");
    expect(chart.alt).toContain("B0C7KQ2M4X: 25 cases, mostly Defect; ");
    expect(chart.alt).toContain("B0D2FV6WNA: 8 cases, no root cause yet");
  });

  it("shows the week in Chinese", async () => {
    const chart = await render({ kind: "activity", data: sampleWeek() }, "zh-CN");
    expectPicture(chart, { width: [900, 1050], height: [500, 650] });
    expect(countPixels(pixelsOf(chart), PALETTE[0]).matching).toBeGreaterThan(5_000);
    expect(chart.title).toBe("每日新建工单，2026年11月21日 – 11月27日");
    expect(chart.alt).toContain("共 152 个（上期 120 个）");
    expect(chart.alt).toContain("退货 80 个、退款 30 个");
    expect(chart.alt).toContain("首次回复准时率：93%（目标 95%）");
    expect(chart.alt).toContain("B0C7KQ2M4X：25 个工单，主要原因为质量缺陷");
  });

  it("still draws a period without cases, and says so", async () => {
    const chart = await render({
      kind: "activity",
      data: { days: sampleWeek().days, opened: [], previous: [], replies: [], targetPercent: 95, topAsins: [] },
    });
    expectPicture(chart, { width: [900, 1050], height: [500, 650] });
    expect(countPixels(pixelsOf(chart)).ink).toBeGreaterThan(1_000);
    expect(chart.alt).toBe(
      "Cases opened per day, 21 Nov – 27 Nov 2026: 0 in all (0 in the period before). No first reply was due (target 95%).",
    );
  });

  it("keeps its alt text within Slack's 1,000 characters", async () => {
    const week = sampleWeek();
    const long = { ...week, topAsins: week.topAsins.map((a, i) => ({ ...a, asin: `${i}${"X".repeat(300)}` })) };
    const chart = await render({ kind: "activity", data: long });
    expect(chart.alt).toHaveLength(1000);
    expect(chart.alt.endsWith("…")).toBe(true);
  });
});

describe("the return wave chart", () => {
  it("shows the cases per hour against the usual rate and the threshold, in the team's time zone", async () => {
    const chart = await renderChart({ kind: "wave", data: wave }, words("en"), "Asia/Shanghai");
    expectPicture(chart, { width: [900, 1050], height: [400, 550] });
    expect(countPixels(pixelsOf(chart), PALETTE[4]).matching).toBeGreaterThan(2_000); // hours over the threshold
    expect(chart.title).toBe("Return wave: B0C7KQ2M4X, cases per hour");
    expect(chart.filename).toBe("wave-B0C7KQ2M4X-2026-11-28.png");
    expect(chart.alt).toBe(
      "Return wave for B0C7KQ2M4X: 90 cases in the last 72 hours, at most 9 in one hour (Nov 27, 22:00). Usually 0.4 an hour; a wave from 3 an hour.",
    );
  });

  it("says it in Chinese", async () => {
    const chart = await render({ kind: "wave", data: wave }, "zh-CN");
    expectPicture(chart, { width: [900, 1050], height: [400, 550] });
    expect(chart.alt).toContain("最近 72 小时共 90 个工单，单小时最多 9 个（11月27日 15:00）");
    expect(chart.alt).toContain("平常每小时 0.4 个");
  });
});

describe("the ODR chart", () => {
  it("shows each marketplace against the limit, over it in the alert colour, with Amazon's figure", async () => {
    const chart = await render({ kind: "odr", data: odr });
    expectPicture(chart, { width: [850, 1050], height: [400, 550] });
    const pixels = pixelsOf(chart);
    expect(countPixels(pixels, PALETTE[4]).matching).toBeGreaterThan(5_000); // UK, over the limit
    expect(countPixels(pixels, CALM).matching).toBeGreaterThan(5_000); // US and DE
    expect(chart.alt).toBe(
      "Order Defect Rate over 60 days against the 1% limit: US 0.62% (Amazon 0.58%); UK 1.24% (Amazon 1.10%); DE 0.31%.",
    );
  });

  it("says it in Chinese, and draws without any marketplace", async () => {
    const chart = await render({ kind: "odr", data: odr }, "zh-CN");
    expectPicture(chart, { width: [850, 1050], height: [400, 550] });
    expect(chart.alt).toBe(
      "60 天订单缺陷率 (ODR)，上限 1%：US 0.62%（亚马逊 0.58%）；UK 1.24%（亚马逊 1.10%）；DE 0.31%。",
    );
    const none = await render({ kind: "odr", data: { limitPercent: 1, marketplaces: [] } });
    expect(none.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(none.alt).toBe("No Order Defect Rate yet (the limit is 1%).");
  });
});
