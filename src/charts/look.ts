// How every chart looks. Charts are read in Slack on phones as often as on desks, shrunk to the
// screen's width, so text is large; colours are the Okabe–Ito set, told apart with any colour vision.
import type { Config, TopLevelSpec } from "vega-lite";
import { FONT_FAMILY } from "./fonts.ts";

/** A chart before it is drawn: its Vega-Lite spec, and the words that go with the picture. */
export type ChartDraft = { spec: TopLevelSpec; title: string; alt: string; filename: string };

/** Okabe–Ito, most distinct first. */
export const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442"] as const;
/** What is only context: "Other", the period before, the usual rate. */
export const GREY = "#999999";
/** Over a limit. */
export const ALERT = "#D55E00";
/** A figure within its limit. */
export const CALM = "#0072B2";
export const INK = "#222222";

export const TEXT = { title: 24, subtitle: 17, axisTitle: 16, label: 15, mark: 16 } as const;

// Only the regular weight is shipped: a bold title would be drawn with a fake or a fallback font.
const CONFIG: Config = {
  font: FONT_FAMILY,
  background: "white",
  padding: 16,
  view: { stroke: null },
  title: {
    font: FONT_FAMILY,
    fontSize: TEXT.title,
    fontWeight: "normal",
    subtitleFont: FONT_FAMILY,
    subtitleFontSize: TEXT.subtitle,
    subtitleColor: "#555555",
    color: INK,
    anchor: "start",
    offset: 12,
  },
  axis: {
    labelFont: FONT_FAMILY,
    labelFontSize: TEXT.label,
    labelColor: INK,
    titleFont: FONT_FAMILY,
    titleFontSize: TEXT.axisTitle,
    titleFontWeight: "normal",
    titleColor: INK,
    gridColor: "#E4E4E4",
  },
  legend: {
    labelFont: FONT_FAMILY,
    labelFontSize: TEXT.label,
    labelColor: INK,
    titleFont: FONT_FAMILY,
    titleFontWeight: "normal",
    symbolSize: 180,
  },
  text: { font: FONT_FAMILY, fontSize: TEXT.mark, fontWeight: "normal", color: INK },
  concat: { spacing: 40 },
};

/** What every chart's spec starts with. */
export const BASE = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", config: CONFIG };

/** A note in the middle of a panel with nothing to show, so an empty chart still reads. */
export const emptyNote = (text: string, width: number, height: number) => ({
  data: { values: [{ text }] },
  mark: { type: "text" as const, fontSize: TEXT.mark, color: GREY, x: width / 2, y: height / 2 },
  encoding: { text: { field: "text" } },
});
