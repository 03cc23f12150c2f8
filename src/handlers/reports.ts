// "/case summary" and "/case list": answered privately to whoever asked; lists page with buttons.
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { MARKETPLACE_CODES } from "../domain/amazon.ts";
import { PAGE_SIZE, parseListFilter } from "../domain/caseLists.ts";
import { CHART_MAX_DAYS, periodDays, reportCharts } from "../domain/charts.ts";
import { parseOrdersArgs } from "../domain/odr.ts";
import { parseReportRange, splitChartWord } from "../domain/reportRange.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { ACTIONS } from "../ids.ts";
import { listCases } from "../store/caseLists.ts";
import { deliveryHealth, sendFailedAgain } from "../store/deliveryHealth.ts";
import { checkOdr, recordOrders } from "../store/odr.ts";
import { enqueue } from "../store/outbox.ts";
import { triageReport } from "../store/triage.ts";
import { caseListMessage } from "../views/caseList.ts";
import { deliveryHealthMessage, retryAnswer } from "../views/deliveryHealth.ts";
import { amazonOdrSuffix } from "../views/odrLines.ts";
import { triageMessage } from "../views/triageReport.ts";
import { teamWords, wordsFor } from "./kit.ts";

/** "/case summary [range] [chart]": the report privately; with "chart" its pictures also go to the person's DM. */
export async function answerSummary(
  deps: AppDeps,
  argsText: string,
  userId: string,
  respond: RespondFn,
  w: Words = ENGLISH,
): Promise<void> {
  const now = deps.now();
  const { rangeText, chart } = splitChartWord(argsText);
  const range = parseReportRange(rangeText, now, deps.config.teamTimezone);
  if ("error" in range) {
    await respond({ response_type: "ephemeral", text: say(w, range.error) });
    return;
  }
  const zone = deps.config.teamTimezone;
  const report = await triageReport(
    deps.prisma,
    range.period,
    deps.config.crisis.odr.alertPercent,
    zone,
    deps.config.routing.overload,
  );
  const message = triageMessage(report, { title: w.t("reports.triage.summaryTitle"), zone, now, words: w });
  await respond({ response_type: "ephemeral", ...message });
  if (!chart) return;
  if (periodDays(range.period, zone).length > CHART_MAX_DAYS) {
    await respond({ response_type: "ephemeral", text: w.t("reports.chart.tooLong", { days: CHART_MAX_DAYS }) });
    return;
  }
  // Ephemeral messages cannot carry files: the pictures go to the person's direct messages. The
  // same request again within the minute (a second press of Enter) sends nothing new.
  const asked = rangeText.trim().toLowerCase() || "7d";
  const queued = await enqueue(deps.prisma, [
    {
      kind: "chart",
      key: `summary:${userId}:${asked}:${Math.floor(now.getTime() / 60_000)}`,
      place: { person: userId },
      charts: reportCharts(report, zone, deps.config.replyTargetPercent),
      lang: w.lang,
      zone,
      comment: w.t("reports.chart.summaryComment", { range: asked }),
    },
  ]);
  deps.wakeOutbox();
  await respond({
    response_type: "ephemeral",
    text: w.t(queued ? "reports.chart.onItsWay" : "reports.chart.alreadyOnItsWay"),
  });
}

/** "/case list …": the first page, as a new private message. */
export async function answerList(
  deps: AppDeps,
  filterText: string,
  userId: string,
  respond: RespondFn,
  w: Words = ENGLISH,
): Promise<void> {
  await respondWithList(deps, filterText, userId, 0, respond, false, w);
}

/** Previous/next on a list: the page replaces the one the person is looking at. */
export async function turnListPage(
  deps: AppDeps,
  filterText: string,
  userId: string,
  page: number,
  respond: RespondFn,
  w: Words = ENGLISH,
): Promise<void> {
  await respondWithList(deps, filterText, userId, page, respond, true, w);
}

async function respondWithList(
  deps: AppDeps,
  filterText: string,
  userId: string,
  page: number,
  respond: RespondFn,
  replaceOriginal: boolean,
  w: Words,
): Promise<void> {
  const filter = parseListFilter(filterText);
  if ("error" in filter) {
    await respond({ response_type: "ephemeral", text: say(w, filter.error) });
    return;
  }
  const { cases, total } = await listCases(deps.prisma, filter, userId, page);
  const message = caseListMessage({
    filter,
    cases,
    total,
    page,
    pageSize: PAGE_SIZE,
    now: deps.now(),
    words: w,
  });
  await respond({ response_type: "ephemeral", replace_original: replaceOriginal, ...message });
}

/** "/case orders US 48200": the marketplace's orders over the last 60 days, for the ODR. */
export async function answerOrders(
  deps: AppDeps,
  args: string[],
  respond: RespondFn,
  w: Words = ENGLISH,
): Promise<void> {
  const usage = w.t("commands.orders.usage", { codes: MARKETPLACE_CODES.join(", ") });
  const parsed = parseOrdersArgs(args);
  if (!parsed) {
    await respond({ response_type: "ephemeral", text: usage });
    return;
  }
  const { marketplace, orders } = parsed;
  const now = deps.now();
  await recordOrders(deps.prisma, { marketplace, date: now.toISOString().slice(0, 10), orders, span: "60d" });
  const r = await checkOdr(deps.prisma, marketplace, now, deps.config.crisis);
  deps.wakeOutbox();
  const rate = r && {
    percent: w.num(r.percent, 2),
    defects: r.defects,
    orders: r.orders,
    left: r.defectsUntilLimit,
    limit: r.limitPercent,
  };
  const odr = r
    ? `${r.defectsUntilLimit > 0 ? w.t("commands.orders.odrBelow", rate) : w.t("commands.orders.odrAtLimit", rate)}${amazonOdrSuffix(r, w)}`
    : "";
  await respond({
    response_type: "ephemeral",
    text: `${w.t("commands.orders.saved", { orders, marketplace })} ${odr}`,
  });
}

/** "/case health retry": sends what Slack refused again (after the bot was invited, say). */
export async function retryFailedDeliveries(deps: AppDeps, respond: RespondFn, w: Words = ENGLISH): Promise<void> {
  const count = await sendFailedAgain(deps.prisma);
  deps.wakeOutbox();
  await respond({ response_type: "ephemeral", text: retryAnswer(count, w) });
}

/** "/case health": what waits to be delivered to Slack and what Slack refused for good. */
export async function answerHealth(deps: AppDeps, respond: RespondFn, w: Words = ENGLISH): Promise<void> {
  // The outbox runs on the wall clock (retries, pacing), whatever clock the deadlines use.
  const now = new Date();
  const health = await deliveryHealth(deps.prisma, now);
  await respond({
    response_type: "ephemeral",
    ...deliveryHealthMessage(health, { settings: deps.config.channelSettings, now, words: w }),
  });
}

export function register(app: App, deps: AppDeps): void {
  for (const actionId of [ACTIONS.listPrevious, ACTIONS.listNext]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, logger }) => {
      await ack();
      const w = await wordsFor(deps, body.user.id).catch(() => teamWords(deps.config));
      try {
        const { f, p } = JSON.parse(action.value ?? "{}") as { f?: string; p?: number };
        await turnListPage(deps, f ?? "", body.user.id, Math.max(0, Number(p) || 0), respond, w);
      } catch (err) {
        logger.error(`Could not turn the page of a case list: ${(err as Error).message}`);
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: w.t("commands.list.pageFailed"),
        });
      }
    });
  }
}
