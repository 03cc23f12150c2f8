// The app's Home tab for one person: whether they are away (and the day they are back), my cases
// by deadline with their buttons, those waiting on the buyer, unclaimed cases that need someone,
// for leads the team today, and a search box. Always within Slack's 100 blocks: each list is cut
// with "…and N more".
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, type Lang, type Words } from "../i18n/i18n.ts";
import { categoryName, priorityName, statusName } from "../i18n/labels.ts";
import { ACTIONS, actionsBlockId } from "../ids.ts";
import type { FoundCase } from "../store/caseFind.ts";
import { HOME_COUNT_CAP, type HomeData } from "../store/home.ts";
import { amazonClockLine, responseClockLine } from "./clockLines.ts";
import { caseLink } from "./lists.ts";
import { VARIANT } from "./modalParts.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

type Block = types.KnownBlock;

export const HOME_SEARCH_BLOCK = "home_search";
export const HOME_LANGUAGE_BLOCK = "home_language";
export const HOME_AWAY_BLOCK = "home_away";
export const HOME_BACK_BLOCK = "home_back";

const button = (text: string, actionId: string, caseId: number, style?: "primary") => ({
  type: "button" as const,
  text: plain(text),
  action_id: actionId,
  value: String(caseId),
  ...(style ? { style } : {}),
});

/** " · Jane Buyer" after a case's line, when the buyer's name is known. */
const buyer = (c: Pick<Case, "buyerName">) => (c.buyerName ? ` · ${escapeMrkdwn(trimText(c.buyerName, 60))}` : "");

function caseText(c: Case, now: Date, w: Words): string {
  const age = formatDuration(now.getTime() - c.createdAt.getTime(), w);
  const clocks = [responseClockLine(c, w), amazonClockLine(c, now, w)].filter(Boolean).join(" · ");
  const line = w.t("home.caseLine", {
    case: caseLink(c),
    category: categoryName(w, c.category),
    priority: priorityName(w, c.priority),
    age,
  });
  return `${line}${buyer(c)}${clocks ? `\n${clocks}` : ""}`;
}

/** A count as the Home tab says it: counting stops at HOME_COUNT_CAP. */
const counted = (n: number, w: Words) => (n > HOME_COUNT_CAP ? `${w.num(HOME_COUNT_CAP)}+` : w.num(n));

const more = (shown: number, total: number, where: string, w: Words): Block[] =>
  total > shown
    ? [
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text:
                total > HOME_COUNT_CAP
                  ? w.t("home.manyMore", { where })
                  : w.t("home.more", { n: w.num(total - shown), where }),
            },
          ],
        },
      ]
    : [];

/** The person's language, and a menu to choose the other one (stored for them, the tab shown again). */
function languageChoice(w: Words): Block {
  const option = (lang: Lang, text: string) => ({ text: plain(text), value: lang });
  const options = [option("zh-CN", "中文"), option("en", "English")];
  return {
    type: "section",
    block_id: HOME_LANGUAGE_BLOCK,
    text: { type: "mrkdwn", text: w.t("home.language") },
    accessory: {
      type: "static_select",
      action_id: ACTIONS.homeLanguage,
      placeholder: plain("中文 / English"),
      initial_option: options.find((o) => o.value === w.lang),
      options,
    },
  };
}

/**
 * Away or here: a day picked marks the person away until then (routing skips them); while away,
 * "I'm back" ends it early and the picker moves the day.
 */
function awaySwitch(awayUntil: Date | undefined, zone: string, w: Words): Block[] {
  // A block id of its own per state: a day picked before does not stay shown once the state changed.
  const blockId = `${HOME_AWAY_BLOCK}${VARIANT}${awayUntil ? awayUntil.getTime() : "here"}`;
  // The day as the team reads it, as it was picked (not the reader's own calendar day).
  const day = awayUntil ? DateTime.fromJSDate(awayUntil, { zone }).toISODate() : null;
  const picker = {
    type: "datepicker" as const,
    action_id: ACTIONS.homeAwayUntil,
    placeholder: plain(w.t(awayUntil ? "home.away.changeDay" : "home.away.pickDay")),
    ...(day ? { initial_date: day } : {}),
  };
  if (!awayUntil)
    return [
      {
        type: "section",
        block_id: blockId,
        text: { type: "mrkdwn", text: w.t("home.away.ask") },
        accessory: picker,
      },
    ];
  return [
    {
      type: "section",
      block_id: blockId,
      text: { type: "mrkdwn", text: w.t("home.away.until", { until: day ?? "" }) },
      accessory: picker,
    },
    {
      type: "actions",
      block_id: HOME_BACK_BLOCK,
      elements: [
        {
          type: "button",
          text: plain(w.t("home.away.back")),
          action_id: ACTIONS.homeBack,
          value: "back",
          style: "primary",
        },
      ],
    },
  ];
}

export function homeView(
  data: HomeData,
  opts: {
    now: Date;
    isLead: boolean;
    search?: { query: string; cases: FoundCase[]; total: number };
    /** The person's own language (else the team's): the Home tab is theirs alone. */
    words?: Words;
    /** The team's time zone, whose calendar days away is counted in (TEAM_TIMEZONE). */
    zone?: string;
  },
): types.HomeView {
  const { now } = opts;
  const w = opts.words ?? ENGLISH;
  const blocks: Block[] = [
    ...awaySwitch(data.awayUntil, opts.zone ?? "UTC", w),
    { type: "header", text: plain(w.t("home.myCases", { n: counted(data.mine.total, w) }), 150) },
  ];
  if (!data.mine.cases.length) blocks.push(mrkdwnSection(w.t("home.nothingMine")));
  for (const c of data.mine.cases) {
    blocks.push(mrkdwnSection(caseText(c, now, w)));
    blocks.push({
      type: "actions",
      block_id: actionsBlockId("case", c.id),
      elements: [
        button(w.t("home.logReply"), ACTIONS.logReply, c.id),
        button(w.t("home.resolve"), ACTIONS.resolve, c.id),
        button(w.t("home.draftReply"), ACTIONS.draftReply, c.id),
        ...(opts.isLead ? [button(w.t("home.reassign"), ACTIONS.reassign, c.id)] : []),
      ],
    });
  }
  blocks.push(...more(data.mine.cases.length, data.mine.total, "`/case list mine`", w));

  if (data.waiting.total) {
    const lines = data.waiting.cases.map((c) =>
      w.t("home.waitingLine", {
        case: caseLink(c),
        category: categoryName(w, c.category),
        date: slackDate(c.waitingUntil ?? now),
      }),
    );
    blocks.push(mrkdwnSection(`${w.t("home.waiting", { n: counted(data.waiting.total, w) })}\n${lines.join("\n")}`));
    blocks.push(...more(data.waiting.cases.length, data.waiting.total, "`/case list mine`", w));
  }

  blocks.push(
    { type: "divider" },
    {
      type: "header",
      text: plain(w.t("home.needsSomeone", { n: counted(data.needsSomeone.total, w) }), 150),
    },
  );
  if (!data.needsSomeone.cases.length) blocks.push(mrkdwnSection(w.t("home.noneNeedsSomeone")));
  for (const c of data.needsSomeone.cases) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: caseText(c, now, w) },
      // A lead hands it to someone; an agent takes it.
      accessory: opts.isLead
        ? button(w.t("home.assign"), ACTIONS.reassign, c.id)
        : button(w.t("home.claim"), ACTIONS.claim, c.id, "primary"),
    });
  }
  blocks.push(...more(data.needsSomeone.cases.length, data.needsSomeone.total, "`/case list unclaimed`", w));

  if (data.team) {
    const t = data.team;
    const pct = (p: number) => `${w.num(p, 2)}%`;
    const loads = t.loads.map((l) => `<@${l.userId}> ${w.num(l.open)}`).join(" · ") || w.t("home.nobodyHolds");
    const odr = t.odr.length
      ? t.odr
          .map(
            (o) =>
              `${o.marketplace} ${pct(o.percent)}${o.amazon ? ` (Amazon ${pct(o.amazon.percent)})` : ""}${o.defectsUntilLimit === 0 ? " :rotating_light:" : ""}`,
          )
          .join(" · ")
      : w.t("home.noOrders");
    blocks.push(
      { type: "divider" },
      { type: "header", text: plain(w.t("home.team"), 150) },
      mrkdwnSection(
        w.t("home.teamSummary", {
          open: w.num(t.open),
          unclaimed: w.num(t.unclaimed),
          overdue: w.num(t.overdue),
          loads,
          odr,
        }),
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
      label: plain(w.t("home.findLabel")),
      hint: plain(w.t("home.findHint"), 150),
      element: {
        type: "plain_text_input",
        action_id: ACTIONS.homeSearch,
        placeholder: plain(w.t("home.findPlaceholder")),
        dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
      },
    },
  );
  if (opts.search) {
    const s = opts.search;
    const q = escapeMrkdwn(trimText(s.query, 100));
    const lines = s.cases.map(
      (c) =>
        `${w.t("home.searchLine", {
          case: caseLink(c),
          category: categoryName(w, c.category),
          status: statusName(w, c.status),
          order: c.orderId,
        })}${buyer(c)}`,
    );
    blocks.push(
      mrkdwnSection(
        s.total
          ? `${w.t("home.matching", { query: q, total: w.num(s.total) })}\n${lines.join("\n")}`
          : w.t("home.noMatch", { query: q }),
      ),
    );
    blocks.push(...more(s.cases.length, s.total, `\`/case find ${escapeMrkdwn(trimText(s.query, 100, ""))}\``, w));
  }
  blocks.push({ type: "divider" }, languageChoice(w));
  return { type: "home", blocks };
}

/** The Home tab of someone outside the after-sales team: what the app does, no cases. */
export function outsiderHome(w: Words = ENGLISH): types.HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: plain(w.t("home.outsiderTitle"), 150) },
      mrkdwnSection(w.t("home.outsiderBody")),
      languageChoice(w),
    ],
  };
}
