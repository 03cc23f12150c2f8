// The weekly triage digest (and /case summary): short sections that read well on a phone,
// top-N lists cut with "…and N more", always within Slack's limits.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import type { HealthConcern } from "../domain/accountHealth.ts";
import type { ChannelSetting, FailedDeliveries } from "../domain/deliveryHealth.ts";
import { formatMoney } from "../domain/money.ts";
import type { Unowned } from "../domain/routing.ts";
import type { RoutingReport, Tally, TriageReport } from "../domain/triage.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, priorityName, resolutionName, rootCauseName, statusName } from "../i18n/labels.ts";
import { digestDeliverySection } from "./deliveryHealth.ts";
import { caseLine, LIST_LIMIT, listWithMore } from "./lists.ts";
import { amazonOdrSuffix } from "./odrLines.ts";
import { ruleName } from "./routing.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, slackDate } from "./text.ts";

export type ReportOptions = {
  title: string;
  zone: string;
  now: Date;
  lateSince?: Date;
  /** Messages of the period that Slack refused for good (the weekly digest tells the team). */
  undelivered?: { failed: FailedDeliveries; settings: ChannelSetting[] };
  /** The reader's words: the team's for the digest, the asker's for /case summary. */
  words?: Words;
};

/** "▲3", "▼2" or "=" against the previous period. */
export function change(count: number, previous: number): string {
  if (count === previous) return "=";
  return count > previous ? `▲${count - previous}` : `▼${previous - count}`;
}

export function periodLabel(from: Date, to: Date, zone: string, w: Words = ENGLISH): string {
  const locale = w.lang === "en" ? "en-US" : w.lang;
  const a = DateTime.fromJSDate(from, { zone }).setLocale(locale);
  const b = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone }).setLocale(locale);
  const sameYear = a.year === b.year;
  const day = w.t("reports.triage.dayFormat");
  return a.hasSame(b, "day")
    ? b.toFormat(day)
    : w.t("reports.triage.period", {
        from: a.toFormat(sameYear ? w.t("reports.triage.sameYearFromFormat") : day),
        to: b.toFormat(sameYear ? w.t("reports.triage.sameYearToFormat") : day),
      });
}

const tallyLines = <K extends string>(rows: Tally<K>[], label: (key: K) => string, w: Words, limit = LIST_LIMIT) =>
  rows.length
    ? listWithMore(
        rows.map((t) => `${label(t.key)}: *${t.count}* (${change(t.count, t.previous)})`),
        limit,
        "more",
        rows.length,
        w,
      )
    : "—";

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");
const mins = (m: number | null, w: Words) => (m === null ? "—" : formatDuration(m * 60_000, w));

export function triageMessage(r: TriageReport, o: ReportOptions): { text: string; blocks: types.KnownBlock[] } {
  const w = o.words ?? ENGLISH;
  const label = periodLabel(r.period.from, r.period.to, o.zone, w);
  const open = r.backlog.new + r.backlog.claimed;
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(w.t("reports.triage.header", { title: o.title, period: label }), 150) },
  ];
  if (o.lateSince) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: w.t("reports.triage.late", { when: slackDate(o.lateSince) }),
        },
      ],
    });
  }
  blocks.push(
    mrkdwnSection(
      `${w.t("reports.triage.cases", {
        opened: r.opened.count,
        openedChange: change(r.opened.count, r.opened.previous),
        resolved: r.resolved.count,
        resolvedChange: change(r.resolved.count, r.resolved.previous),
      })}\n${w.t("reports.triage.openNow", { open, unclaimed: r.backlog.new, inProgress: r.backlog.claimed })}`,
    ),
  );

  if (r.opened.count || r.opened.previous) {
    blocks.push({
      type: "section",
      fields: [
        {
          type: "mrkdwn",
          text: `${w.t("reports.triage.byStatus")}\n${tallyLines(r.byStatus, (s) => statusName(w, s), w)}`,
        },
        {
          type: "mrkdwn",
          text: `${w.t("reports.triage.byPriority")}\n${tallyLines(r.byPriority, (p) => priorityName(w, p), w)}`,
        },
        {
          type: "mrkdwn",
          text: `${w.t("reports.triage.byType")}\n${tallyLines(r.byCategory, (c) => categoryName(w, c), w, 6)}`,
        },
      ],
    });
    const s = r.sla;
    blocks.push(
      mrkdwnSection(
        `${w.t("reports.triage.sla", {
          percent: percent(s.met, s.due),
          met: s.met,
          due: s.due,
          median: mins(s.medianFirstReplyMinutes, w),
          p90: mins(s.p90FirstReplyMinutes, w),
          missed: s.breached,
        })}\n${w.t("reports.triage.resolveTime", { median: mins(s.medianResolveMinutes, w) })}`,
      ),
    );
  } else {
    blocks.push(mrkdwnSection(w.t("reports.triage.noCases")));
  }

  if (r.odr.length) {
    const lines = r.odr.map((o) => {
      const mark = o.defectsUntilLimit === 0 ? " :rotating_light:" : "";
      const line = w.t("reports.triage.odrLine", {
        marketplace: o.marketplace,
        percent: w.num(o.percent, 2),
        defects: o.defects,
        orders: o.orders,
      });
      return `${line}${mark}${amazonOdrSuffix(o, w)}`;
    });
    blocks.push(mrkdwnSection(w.t("reports.triage.odr", { limit: r.odr[0].limitPercent, lines: lines.join(" · ") })));
  }

  if (r.amazonConcerns.length) {
    const figure = (c: HealthConcern) =>
      c.percent !== undefined ? ` (${w.num(c.percent, 2)}%)` : c.count !== undefined ? ` (${c.count})` : "";
    const lines = r.amazonConcerns.flatMap((m) =>
      m.concerns.map((c) => `${m.marketplace} · ${escapeMrkdwn(c.label)} *${escapeMrkdwn(c.status)}*${figure(c)}`),
    );
    blocks.push(
      mrkdwnSection(`${w.t("reports.triage.accountHealth")}\n${listWithMore(lines, 10, "more", lines.length, w)}`),
    );
  }

  if (r.topAsins.length) {
    const lines = r.topAsins.map((a, i) => {
      const why = a.causes
        .slice(0, 3)
        .map((c) => `${rootCauseName(w, c.rootCause)} ${c.count}`)
        .join(", ");
      return `${w.t("reports.triage.topAsin", { rank: i + 1, asin: a.asin, count: a.count })}${why ? ` · ${why}` : ""}`;
    });
    const more = r.asinCount - r.topAsins.length;
    blocks.push(
      mrkdwnSection(
        `${w.t("reports.triage.topAsins")}\n${lines.join("\n")}${more > 0 ? `\n${w.t("reports.triage.moreAsins", { n: more })}` : ""}`,
      ),
    );
  }

  if (r.resolutions.length) {
    const how = r.resolutions.map((x) => `${resolutionName(w, x.resolution)} ${x.count}`).join(" · ");
    const money = r.money.map(
      (m) => `${resolutionName(w, m.resolution)}: ${m.count} × = *${formatMoney(m.total, m.currency)}*`,
    );
    blocks.push(
      mrkdwnSection(
        `${w.t("reports.triage.resolvedAs", { how })}${money.length ? `\n${w.t("reports.triage.moneyBack")}\n${listWithMore(money, 12, "more", money.length, w)}` : ""}`,
      ),
    );
  }

  const playbook = playbookSection(r, w);
  if (playbook) blocks.push(playbook);

  if (r.agents.length) {
    const lines = r.agents.map((a) =>
      w.t("reports.triage.agent", { user: a.userId, open: a.open, resolved: a.resolved }),
    );
    blocks.push(
      mrkdwnSection(
        `${w.t("reports.triage.agents")}\n${listWithMore(lines, 10, w.t("reports.triage.morePeople"), lines.length, w)}`,
      ),
    );
  }

  const routing = r.routing && routingSection(r.routing, w);
  if (routing) blocks.push(routing);

  if (r.oldestOpen.length)
    blocks.push(
      mrkdwnSection(
        `${w.t("reports.triage.oldestOpen")}\n${r.oldestOpen.map((c) => caseLine(c, o.now, w)).join("\n")}`,
      ),
    );
  if (r.unclaimed.count) {
    const more = r.unclaimed.count - r.unclaimed.oldest.length;
    blocks.push(
      mrkdwnSection(
        `${w.t("reports.triage.unclaimed", { n: r.unclaimed.count })}\n${r.unclaimed.oldest.map((c) => caseLine(c, o.now, w)).join("\n")}${more > 0 ? `\n${w.t("reports.triage.andMore", { n: more })}` : ""}`,
      ),
    );
  }

  const undelivered = o.undelivered && digestDeliverySection(o.undelivered.failed, o.undelivered.settings, w);
  if (undelivered) blocks.push(undelivered);

  const text = w.t("reports.triage.text", {
    title: o.title,
    period: label,
    opened: r.opened.count,
    resolved: r.resolved.count,
    open,
    unclaimed: r.backlog.new,
    percent: percent(r.sla.met, r.sla.due),
  });
  return { text, blocks };
}

/** "Complaint", or "Return (DE, no marketplace)" for a type owned in other marketplaces. */
const unownedName = (u: Unowned, w: Words) =>
  u.marketplaces.length
    ? `${categoryName(w, u.category)} (${u.marketplaces.map((m) => m ?? w.t("routing.triage.noMarketplace")).join(", ")})`
    : categoryName(w, u.category);

/** Owners per case type with their load and replies in time; types without an owner and overloaded people flagged. */
function routingSection(r: RoutingReport, w: Words): types.KnownBlock {
  const byId = new Map(r.people.map((p) => [p.userId, p]));
  const person = (id: string) => {
    const p = byId.get(id) ?? { userId: id, open: 0, due: 0, met: 0 };
    return p.due
      ? w.t("routing.triage.person", { user: id, open: p.open, inTime: percent(p.met, p.due) })
      : w.t("routing.triage.personNoReplies", { user: id, open: p.open });
  };
  const lines = r.rules
    .filter((rule) => rule.owners.length)
    .map((rule) =>
      w.t("routing.triage.owners", { rule: ruleName(rule, w), people: rule.owners.map(person).join(", ") }),
    );
  const flags: string[] = [];
  if (r.unowned.length)
    flags.push(w.t("routing.triage.noOwner", { types: r.unowned.map((u) => unownedName(u, w)).join(", ") }));
  const overloaded = r.people.filter((p) => p.open > r.overload);
  if (overloaded.length)
    flags.push(
      w.t("routing.triage.overloaded", {
        limit: r.overload,
        people: overloaded.map((p) => `<@${p.userId}> (${p.open})`).join(", "),
      }),
    );
  const list = listWithMore(lines, 12, "more", lines.length, w);
  // The flags first: a long list of owners is what gets cut.
  return mrkdwnSection([w.t("routing.triage.title"), ...flags, list].filter(Boolean).join("\n"));
}

/** The playbook in the period: money back per root cause, suggestions followed, buyers kept, abuse and appeals. */
function playbookSection(r: TriageReport, w: Words): types.KnownBlock | undefined {
  const p = r.playbook;
  const lines: string[] = [];
  if (p.moneyByCause.length) {
    const money = p.moneyByCause.map((m) => {
      const share = Number(m.value) > 0 ? `${w.num((Number(m.back) / Number(m.value)) * 100, 1)}%` : "—";
      return w.t("reports.triage.causeMoney", {
        cause: rootCauseName(w, m.rootCause),
        share,
        back: formatMoney(m.back, m.currency),
        value: formatMoney(m.value, m.currency),
        count: m.cases,
      });
    });
    lines.push(`${w.t("reports.triage.moneyByCause")}\n${listWithMore(money, 8, "more", money.length, w)}`);
  }
  const facts: string[] = [];
  if (p.suggestions.made)
    facts.push(
      w.t("reports.triage.suggestions", {
        percent: percent(p.suggestions.followed, p.suggestions.made),
        followed: p.suggestions.followed,
        made: p.suggestions.made,
      }),
    );
  const known = p.buyers.kept + p.buyers.boughtAgain + p.buyers.lost;
  if (known)
    facts.push(
      w.t("reports.triage.buyers", {
        percent: percent(p.buyers.kept + p.buyers.boughtAgain, known),
        kept: p.buyers.kept,
        again: p.buyers.boughtAgain,
        lost: p.buyers.lost,
      }),
    );
  if (p.abuse) facts.push(w.t("reports.triage.abuse", { count: p.abuse }));
  const a = p.appeals;
  if (a.filed || a.won || a.lost || a.open)
    facts.push(w.t("reports.triage.appeals", { filed: a.filed, won: a.won, lost: a.lost, open: a.open }));
  if (facts.length) lines.push(w.t("reports.triage.playbook", { facts: facts.join(" · ") }));
  return lines.length ? mrkdwnSection(lines.join("\n")) : undefined;
}
