// The app's Home tab for one person: my cases by deadline with their buttons, those waiting on the
// buyer, unclaimed cases that need someone, for leads the team today, and a search box. Always
// within Slack's 100 blocks: each list is cut with "…and N more".
import type { types } from "@slack/bolt";
import { categoryLabel, priorityLabel, statusLabel } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ACTIONS, actionsBlockId } from "../ids.ts";
import type { FoundCase } from "../store/caseFind.ts";
import { HOME_COUNT_CAP, type HomeData } from "../store/home.ts";
import { amazonClockLine, responseClockLine } from "./clockLines.ts";
import { caseLink } from "./lists.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

type Block = types.KnownBlock;

export const HOME_SEARCH_BLOCK = "home_search";

const button = (text: string, actionId: string, caseId: number, style?: "primary") => ({
  type: "button" as const,
  text: plain(text),
  action_id: actionId,
  value: String(caseId),
  ...(style ? { style } : {}),
});

function caseText(c: Case, now: Date): string {
  const age = formatDuration(now.getTime() - c.createdAt.getTime());
  const clocks = [responseClockLine(c), amazonClockLine(c, now)].filter(Boolean).join(" · ");
  return `${caseLink(c)} · *${categoryLabel(c.category)}* · ${priorityLabel(c.priority)} · ${age} old${c.buyerName ? ` · ${escapeMrkdwn(trimText(c.buyerName, 60))}` : ""}${clocks ? `\n${clocks}` : ""}`;
}

/** A count as the Home tab says it: counting stops at HOME_COUNT_CAP. */
const counted = (n: number) => (n > HOME_COUNT_CAP ? `${HOME_COUNT_CAP.toLocaleString("en")}+` : String(n));

const more = (shown: number, total: number, where: string): Block[] =>
  total > shown
    ? [
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: `…and ${total > HOME_COUNT_CAP ? "many" : total - shown} more: ${where}`,
            },
          ],
        },
      ]
    : [];

export function homeView(
  data: HomeData,
  opts: { now: Date; isLead: boolean; search?: { query: string; cases: FoundCase[]; total: number } },
): types.HomeView {
  const { now } = opts;
  const blocks: Block[] = [{ type: "header", text: plain(`My cases (${counted(data.mine.total)})`, 150) }];
  if (!data.mine.cases.length)
    blocks.push(mrkdwnSection("Nothing needs you right now. Claim a case below or in the cases channel."));
  for (const c of data.mine.cases) {
    blocks.push(mrkdwnSection(caseText(c, now)));
    blocks.push({
      type: "actions",
      block_id: actionsBlockId("case", c.id),
      elements: [
        button("Log reply", ACTIONS.logReply, c.id),
        button("Resolve", ACTIONS.resolve, c.id),
        button("Draft reply", ACTIONS.draftReply, c.id),
        ...(opts.isLead ? [button("Reassign", ACTIONS.reassign, c.id)] : []),
      ],
    });
  }
  blocks.push(...more(data.mine.cases.length, data.mine.total, "`/case list mine`"));

  if (data.waiting.total) {
    const lines = data.waiting.cases.map(
      (c) => `${caseLink(c)} · ${categoryLabel(c.category)} · follow up ${slackDate(c.waitingUntil ?? now)}`,
    );
    blocks.push(mrkdwnSection(`*Waiting on the buyer (${counted(data.waiting.total)})*\n${lines.join("\n")}`));
    blocks.push(...more(data.waiting.cases.length, data.waiting.total, "`/case list mine`"));
  }

  blocks.push(
    { type: "divider" },
    { type: "header", text: plain(`Needs someone (${counted(data.needsSomeone.total)})`, 150) },
  );
  if (!data.needsSomeone.cases.length) blocks.push(mrkdwnSection("No unclaimed case is near its deadline."));
  for (const c of data.needsSomeone.cases) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: caseText(c, now) },
      // A lead hands it to someone; an agent takes it.
      accessory: opts.isLead
        ? button("Assign", ACTIONS.reassign, c.id)
        : button("Claim", ACTIONS.claim, c.id, "primary"),
    });
  }
  blocks.push(...more(data.needsSomeone.cases.length, data.needsSomeone.total, "`/case list unclaimed`"));

  if (data.team) {
    const t = data.team;
    const loads = t.loads.map((l) => `<@${l.userId}> ${l.open}`).join(" · ") || "nobody holds a case";
    const odr = t.odr.length
      ? t.odr
          .map(
            (o) =>
              `${o.marketplace} ${o.percent.toFixed(2)}%${o.amazon ? ` (Amazon ${o.amazon.percent.toFixed(2)}%)` : ""}${o.defectsUntilLimit === 0 ? " :rotating_light:" : ""}`,
          )
          .join(" · ")
      : "no order volume recorded (`/case orders`)";
    blocks.push(
      { type: "divider" },
      { type: "header", text: plain("The team today", 150) },
      mrkdwnSection(
        `*Open:* ${t.open} · *unclaimed:* ${t.unclaimed} · *overdue:* ${t.overdue}\n*Open cases per agent:* ${loads}\n*Order Defect Rate:* ${odr}`,
      ),
    );
  }

  blocks.push(
    { type: "divider" },
    {
      type: "input",
      block_id: HOME_SEARCH_BLOCK,
      dispatch_action: true,
      optional: true,
      label: plain("Find a case"),
      hint: plain("Order id, ASIN, SKU, buyer name or words; press Enter.", 150),
      element: {
        type: "plain_text_input",
        action_id: ACTIONS.homeSearch,
        placeholder: plain("114-2962899-5762619, B00TZ73MUY, Jane Buyer, broken zip…"),
        dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
      },
    },
  );
  if (opts.search) {
    const s = opts.search;
    const q = escapeMrkdwn(trimText(s.query, 100));
    const lines = s.cases.map(
      (c) =>
        `${caseLink(c)} · ${categoryLabel(c.category)} · ${statusLabel(c.status)} · order ${c.orderId}${c.buyerName ? ` · ${escapeMrkdwn(trimText(c.buyerName, 60))}` : ""}`,
    );
    blocks.push(
      mrkdwnSection(
        s.total ? `*Cases matching “${q}”* (${s.total}, newest first)\n${lines.join("\n")}` : `No case matches “${q}”.`,
      ),
    );
    blocks.push(...more(s.cases.length, s.total, `\`/case find ${escapeMrkdwn(trimText(s.query, 100, ""))}\``));
  }
  return { type: "home", blocks };
}

/** The Home tab of someone outside the after-sales team: what the app does, no cases. */
export function outsiderHome(): types.HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: plain("After-sales desk", 150) },
      mrkdwnSection(
        "This app keeps the after-sales team's cases: returns, refunds, A-to-z claims, reviews. Its cases hold buyers' details, so they are shown to the team's agents and leads only. Ask a lead to add you to the agents if you work cases.",
      ),
    ],
  };
}
