// The digest's picture (weekly digest and /case summary): what came in each day against the period
// before, how many first replies came in time against the target, and which products caused most.
import { DateTime } from "luxon";
import type { TopLevelSpec } from "vega-lite";
import type { ActivityChartData } from "../domain/charts.ts";
import type { Category } from "../domain/vocabulary.ts";
import type { Words } from "../i18n/i18n.ts";
import { categoryName, rootCauseName } from "../i18n/labels.ts";
import { dayLabel, everyFew, labelExpr, periodText } from "./days.ts";
import { BASE, CALM, type ChartDraft, emptyNote, GREY, INK, PALETTE } from "./look.ts";

/** Types with their own colour; the rest are drawn together as "Other". */
const NAMED_TYPES = 6;
const TOP_ASINS = 5;
const ALT_TYPES = 3;

const WIDE = 770;
const NARROW = { replies: 350, asins: 320 };
const HEIGHT = { opened: 200, bottom: 150 };
/** A product's bar stays this thick when only one or two products are listed. */
const ASIN_BAR = 24;
/** Right of the bars: beside them there is room for whole type names, above them there was not. */
const LEGEND = { title: null, orient: "right" as const, labelLimit: 220 };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The six biggest types by name, biggest first, then "Other" (the type "other" always goes there). */
function typeBuckets(data: ActivityChartData, w: Words) {
  const totals = new Map<Category, number>();
  for (const o of data.opened) totals.set(o.category, (totals.get(o.category) ?? 0) + o.count);
  const ranked = [...totals].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const named = ranked.filter(([c]) => c !== "other").slice(0, NAMED_TYPES);
  const other = categoryName(w, "other");
  const bucketOf = (c: Category) => (named.some(([n]) => n === c) ? categoryName(w, c) : other);
  const names = named.map(([c]) => categoryName(w, c));
  const hasOther = ranked.length > named.length;
  return {
    ranked,
    bucketOf,
    domain: hasOther ? [...names, other] : names,
    colours: hasOther ? [...PALETTE.slice(0, names.length), GREY] : PALETTE.slice(0, names.length),
  };
}

/** What the picture shows, for the alt text to say the same. */
type Shown = {
  period: string;
  totals: { opened: number; previous: number };
  ranked: [Category, number][];
  topAsins: ActivityChartData["topAsins"];
};

function altText(data: ActivityChartData, { period, totals, ranked, topAsins }: Shown, w: Words) {
  const opened = w.t("charts.activity.altOpened", {
    count: totals.opened,
    n: w.num(totals.opened),
    previous: w.num(totals.previous),
    period,
  });
  const most = ranked.length
    ? w.t("charts.activity.altMost", {
        types: ranked
          .slice(0, ALT_TYPES)
          .map(([c, n]) => w.t("charts.activity.altType", { name: categoryName(w, c), n: w.num(n) }))
          .join(w.t("charts.listComma")),
      })
    : "";
  const due = sum(data.replies.map((r) => r.due));
  const target = w.num(data.targetPercent);
  const replies = due
    ? w.t("charts.activity.altReplies", {
        percent: w.num(Math.round((sum(data.replies.map((r) => r.met)) / due) * 100)),
        target,
      })
    : w.t("charts.activity.altNoReplies", { target });
  const products = topAsins.length
    ? w.t("charts.activity.altProducts", {
        products: topAsins
          .map((a) =>
            a.rootCause
              ? w.t("charts.activity.altProduct", {
                  asin: a.asin,
                  count: a.count,
                  n: w.num(a.count),
                  cause: rootCauseName(w, a.rootCause),
                })
              : w.t("charts.activity.altProductNoCause", { asin: a.asin, count: a.count, n: w.num(a.count) }),
          )
          .join(w.t("charts.listSemicolon")),
      })
    : "";
  return w.t("charts.activity.alt", { opened, most, replies, products }).replace(/\s+/g, " ").trim();
}

export function activityChart(data: ActivityChartData, w: Words, zone: string): ChartDraft {
  const period = periodText(data.days, zone, w);
  const labels = new Map(data.days.map((d) => [d, dayLabel(DateTime.fromISO(d, { zone }), w)]));
  /** The days along a panel `width` wide; a bar panel's days are bands, a line's are points. */
  const dayX = (width: number, scale: { paddingInner: number } | { padding: number }) => ({
    field: "day",
    type: "ordinal" as const,
    scale: { domain: data.days, ...scale },
    axis: {
      title: null,
      labelAngle: 0,
      labelExpr: labelExpr(labels),
      values: everyFew(data.days, Math.floor(width / 85)),
      ticks: false,
    },
  });

  const { ranked, bucketOf, domain, colours } = typeBuckets(data, w);
  const stacked = new Map<string, { day: string; type: string; count: number; order: number }>();
  for (const o of data.opened) {
    const type = bucketOf(o.category);
    const key = `${o.day}\u0000${type}`;
    const row = stacked.get(key) ?? { day: o.day, type, count: 0, order: domain.indexOf(type) };
    row.count += o.count;
    stacked.set(key, row);
  }
  const perDay = new Map<string, number>();
  for (const r of stacked.values()) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.count);
  const previous = new Map(data.previous.map((p) => [p.day, p.count]));
  const before = data.days.map((day) => ({ day, count: previous.get(day) ?? 0 }));
  const total = sum([...perDay.values()]);
  const totals = { opened: total, previous: sum(before.map((b) => b.count)) };
  const openedX = dayX(WIDE, { paddingInner: 0.25 });
  const openedY = {
    field: "count",
    type: "quantitative" as const,
    scale: { domain: [0, Math.max(1, ...perDay.values(), ...before.map((b) => b.count))], nice: true },
    // Flush: the "0" stays clear of the first day's label when many days crowd the axis.
    axis: { title: null, tickMinStep: 1, format: "d", labelFlush: true },
  };
  const periodBefore = w.t("charts.activity.periodBefore");
  const opened = {
    title: {
      text: w.t("charts.activity.title", { period }),
      subtitle: w.t("charts.activity.total", { count: total, n: w.num(total), previous: w.num(totals.previous) }),
    },
    width: WIDE,
    height: HEIGHT.opened,
    layer: [
      {
        data: { values: [...stacked.values()] },
        mark: { type: "bar" as const },
        encoding: {
          x: openedX,
          y: { ...openedY, stack: "zero" as const },
          color: { field: "type", type: "nominal" as const, scale: { domain, range: colours }, legend: LEGEND },
          order: { field: "order", type: "quantitative" as const },
        },
      },
      {
        data: { values: before },
        mark: { type: "line" as const, color: GREY, strokeWidth: 3, opacity: 0.8, point: { color: GREY, size: 40 } },
        encoding: {
          x: openedX,
          y: openedY,
          strokeDash: {
            datum: periodBefore,
            scale: { domain: [periodBefore], range: [[6, 4]] },
            legend: { ...LEGEND, symbolType: "stroke", symbolStrokeColor: GREY, symbolStrokeWidth: 3 },
          },
        },
      },
      ...(total ? [] : [emptyNote(w.t("charts.noData"), WIDE, HEIGHT.opened)]),
    ],
  };

  const inTime = data.replies.filter((r) => r.due > 0).map((r) => ({ day: r.day, share: Math.min(1, r.met / r.due) }));
  const target = data.targetPercent / 100;
  // Shares near the target matter: the axis starts a little below the lowest, in steps of 10%.
  const lowest = Math.min(target, ...inTime.map((r) => r.share));
  const shareY = {
    field: "share",
    type: "quantitative" as const,
    scale: { domain: [Math.max(0, Math.floor((lowest - 0.1) * 10) / 10), 1] },
    // Flush: "100%" stays below the title, the lowest share clear of the first day.
    axis: { title: null, format: ".0%", tickCount: 4, labelFlush: true },
  };
  const replies = {
    title: { text: w.t("charts.activity.replies") },
    width: NARROW.replies,
    height: HEIGHT.bottom,
    layer: [
      {
        data: { values: inTime },
        mark: { type: "line" as const, color: CALM, strokeWidth: 3, point: { color: CALM, size: 70 } },
        encoding: { x: dayX(NARROW.replies, { padding: 1 }), y: shareY },
      },
      {
        data: {
          values: [{ share: target, label: w.t("charts.activity.target", { percent: w.num(data.targetPercent) }) }],
        },
        layer: [
          {
            mark: { type: "rule" as const, color: INK, strokeDash: [8, 5], strokeWidth: 2 },
            encoding: { y: shareY },
          },
          {
            // In the margin, where no point of the line can be.
            mark: { type: "text" as const, align: "left" as const, baseline: "middle" as const, x: NARROW.replies + 8 },
            encoding: { y: shareY, text: { field: "label" } },
          },
        ],
      },
    ],
  };

  const topAsins = [...data.topAsins].sort((a, b) => b.count - a.count).slice(0, TOP_ASINS);
  const asins = topAsins.map((a) => ({
    asin: a.asin,
    count: a.count,
    label: w.t("charts.activity.asinBar", {
      n: w.num(a.count),
      cause: a.rootCause ? rootCauseName(w, a.rootCause) : w.t("charts.activity.noRootCause"),
    }),
  }));
  const asinY = {
    field: "asin",
    type: "nominal" as const,
    sort: asins.map((a) => a.asin),
    axis: { title: null, ticks: false, domain: false },
  };
  const countX = {
    field: "count",
    type: "quantitative" as const,
    // Room right of the longest bar for its label ("25 · Damaged in transit").
    scale: { domain: [0, Math.max(1, ...asins.map((a) => a.count)) * 2.2] },
    axis: null,
  };
  const productsFrame = {
    title: { text: w.t("charts.activity.topAsins") },
    width: NARROW.asins,
    height: HEIGHT.bottom,
  };
  const products = asins.length
    ? {
        ...productsFrame,
        data: { values: asins },
        layer: [
          { mark: { type: "bar" as const, color: PALETTE[1], size: ASIN_BAR }, encoding: { y: asinY, x: countX } },
          {
            mark: { type: "text" as const, align: "left" as const, dx: 6 },
            encoding: { y: asinY, x: countX, text: { field: "label" } },
          },
        ],
      }
    : { ...productsFrame, layer: [emptyNote(w.t("charts.noData"), NARROW.asins, HEIGHT.bottom)] };

  const spec = {
    ...BASE,
    vconcat: [opened, { hconcat: [replies, products], spacing: 40 }],
    // The legend belongs to the top panel: beside it, not beside the whole picture.
    resolve: { legend: { color: "independent", strokeDash: "independent" } },
  } satisfies TopLevelSpec;
  const first = data.days[0];
  const last = data.days.at(-1);
  return {
    spec,
    title: w.t("charts.activity.title", { period }),
    alt: altText(data, { period, totals, ranked, topAsins }, w),
    filename: first && last ? `cases-${first}-${last}.png` : "cases.png",
  };
}
