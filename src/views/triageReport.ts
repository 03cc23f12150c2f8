// The weekly triage digest (and /case summary): short sections that read well on a phone,
// top-N lists cut with "…and N more", always within Slack's limits.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import type { HealthConcern } from "../domain/accountHealth.ts";
import type { ChannelSetting, FailedDeliveries } from "../domain/deliveryHealth.ts";
import { formatMoney } from "../domain/money.ts";
import type { Tally, TriageReport } from "../domain/triage.ts";
import { categoryLabel, priorityLabel, resolutionLabel, rootCauseLabel, statusLabel } from "../domain/vocabulary.ts";
import { digestDeliverySection } from "./deliveryHealth.ts";
import { caseLine, LIST_LIMIT, listWithMore } from "./lists.ts";
import { amazonOdrSuffix } from "./odrLines.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, slackDate } from "./text.ts";

export type ReportOptions = {
  title: string;
  zone: string;
  now: Date;
  lateSince?: Date;
  /** Messages of the period that Slack refused for good (the weekly digest tells the team). */
  undelivered?: { failed: FailedDeliveries; settings: ChannelSetting[] };
};

/** "▲3", "▼2" or "=" against the previous period. */
export function change(count: number, previous: number): string {
  if (count === previous) return "=";
  return count > previous ? `▲${count - previous}` : `▼${previous - count}`;
}

export function periodLabel(from: Date, to: Date, zone: string): string {
  const a = DateTime.fromJSDate(from, { zone });
  const b = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone });
  const sameYear = a.year === b.year;
  return a.hasSame(b, "day")
    ? b.toFormat("d LLL yyyy")
    : `${a.toFormat(sameYear ? "d LLL" : "d LLL yyyy")} – ${b.toFormat("d LLL yyyy")}`;
}

const tallyLines = <K extends string>(rows: Tally<K>[], label: (key: K) => string, limit = LIST_LIMIT) =>
  rows.length
    ? listWithMore(
        rows.map((t) => `${label(t.key)}: *${t.count}* (${change(t.count, t.previous)})`),
        limit,
      )
    : "—";

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");
const mins = (m: number | null) => (m === null ? "—" : formatDuration(m * 60_000));

export function triageMessage(r: TriageReport, o: ReportOptions): { text: string; blocks: types.KnownBlock[] } {
  const label = periodLabel(r.period.from, r.period.to, o.zone);
  const open = r.backlog.new + r.backlog.claimed;
  const blocks: types.KnownBlock[] = [{ type: "header", text: plain(`${o.title} · ${label}`, 150) }];
  if (o.lateSince) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `:clock3: Posted late: the bot was not running at ${slackDate(o.lateSince)}, when this was due.`,
        },
      ],
    });
  }
  blocks.push(
    mrkdwnSection(
      `*Cases:* ${r.opened.count} opened (${change(r.opened.count, r.opened.previous)} vs the period before) · ${r.resolved.count} resolved (${change(r.resolved.count, r.resolved.previous)})\n` +
        `*Open now:* ${open} — ${r.backlog.new} unclaimed, ${r.backlog.claimed} in progress`,
    ),
  );

  if (r.opened.count || r.opened.previous) {
    blocks.push({
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Opened, by status now*\n${tallyLines(r.byStatus, statusLabel)}` },
        { type: "mrkdwn", text: `*By priority*\n${tallyLines(r.byPriority, priorityLabel)}` },
        { type: "mrkdwn", text: `*By type*\n${tallyLines(r.byCategory, categoryLabel, 6)}` },
      ],
    });
    const s = r.sla;
    blocks.push(
      mrkdwnSection(
        `*First reply in time:* ${percent(s.met, s.due)} (${s.met} of ${s.due}) · median ${mins(s.medianFirstReplyMinutes)} · 90% within ${mins(s.p90FirstReplyMinutes)} · ${s.breached} missed\n` +
          `*Time to resolve (median):* ${mins(s.medianResolveMinutes)}`,
      ),
    );
  } else {
    blocks.push(mrkdwnSection("No cases were opened in this period or the one before."));
  }

  if (r.odr.length) {
    const lines = r.odr.map((o) => {
      const mark = o.defectsUntilLimit === 0 ? " :rotating_light:" : "";
      return `${o.marketplace} *${o.percent.toFixed(2)}%* (${o.defects} of ${o.orders} orders)${mark}${amazonOdrSuffix(o)}`;
    });
    blocks.push(
      mrkdwnSection(`*Order Defect Rate (60 days, target under ${r.odr[0].limitPercent}%):* ${lines.join(" · ")}`),
    );
  }

  if (r.amazonConcerns.length) {
    const figure = (c: HealthConcern) =>
      c.percent !== undefined ? ` (${c.percent.toFixed(2)}%)` : c.count !== undefined ? ` (${c.count})` : "";
    const lines = r.amazonConcerns.flatMap((m) =>
      m.concerns.map((c) => `${m.marketplace} · ${escapeMrkdwn(c.label)} *${escapeMrkdwn(c.status)}*${figure(c)}`),
    );
    blocks.push(mrkdwnSection(`*Amazon account health — needs attention:*\n${listWithMore(lines, 10)}`));
  }

  if (r.topAsins.length) {
    const lines = r.topAsins.map((a, i) => {
      const why = a.causes
        .slice(0, 3)
        .map((c) => `${rootCauseLabel(c.rootCause)} ${c.count}`)
        .join(", ");
      return `${i + 1}. *${a.asin}* — ${a.count} case${a.count === 1 ? "" : "s"}${why ? ` · ${why}` : ""}`;
    });
    const more = r.asinCount - r.topAsins.length;
    blocks.push(
      mrkdwnSection(
        `*Products with the most cases*\n${lines.join("\n")}${more > 0 ? `\n…and ${more} more ASINs` : ""}`,
      ),
    );
  }

  if (r.resolutions.length) {
    const how = r.resolutions.map((x) => `${resolutionLabel(x.resolution)} ${x.count}`).join(" · ");
    const money = r.money.map(
      (m) => `${resolutionLabel(m.resolution)}: ${m.count} × = *${formatMoney(m.total, m.currency)}*`,
    );
    blocks.push(
      mrkdwnSection(
        `*Resolved as:* ${how}${money.length ? `\n*Money back to buyers*\n${listWithMore(money, 12)}` : ""}`,
      ),
    );
  }

  const playbook = playbookSection(r);
  if (playbook) blocks.push(playbook);

  if (r.agents.length) {
    const lines = r.agents.map((a) => `<@${a.userId}> ${a.open} open · ${a.resolved} resolved`);
    blocks.push(mrkdwnSection(`*Who holds what*\n${listWithMore(lines, 10, "more people")}`));
  }

  if (r.oldestOpen.length)
    blocks.push(mrkdwnSection(`*Oldest open cases*\n${r.oldestOpen.map((c) => caseLine(c, o.now)).join("\n")}`));
  if (r.unclaimed.count) {
    const more = r.unclaimed.count - r.unclaimed.oldest.length;
    blocks.push(
      mrkdwnSection(
        `*Unclaimed: ${r.unclaimed.count}*\n${r.unclaimed.oldest.map((c) => caseLine(c, o.now)).join("\n")}${more > 0 ? `\n…and ${more} more` : ""}`,
      ),
    );
  }

  const undelivered = o.undelivered && digestDeliverySection(o.undelivered.failed, o.undelivered.settings);
  if (undelivered) blocks.push(undelivered);

  const text =
    `${o.title} ${label}: ${r.opened.count} opened, ${r.resolved.count} resolved, ${open} open (${r.backlog.new} unclaimed); ` +
    `first reply in time ${percent(r.sla.met, r.sla.due)}.`;
  return { text, blocks };
}

/** The playbook in the period: money back per root cause, suggestions followed, buyers kept, abuse and appeals. */
function playbookSection(r: TriageReport): types.KnownBlock | undefined {
  const p = r.playbook;
  const lines: string[] = [];
  if (p.moneyByCause.length) {
    const money = p.moneyByCause.map((m) => {
      const share = Number(m.value) > 0 ? `${((Number(m.back) / Number(m.value)) * 100).toFixed(1)}%` : "—";
      return `${rootCauseLabel(m.rootCause)}: *${share}* of order value back (${formatMoney(m.back, m.currency)} of ${formatMoney(m.value, m.currency)}, ${m.cases} case${m.cases === 1 ? "" : "s"})`;
    });
    lines.push(`*Money back by root cause*\n${listWithMore(money, 8)}`);
  }
  const facts: string[] = [];
  if (p.suggestions.made)
    facts.push(
      `suggested remedy followed ${percent(p.suggestions.followed, p.suggestions.made)} (${p.suggestions.followed} of ${p.suggestions.made})`,
    );
  const known = p.buyers.kept + p.buyers.boughtAgain + p.buyers.lost;
  if (known)
    facts.push(
      `buyers kept ${percent(p.buyers.kept + p.buyers.boughtAgain, known)} (${p.buyers.kept} kept, ${p.buyers.boughtAgain} bought again, ${p.buyers.lost} lost)`,
    );
  if (p.abuse) facts.push(`${p.abuse} case${p.abuse === 1 ? "" : "s"} marked as suspected abuse`);
  const a = p.appeals;
  if (a.filed || a.won || a.lost || a.open)
    facts.push(`appeals to Amazon: ${a.filed} filed, ${a.won} won, ${a.lost} lost, ${a.open} open`);
  if (facts.length) lines.push(`*Playbook:* ${facts.join(" · ")}`);
  return lines.length ? mrkdwnSection(lines.join("\n")) : undefined;
}
