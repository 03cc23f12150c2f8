// A realistic week of an after-sales team selling on Amazon (eight case types, five busy ASINs), for
// the sample picture in the docs and the chart benchmark: fixed figures, so both show the same week.
import type { ActivityChartData } from "../domain/charts.ts";
import type { Category } from "../domain/vocabulary.ts";

const DAYS = ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"];

/** Cases per type on each day of the week (Saturday to Friday): returns peak after the weekend. */
const OPENED: Partial<Record<Category, number[]>> = {
  return: [9, 7, 14, 15, 12, 12, 11],
  refund: [3, 2, 6, 5, 5, 5, 4],
  delivery_issue: [1, 2, 3, 2, 3, 2, 2],
  negative_review: [1, 1, 2, 2, 2, 1, 1],
  replacement: [1, 0, 2, 1, 1, 2, 1],
  a_to_z_claim: [0, 1, 1, 0, 1, 0, 1],
  complaint: [0, 0, 1, 1, 0, 1, 0],
  reshipment: [0, 0, 0, 1, 0, 1, 0],
};

export function sampleWeek(): ActivityChartData {
  return {
    days: DAYS,
    opened: Object.entries(OPENED).flatMap(([category, counts]) =>
      DAYS.map((day, i) => ({ day, category: category as Category, count: counts[i] ?? 0 })).filter((o) => o.count),
    ),
    previous: [12, 10, 19, 20, 18, 21, 20].map((count, i) => ({ day: DAYS[i] as string, count })),
    replies: [
      [14, 12],
      [13, 11],
      [29, 27],
      [27, 26],
      [24, 23],
      [24, 22],
      [20, 19],
    ].map(([due, met], i) => ({ day: DAYS[i] as string, due: due as number, met: met as number })),
    targetPercent: 95,
    topAsins: [
      { asin: "B0C7KQ2M4X", count: 25, rootCause: "defect" },
      { asin: "B09XJ1R5TT", count: 14, rootCause: "not_as_described" },
      { asin: "B0BHZ83LQD", count: 11, rootCause: "damaged_in_transit" },
      { asin: "B0D2FV6WNA", count: 8, rootCause: null },
      { asin: "B08L5QY7PR", count: 6, rootCause: "wrong_item" },
    ],
  };
}
