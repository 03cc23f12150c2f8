// "/case summary" and "/case list": answered privately to whoever asked; lists page with buttons.
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { MARKETPLACE_CODES } from "../domain/amazon.ts";
import { PAGE_SIZE, parseListFilter } from "../domain/caseLists.ts";
import { parseOrdersArgs } from "../domain/odr.ts";
import { parseReportRange } from "../domain/reportRange.ts";
import { ACTIONS } from "../ids.ts";
import { listCases } from "../store/caseLists.ts";
import { deliveryHealth, sendFailedAgain } from "../store/deliveryHealth.ts";
import { checkOdr, recordOrders } from "../store/odr.ts";
import { triageReport } from "../store/triage.ts";
import { caseListMessage } from "../views/caseList.ts";
import { deliveryHealthMessage, retryAnswer } from "../views/deliveryHealth.ts";
import { amazonOdrSuffix } from "../views/odrLines.ts";
import { triageMessage } from "../views/triageReport.ts";

export async function answerSummary(deps: AppDeps, rangeText: string, respond: RespondFn): Promise<void> {
  const now = deps.now();
  const range = parseReportRange(rangeText, now, deps.config.teamTimezone);
  if ("error" in range) {
    await respond({ response_type: "ephemeral", text: range.error });
    return;
  }
  const report = await triageReport(deps.prisma, range.period, deps.config.crisis.odr.alertPercent);
  await respond({
    response_type: "ephemeral",
    ...triageMessage(report, { title: "Summary", zone: deps.config.teamTimezone, now }),
  });
}

/** "/case list …": the first page, as a new private message. */
export async function answerList(deps: AppDeps, filterText: string, userId: string, respond: RespondFn): Promise<void> {
  await respondWithList(deps, filterText, userId, 0, respond, false);
}

/** Previous/next on a list: the page replaces the one the person is looking at. */
export async function turnListPage(
  deps: AppDeps,
  filterText: string,
  userId: string,
  page: number,
  respond: RespondFn,
): Promise<void> {
  await respondWithList(deps, filterText, userId, page, respond, true);
}

async function respondWithList(
  deps: AppDeps,
  filterText: string,
  userId: string,
  page: number,
  respond: RespondFn,
  replaceOriginal: boolean,
): Promise<void> {
  const filter = parseListFilter(filterText);
  if ("error" in filter) {
    await respond({ response_type: "ephemeral", text: filter.error });
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
  });
  await respond({ response_type: "ephemeral", replace_original: replaceOriginal, ...message });
}

/** "/case orders US 48200": the marketplace's orders over the last 60 days, for the ODR. */
export async function answerOrders(deps: AppDeps, args: string[], respond: RespondFn): Promise<void> {
  const usage = `Give the marketplace and its orders of the last 60 days, e.g. \`/case orders US 48200\` (marketplaces: ${MARKETPLACE_CODES.join(", ")}).`;
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
  const odr = r
    ? `Order Defect Rate ${r.percent.toFixed(2)}% (${r.defects} defective orders of ${r.orders}); ${r.defectsUntilLimit > 0 ? `${r.defectsUntilLimit} more until ${r.limitPercent}%` : `at or above ${r.limitPercent}%`}.${amazonOdrSuffix(r)}`
    : "";
  await respond({
    response_type: "ephemeral",
    text: `Saved: ${orders} orders in the last 60 days for ${marketplace}. ${odr}`,
  });
}

/** "/case health retry": sends what Slack refused again (after the bot was invited, say). */
export async function retryFailedDeliveries(deps: AppDeps, respond: RespondFn): Promise<void> {
  const count = await sendFailedAgain(deps.prisma);
  deps.wakeOutbox();
  await respond({ response_type: "ephemeral", text: retryAnswer(count) });
}

/** "/case health": what waits to be delivered to Slack and what Slack refused for good. */
export async function answerHealth(deps: AppDeps, respond: RespondFn): Promise<void> {
  // The outbox runs on the wall clock (retries, pacing), whatever clock the deadlines use.
  const now = new Date();
  const health = await deliveryHealth(deps.prisma, now);
  await respond({
    response_type: "ephemeral",
    ...deliveryHealthMessage(health, { settings: deps.config.channelSettings, now }),
  });
}

export function register(app: App, deps: AppDeps): void {
  for (const actionId of [ACTIONS.listPrevious, ACTIONS.listNext]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, logger }) => {
      await ack();
      try {
        const { f, p } = JSON.parse(action.value ?? "{}") as { f?: string; p?: number };
        await turnListPage(deps, f ?? "", body.user.id, Math.max(0, Number(p) || 0), respond);
      } catch (err) {
        logger.error(`Could not turn the page of a case list: ${(err as Error).message}`);
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: "That list could not be shown just now. Please run `/case list` again.",
        });
      }
    });
  }
}
