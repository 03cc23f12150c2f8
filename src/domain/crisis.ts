// Early warning and crisis rules: return waves per ASIN, risk words in buyers' text, and the
// windows and states of the alerts that rally the team (store/crisisAlerts.ts raises them).
import type { Priority } from "./vocabulary.ts";

export type WaveSettings = {
  minCases: number;
  windowHours: number;
  multiplier: number;
  baselineDays: number;
  quietHours: number;
};
export type CrisisSettings = {
  channelId: string;
  wave: WaveSettings;
  odr: { alertPercent: number; warningPercent: number };
  riskPhrases: string[];
};

export const DEFAULT_RISK_PHRASES = [
  "poor quality",
  "not as described",
  "broken",
  "fake",
  "never arrived",
  "质量差",
  "与描述不符",
  "假货",
  "没收到",
];
/** The window key of an alert while it runs: at most one running alert per kind and subject. */
export const RUNNING_WINDOW = "active";
/** The status of an alert that has not cleared. */
export const ACTIVE_STATUS = "active";
export const CLEARED_STATUS = "cleared";
/** The subject of a risk heads-up for cases without an ASIN. */
export const NO_ASIN = "(no ASIN)";
export const HOUR = 3_600_000;

/** A cleared alert keeps its start as window key, freeing the running key for a later alert. */
export function clearedWindow(startedAt: Date): string {
  return startedAt.toISOString();
}

/** Risk heads-ups are one per ASIN per clock hour: the hour is the window key. */
export function riskHourWindow(now: Date): string {
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR).toISOString();
}

/** The two periods a wave is measured on: the window itself and the usual rate before it. */
export function waveWindows(now: Date, s: WaveSettings): { windowStart: Date; baselineStart: Date } {
  const windowStart = new Date(now.getTime() - s.windowHours * HOUR);
  return { windowStart, baselineStart: new Date(windowStart.getTime() - s.baselineDays * 24 * HOUR) };
}

/** The configured risk phrases that occur in the text (case-insensitive), in configured order. */
export function findRiskPhrases(text: string, phrases: string[]): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((p) => lower.includes(p.toLowerCase()));
}

/** A risk case moves up one priority: the buyer may file a claim next. */
export function raisePriority(p: Priority): Priority {
  return p === "normal" ? "high" : "urgent";
}

/** A wave: at least minCases in the window, and at least `multiplier` times the usual daily rate. */
export function isWave(countInWindow: number, baselineCount: number, s: WaveSettings): boolean {
  const usualPerWindow = (baselineCount / s.baselineDays) * (s.windowHours / 24);
  return countInWindow >= s.minCases && countInWindow >= s.multiplier * usualPerWindow;
}
