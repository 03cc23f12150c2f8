// Drawing a chart: Vega-Lite spec → Vega → SVG → PNG, with text in the reader's language. The PNG
// is drawn off the event loop, so Slack's requests keep being answered while it is made.
import { renderAsync } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile } from "vega-lite";
import { ALT_TEXT_LIMIT, type ChartRequest } from "../domain/charts.ts";
import type { Words } from "../i18n/i18n.ts";
import { trimText } from "../views/text.ts";
import { activityChart } from "./activity.ts";
import { FONT_FAMILY, fontFileFor } from "./fonts.ts";
import type { ChartDraft } from "./look.ts";
import { odrChart } from "./odr.ts";
import { measureTextInChartFont } from "./textWidth.ts";
import { waveChart } from "./wave.ts";

export type RenderedChart = {
  png: Buffer;
  width: number;
  height: number;
  title: string;
  alt: string;
  filename: string;
};

function draft(req: ChartRequest, w: Words, zone: string): ChartDraft {
  switch (req.kind) {
    case "activity":
      return activityChart(req.data, w, zone);
    case "wave":
      return waveChart(req.data, w, zone);
    case "odr":
      return odrChart(req.data, w);
  }
}

async function svgOf(d: ChartDraft): Promise<string> {
  await measureTextInChartFont();
  const view = new vega.View(vega.parse(compile(d.spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG of an SVG, its text set in the bundled font. */
export async function pngOf(svg: string) {
  return renderAsync(svg, {
    font: { fontFiles: [await fontFileFor(svg)], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: "white",
  });
}

/** The chart as a PNG with its file title, alt text (the same figures in words) and file name. */
export async function renderChart(req: ChartRequest, w: Words, zone: string): Promise<RenderedChart> {
  const d = draft(req, w, zone);
  const image = await pngOf(await svgOf(d));
  return {
    png: image.asPng(),
    width: image.width,
    height: image.height,
    title: d.title,
    alt: trimText(d.alt, ALT_TEXT_LIMIT),
    filename: d.filename,
  };
}
