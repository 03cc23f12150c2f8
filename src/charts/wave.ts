// A return wave's picture: one ASIN's cases per hour against its usual rate and the rate that makes
// a wave, in the team's time zone (the hours come in UTC). Hours at or over the threshold stand out.
import { DateTime } from "luxon";
import type { TopLevelSpec } from "vega-lite";
import type { WaveChartData } from "../domain/charts.ts";
import type { Words } from "../i18n/i18n.ts";
import { dayHourLabel, dayLabel, hourLabel, labelExpr } from "./days.ts";
import { ALERT, BASE, CALM, type ChartDraft, emptyNote, GREY, INK, TEXT } from "./look.ts";

const WIDTH = 800;
const HEIGHT = 330;
/** Hours between axis labels: the shortest that leaves room for each label. */
const LABEL_STEPS = [1, 2, 3, 6, 12, 24];
const MAX_LABELS = 13;

/** 0.25 → "0.25", 1.5 → "1.5", 3 → "3". */
const rate = (n: number, w: Words) => w.num(Math.round(n * 100) / 100);

export function waveChart(data: WaveChartData, w: Words, zone: string): ChartDraft {
  const hours = data.hours.map((h) => ({ ...h, at: DateTime.fromISO(h.hour, { zone: "utc" }).setZone(zone) }));
  const step = LABEL_STEPS.find((s) => hours.length / s <= MAX_LABELS) ?? 24;
  const labels = new Map(
    hours
      .filter((h) => h.at.hour % step === 0)
      .map((h) => [h.hour, h.at.hour === 0 ? dayLabel(h.at, w) : hourLabel(h.at, w)]),
  );
  const total = hours.reduce((a, h) => a + h.count, 0);
  const peak = hours.reduce<(typeof hours)[number] | undefined>((p, h) => (p && p.count >= h.count ? p : h), undefined);
  const yMax = Math.max(1, data.wavePerHour * 1.2, ...hours.map((h) => h.count));
  const y = { type: "quantitative" as const, scale: { domain: [0, yMax], nice: false } };
  // The two lines are labelled in the right margin, where no bar is: each above its line, unless
  // the usual rate is too close below the threshold, then below its own.
  const apart = ((data.wavePerHour - data.usualPerHour) / yMax) * HEIGHT;
  const usualBaseline = apart < TEXT.mark + 6 ? ("top" as const) : ("bottom" as const);
  const asin = data.asin;
  const title = w.t("charts.wave.title", { asin });

  const spec = {
    ...BASE,
    title: { text: title, subtitle: w.t("charts.wave.subtitle", { hours: w.num(hours.length), zone }) },
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: [{ usual: data.usualPerHour, label: w.t("charts.wave.usual") }] },
        layer: [
          {
            mark: { type: "rect" as const, color: GREY, opacity: 0.3 },
            encoding: { y: { datum: data.usualPerHour, ...y }, y2: { datum: 0 } },
          },
          {
            mark: {
              type: "text" as const,
              align: "left" as const,
              baseline: usualBaseline,
              dy: usualBaseline === "top" ? 3 : -3,
              x: WIDTH + 8,
              color: "#555555",
            },
            encoding: { y: { field: "usual", ...y }, text: { field: "label" } },
          },
        ],
      },
      {
        data: { values: hours.map(({ hour, count }) => ({ hour, count, over: count >= data.wavePerHour })) },
        mark: { type: "bar" as const },
        encoding: {
          x: {
            field: "hour",
            type: "ordinal" as const,
            scale: { domain: hours.map((h) => h.hour), paddingInner: 0.15 },
            axis: { title: null, labelAngle: 0, values: [...labels.keys()], labelExpr: labelExpr(labels) },
          },
          y: { field: "count", ...y, axis: { title: w.t("charts.wave.perHour"), tickMinStep: 1, format: "d" } },
          color: { condition: { test: "datum.over", value: ALERT }, value: CALM },
        },
      },
      {
        data: { values: [{ wave: data.wavePerHour, label: w.t("charts.wave.threshold") }] },
        layer: [
          {
            mark: { type: "rule" as const, color: INK, strokeDash: [8, 5], strokeWidth: 2 },
            encoding: { y: { field: "wave", ...y } },
          },
          {
            mark: { type: "text" as const, align: "left" as const, baseline: "bottom" as const, dy: -3, x: WIDTH + 8 },
            encoding: { y: { field: "wave", ...y }, text: { field: "label" } },
          },
        ],
      },
      ...(hours.length ? [] : [emptyNote(w.t("charts.noData"), WIDTH, HEIGHT)]),
    ],
  } satisfies TopLevelSpec;

  const last = hours.at(-1)?.at.toISODate();
  const alt = w.t("charts.wave.alt", {
    asin,
    count: total,
    n: w.num(total),
    hours: w.num(hours.length),
    peak: w.num(peak?.count ?? 0),
    peakAt: peak ? dayHourLabel(peak.at, w) : "—",
    usual: rate(data.usualPerHour, w),
    wave: rate(data.wavePerHour, w),
  });
  const safeAsin = asin.replace(/[^A-Za-z0-9-]/g, "") || "asin";
  return { spec, title, alt, filename: `wave-${safeAsin}${last ? `-${last}` : ""}.png` };
}
