// The Order Defect Rate per marketplace against Amazon's limit: the team's figure as a bar (over the
// limit in the alert colour), Amazon's own figure as a black mark where the account health gave one.
import type { TopLevelSpec } from "vega-lite";
import type { OdrChartData } from "../domain/charts.ts";
import type { Words } from "../i18n/i18n.ts";
import { ALERT, BASE, CALM, type ChartDraft, emptyNote, INK } from "./look.ts";

const WIDTH = 680;
const HEIGHT = 320;
const BAR = 56;

export function odrChart(data: OdrChartData, w: Words): ChartDraft {
  const pct = (n: number) => w.num(n, 2);
  const rows = data.marketplaces.map((m) => ({
    marketplace: m.marketplace,
    percent: m.percent,
    amazon: m.amazonPercent,
    // At the limit counts as over it, as in the bot's ODR alerts.
    over: m.percent >= data.limitPercent,
    label:
      m.amazonPercent === null
        ? w.t("charts.odr.bar", { percent: pct(m.percent) })
        : w.t("charts.odr.barWithAmazon", { percent: pct(m.percent), amazon: pct(m.amazonPercent) }),
  }));
  const highest = Math.max(data.limitPercent, ...rows.flatMap((r) => [r.percent, r.amazon ?? 0]));
  const x = { type: "quantitative" as const, scale: { domain: [0, highest * 1.1] } };
  const size = Math.min(BAR, (HEIGHT / Math.max(1, rows.length)) * 0.6);
  const y = { field: "marketplace", type: "nominal" as const, sort: null, axis: { title: null, ticks: false } };
  const title = w.t("charts.odr.title");

  const marketplaces = [
    {
      mark: { type: "bar" as const, size },
      encoding: {
        y,
        x: {
          field: "percent",
          ...x,
          axis: { title: null, tickCount: 6, labelExpr: "format(datum.value, '.2~f') + '%'" },
        },
        color: { condition: { test: "datum.over", value: ALERT }, value: CALM },
      },
    },
    {
      transform: [{ filter: "datum.amazon !== null" }],
      mark: { type: "tick" as const, color: INK, opacity: 1, thickness: 4, size: size + 14 },
      encoding: { y, x: { field: "amazon", ...x } },
    },
    {
      // A column right of the plot: a label there crosses no bar, mark or limit line.
      mark: { type: "text" as const, align: "left" as const, x: WIDTH + 16 },
      encoding: { y, text: { field: "label" } },
    },
  ];
  const limit = {
    data: {
      values: [{ limit: data.limitPercent, label: w.t("charts.odr.limit", { limit: w.num(data.limitPercent) }) }],
    },
    layer: [
      { mark: { type: "rule" as const, color: ALERT, strokeWidth: 3 }, encoding: { x: { field: "limit", ...x } } },
      {
        mark: { type: "text" as const, color: ALERT, baseline: "bottom" as const, y: -6 },
        encoding: { x: { field: "limit", ...x }, text: { field: "label" } },
      },
    ],
  };

  const spec = {
    ...BASE,
    // The subtitle says what the black mark is: only when there is one.
    title: {
      text: title,
      ...(rows.some((r) => r.amazon !== null) ? { subtitle: w.t("charts.odr.subtitle") } : {}),
      offset: 34,
    },
    width: WIDTH,
    height: HEIGHT,
    layer: rows.length
      ? [{ data: { values: rows }, layer: marketplaces }, limit]
      : [emptyNote(w.t("charts.odr.noData"), WIDTH, HEIGHT)],
  } satisfies TopLevelSpec;

  const limitText = w.num(data.limitPercent);
  const alt = rows.length
    ? w.t("charts.odr.alt", {
        limit: limitText,
        lines: rows
          .map((r) =>
            r.amazon === null
              ? w.t("charts.odr.altLine", { marketplace: r.marketplace, percent: pct(r.percent) })
              : w.t("charts.odr.altLineWithAmazon", {
                  marketplace: r.marketplace,
                  percent: pct(r.percent),
                  amazon: pct(r.amazon),
                }),
          )
          .join(w.t("charts.listSemicolon")),
      })
    : w.t("charts.odr.altNone", { limit: limitText });
  return { spec, title, alt, filename: "order-defect-rate.png" };
}
