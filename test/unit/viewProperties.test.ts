// Property tests of every message and modal the bot builds: whatever people and files write
// (mentions, pings, links, markup, emoji, Chinese, control characters, 10,000-character values),
// the payload stays within Slack's limits and none of that text renders as a mention, a channel
// ping, a link or a date. Each payload is compared with the same payload built from harmless
// text: every `<…>` it holds must be one the bot made (see userTextProblems).
// A failure prints the counterexample and the seed to replay it with ({ seed, path } in fc.assert);
// PROPERTY_RUNS=5000 searches longer than the default runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findIdentifiers } from "../../src/domain/amazon.ts";
import { PAGE_SIZE, parseListFilter } from "../../src/domain/caseLists.ts";
import { NO_ASIN } from "../../src/domain/crisis.ts";
import type { OdrReading } from "../../src/domain/odr.ts";
import { DEFAULT_PLAYBOOK } from "../../src/domain/playbook.ts";
import { emptySummary, type ImportSummary, KEPT_REJECTIONS } from "../../src/domain/returnsImport.ts";
import { OLDEST, TOP_ASINS, type TriageReport } from "../../src/domain/triage.ts";
import { CATEGORIES, keysOf, PRIORITIES, RESOLUTIONS, ROOT_CAUSES, STATUSES } from "../../src/domain/vocabulary.ts";
import type { Case, CrisisAlert } from "../../src/generated/prisma/client.ts";
import { LANGUAGES, type Lang, words } from "../../src/i18n/i18n.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { HOME_MY_CASES, HOME_NEEDS_SOMEONE, HOME_WAITING } from "../../src/store/home.ts";
import { caseCard } from "../../src/views/caseCard.ts";
import { caseListMessage } from "../../src/views/caseList.ts";
import {
  type Audience,
  amazonOverdueText,
  amazonReminderText,
  escalationMessage,
  reminderText,
  whoShouldAct,
} from "../../src/views/clockNotices.ts";
import {
  type AlertCase,
  crisisNote,
  odrAlert,
  riskHeadsUpMessage,
  stalledParcelText,
  waveAlert,
} from "../../src/views/crisisAlert.ts";
import { crisisResolveModal } from "../../src/views/crisisResolveModal.ts";
import { draftReplyModal, policyCheckModal, policyPassedModal } from "../../src/views/draftReplyModal.ts";
import { findMessage, showMessage } from "../../src/views/findResults.ts";
import { historyLine } from "../../src/views/historyLine.ts";
import { homeView, outsiderHome } from "../../src/views/homeTab.ts";
import { importSummaryMessage } from "../../src/views/importSummary.ts";
import { newCaseModal } from "../../src/views/newCaseModal.ts";
import { type CardSettings, caseEligibility } from "../../src/views/playbookLines.ts";
import { abuseModal, appealModal, returnCheckModal, returnVerdictModal } from "../../src/views/playbookModals.ts";
import { resolveModal } from "../../src/views/resolveModal.ts";
import { cutMrkdwn, trimText } from "../../src/views/text.ts";
import { triageMessage } from "../../src/views/triageReport.ts";
import { noteModal, reassignModal, waitingModal } from "../../src/views/workspaceModals.ts";
import { hostileText, hostileTextUpTo, mrkdwnTexts, userTextProblems, VICTIM_USER } from "../support/hostileText.ts";
import {
  amount,
  asin,
  botUserId,
  caseRecord,
  caseRef,
  count,
  currency,
  date,
  harmlessCase,
  marketplace,
  orderId,
  sampleCase,
} from "../support/recordArbitraries.ts";

const runs = (numRuns: number) => ({ numRuns: Number(process.env.PROPERTY_RUNS) || numRuns });

/**
 * Every property runs in both languages: Chinese text is shorter in characters, but labels,
 * options and buttons have limits of their own. Chinese runs half as many cases to keep the file quick.
 */
const runsIn = (lang: Lang, numRuns: number) => runs(lang === "en" ? numRuns : Math.ceil(numRuns / 2));

/** Within Slack's limits, and nothing people wrote became a token. */
function expectSafe(
  payload: { text?: string; blocks?: unknown[] } | string,
  harmless: typeof payload,
  surface: "message" | "modal" | "home" = "message",
) {
  const asPayload = typeof payload === "string" ? { text: payload } : payload;
  expect(blockKitProblems(asPayload, surface)).toEqual([]);
  expect(userTextProblems(payload, harmless)).toEqual([]);
}

const audience: fc.Arbitrary<Audience> = fc.record({
  leadUserIds: fc.array(
    fc.integer({ min: 1, max: 999 }).map((n) => `U0LEAD${n}`),
    { maxLength: 20 },
  ),
  agentGroupId: fc.option(fc.constant("S0AGENTS"), { nil: undefined }),
});

const alertCase: fc.Arbitrary<AlertCase & { description: string }> = caseRecord.map((c) => c);
const harmlessAlertCases = <C extends Partial<Case>>(cases: C[]) => cases.map((c) => harmlessCase(c));

function alertRecord(kind: CrisisAlert["kind"], subject: fc.Arbitrary<string>, detail: fc.Arbitrary<unknown>) {
  return fc
    .record({
      id: fc.integer({ min: 1, max: 2_147_483_647 }),
      subject,
      status: fc.constantFrom("active", "cleared"),
      startedAt: date,
      clearedAt: fc.option(date, { nil: null }),
      detail,
    })
    .map(
      (a): CrisisAlert => ({
        ...a,
        kind,
        status: a.status as CrisisAlert["status"],
        windowKey: "active",
        channelId: "C0CRISIS",
        messageTs: null,
        lastSeenAt: a.startedAt,
        clearedAt: a.status === "cleared" ? (a.clearedAt ?? a.startedAt) : null,
        detail: a.detail as CrisisAlert["detail"],
        chartedAt: null,
      }),
    );
}

const waveDetail = fc.record(
  { count: fc.integer({ min: 0, max: 10_000 }), usualPerDay: fc.double({ min: 0, max: 1000, noNaN: true }) },
  { requiredKeys: [] },
);

const amazonOdr = fc.option(
  fc.record({
    percent: fc.double({ min: 0, max: 100, noNaN: true }),
    orders: fc.integer({ min: 0, max: 2_147_483_647 }),
    defects: fc.integer({ min: 0, max: 2_147_483_647 }),
    channel: fc.constantFrom("afn" as const, "mfn" as const),
    status: hostileTextUpTo(20),
    reportedAt: fc.constantFrom("2026-11-20T08:00:00", "2026-11-20T08:00:00.000Z", "not a date"),
  }),
  { nil: undefined },
);
const ordersFrom = fc.constantFrom("team" as const, "amazon" as const);

describe.each(LANGUAGES)("in %s", (lang) => {
  const w = words(lang);
  const RUNS = runsIn(lang, 150);
  /** The card and forms as the reader sees them: the default playbook, in their words. */
  const settings: CardSettings = { playbook: DEFAULT_PLAYBOOK, zone: "UTC", words: w };

  describe("a case's messages, whatever people wrote in it", () => {
    it("the case card", () => {
      fc.assert(
        fc.property(caseRecord, date, (c, now) => {
          expectSafe(caseCard(c, now, settings), caseCard(harmlessCase(c), now, settings));
        }),
        RUNS,
      );
    });

    it("the escalation to the leads and the reminders", () => {
      const permalink = fc.option(fc.constant("https://team.slack.com/archives/C0CASES/p1700000000000100"), {
        nil: undefined,
      });
      fc.assert(
        fc.property(caseRecord, audience, date, permalink, (c, who, now, link) => {
          const safe = harmlessCase(c);
          expectSafe(
            escalationMessage(c, who, { now, permalink: link, words: w }),
            escalationMessage(safe, who, { now, permalink: link, words: w }),
          );
          expectSafe(reminderText(c, who, now, w), reminderText(safe, who, now, w));
          expectSafe(amazonReminderText(c, who, now, w), amazonReminderText(safe, who, now, w));
          expectSafe(amazonOverdueText(c, who, w), amazonOverdueText(safe, who, w));
          const mention = whoShouldAct(c, who);
          expectSafe(stalledParcelText(c, 5, mention, w), stalledParcelText(safe, 5, mention, w));
        }),
        RUNS,
      );
    });

    it("the history line in the card's thread, even from an event detail nobody checked", () => {
      const unchecked = <T>(known: fc.Arbitrary<T>) => fc.oneof(known, hostileText);
      const event = fc.record({
        kind: fc.oneof(
          fc.constantFrom("claimed", "taken_over", "replied", "resolved", "assigned", "reopened", "created"),
          fc.stringMatching(/^[a-z_]{1,30}$/),
        ),
        actorId: fc.option(botUserId, { nil: null }),
        detail: fc.option(
          fc.record(
            {
              from: botUserId,
              to: botUserId,
              first: fc.boolean(),
              claimed: fc.boolean(),
              resolution: unchecked(fc.constantFrom(...keysOf(RESOLUTIONS))),
              rootCause: unchecked(fc.constantFrom(...keysOf(ROOT_CAUSES))),
              amount: unchecked(amount),
              currency: unchecked(currency),
            },
            { requiredKeys: [] },
          ),
          { nil: null },
        ),
      });
      const harmless = (e: { kind: string; actorId: string | null; detail: Record<string, unknown> | null }) => ({
        ...e,
        detail: e.detail && {
          ...e.detail,
          ...Object.fromEntries(
            ["resolution", "rootCause", "amount", "currency"].filter((k) => k in e.detail!).map((k) => [k, "x"]),
          ),
        },
      });
      fc.assert(
        fc.property(event, fc.integer({ min: 1, max: 10_000_000 }), (e, n) => {
          expectSafe(historyLine(e, n, w), historyLine(harmless(e), n, w));
        }),
        RUNS,
      );
    });

    it("the resolve modal, for whatever cause and severity is picked", () => {
      fc.assert(
        fc.property(
          caseRecord,
          fc.option(fc.constantFrom(...keysOf(ROOT_CAUSES)), { nil: undefined }),
          fc.constantFrom("minor" as const, "serious" as const),
          (c, rootCause, severity) => {
            expectSafe(
              resolveModal(c, settings, { rootCause, severity }),
              resolveModal(harmlessCase(c), settings, { rootCause, severity }),
              "modal",
            );
          },
        ),
        RUNS,
      );
    });

    it("the playbook's forms: return check and verdict, suspected abuse with the buyer's cases, appeal", () => {
      const related = fc.record({
        number: fc.integer({ min: 1, max: 10_000_000 }),
        orderId,
        category: fc.constantFrom(...keysOf(CATEGORIES)),
        status: fc.constantFrom(...keysOf(STATUSES)),
        resolution: fc.option(fc.constantFrom(...keysOf(RESOLUTIONS)), { nil: null }),
        createdAt: date,
        channelId: fc.option(fc.constant("C0CASES"), { nil: null }),
        messageTs: fc.option(fc.constant("1764144000.000100"), { nil: null }),
        abuseSuspectedAt: fc.option(date, { nil: null }),
      });
      fc.assert(
        fc.property(
          caseRecord,
          fc.array(related, { maxLength: 10 }),
          count,
          fc.constantFrom("UTC", "Asia/Shanghai", "America/Los_Angeles"),
          (c, cases, extra, zone) => {
            const history = { cases, total: cases.length + extra };
            const harmless = harmlessCase(c);
            expectSafe(
              returnCheckModal(c, DEFAULT_PLAYBOOK, zone, w),
              returnCheckModal(harmless, DEFAULT_PLAYBOOK, zone, w),
              "modal",
            );
            const verdict = caseEligibility(c, { playbook: DEFAULT_PLAYBOOK, zone, words: w });
            expectSafe(returnVerdictModal(c, verdict, w), returnVerdictModal(harmless, verdict, w), "modal");
            expectSafe(abuseModal(c, history, w), abuseModal(harmless, history, w), "modal");
            expectSafe(abuseModal(c, undefined, w), abuseModal(harmless, undefined, w), "modal");
            expectSafe(
              appealModal(c, DEFAULT_PLAYBOOK, zone, c.createdAt, w),
              appealModal(harmless, DEFAULT_PLAYBOOK, zone, c.createdAt, w),
              "modal",
            );
          },
        ),
        RUNS,
      );
    });

    it("the Home tab at its fullest, for agents and leads, with a search's results", () => {
      const list = (max: number) =>
        // The cases of one list are different cases (ids are unique).
        fc
          .tuple(fc.uniqueArray(caseRecord, { maxLength: max, selector: (c) => c.id }), count)
          .map(([cases, extra]) => ({ cases, total: cases.length + extra }));
      const found = fc.record({
        id: fc.integer({ min: 1, max: 1000 }),
        number: fc.integer({ min: 1, max: 10_000_000 }),
        category: fc.constantFrom(...keysOf(CATEGORIES)),
        priority: fc.constantFrom(...keysOf(PRIORITIES)),
        status: fc.constantFrom(...keysOf(STATUSES)),
        orderId,
        buyerName: fc.option(hostileText, { nil: null }),
        createdAt: date,
        ownerId: fc.option(botUserId, { nil: null }),
        channelId: fc.constant(null),
        messageTs: fc.constant(null),
      });
      fc.assert(
        fc.property(
          list(HOME_MY_CASES),
          list(HOME_WAITING),
          list(HOME_NEEDS_SOMEONE),
          fc.array(fc.record({ userId: botUserId, open: count }), { maxLength: 20 }),
          fc.option(
            fc.record({ query: hostileTextUpTo(200), cases: fc.array(found, { maxLength: 10 }), total: count }),
            {
              nil: undefined,
            },
          ),
          // Away until a day (the switch then offers "I'm back" too), or here.
          fc.option(date, { nil: undefined }),
          (mine, waiting, needsSomeone, loads, search, awayUntil) => {
            // One instant for both renderings: clocks a second apart would date "waiting" lines differently.
            const now = new Date();
            const team = { open: 5, unclaimed: 2, overdue: 1, loads, odr: [] };
            const view = homeView(
              { mine, waiting, needsSomeone, awayUntil, team },
              { now, isLead: true, search, words: w },
            );
            expect(view.blocks.length).toBeLessThanOrEqual(100);
            const harmless = homeView(
              {
                mine: { ...mine, cases: mine.cases.map(harmlessCase) },
                waiting: { ...waiting, cases: waiting.cases.map(harmlessCase) },
                needsSomeone: { ...needsSomeone, cases: needsSomeone.cases.map(harmlessCase) },
                awayUntil,
                team,
              },
              {
                now,
                isLead: true,
                words: w,
                search: search && {
                  ...search,
                  query: "x",
                  cases: search.cases.map((c) => ({ ...c, buyerName: c.buyerName === null ? null : "x" })),
                },
              },
            );
            expect(blockKitProblems(view, "home")).toEqual([]);
            expect(userTextProblems(view, harmless)).toEqual([]);
          },
        ),
        runsIn(lang, 60),
      );
    });

    it("the workspace's forms, a search's answer and a case shown with its history", () => {
      const event = fc.record({
        id: fc.integer({ min: 1, max: 1000 }),
        caseId: fc.integer({ min: 1, max: 1000 }),
        kind: fc.constantFrom("note", "waiting", "reassigned", "claimed", "replied"),
        actorId: fc.option(botUserId, { nil: null }),
        detail: fc.record({ text: hostileText, until: fc.constant("2026-11-22T09:00:00.000Z"), to: botUserId }),
        createdAt: date,
      });
      fc.assert(
        fc.property(
          caseRecord,
          fc.array(event, { maxLength: 20 }),
          hostileTextUpTo(200),
          count,
          (c, events, query, total) => {
            const harmless = harmlessCase(c);
            expectSafe(noteModal(c, w), noteModal(harmless, w), "modal");
            expectSafe(
              waitingModal(c, "Asia/Shanghai", c.createdAt, w),
              waitingModal(harmless, "Asia/Shanghai", c.createdAt, w),
              "modal",
            );
            expectSafe(reassignModal(c, w), reassignModal(harmless, w), "modal");
            const harmlessEvents = events.map((e) => ({ ...e, detail: { ...e.detail, text: "x" } }));
            expectSafe(
              showMessage(c, events, { now: c.createdAt, settings, isLead: true }),
              showMessage(harmless, harmlessEvents, { now: c.createdAt, settings, isLead: true }),
            );
            const found = [{ ...c, buyerName: c.buyerName }];
            expectSafe(
              findMessage({ query, cases: found, total: total + 1, page: 0, pageSize: 10, words: w }),
              findMessage({ query: "x", cases: [harmless], total: total + 1, page: 0, pageSize: 10, words: w }),
            );
            expectSafe(outsiderHome(w), outsiderHome(w), "home");
          },
        ),
        RUNS,
      );
    });

    it("the reply draft for every template, and the check's answer for any text", () => {
      fc.assert(
        fc.property(
          caseRecord,
          fc.constantFrom(...DEFAULT_PLAYBOOK.templates.map((t) => t.id)),
          hostileText,
          (c, id, text) => {
            expectSafe(draftReplyModal(c, settings, id, w), draftReplyModal(harmlessCase(c), settings, id, w), "modal");
            expectSafe(policyPassedModal(text, w), policyPassedModal("x", w), "modal");
            expectSafe(policyCheckModal(w), policyCheckModal(w), "modal");
          },
        ),
        RUNS,
      );
    });
  });

  describe("the new-case modal, prefilled from any message", () => {
    it("from the message shortcut (the whole message) and from /case new (its arguments)", () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const found = findIdentifiers(text);
          const fromMessage = newCaseModal({ ...found, description: text }, { channelId: "C0CASES" }, w);
          const fromCommand = newCaseModal(found, { channelId: "C0CASES" }, w);
          expectSafe(fromMessage, newCaseModal({ ...found, description: "x" }, { channelId: "C0CASES" }, w), "modal");
          expectSafe(fromCommand, fromCommand, "modal");
        }),
        RUNS,
      );
    });
  });

  describe("crisis channel messages, whatever the buyers and sellers wrote", () => {
    // A wave lists at most 500 cases (ALERT_CASES_LIMIT); most runs use fewer to stay quick.
    const someCases = fc.oneof(
      { weight: 5, arbitrary: fc.array(alertCase, { maxLength: 40 }) },
      { weight: 1, arbitrary: fc.array(alertCase, { minLength: 100, maxLength: 500 }) },
    );

    it("the return-wave alert, running or cleared", () => {
      fc.assert(
        fc.property(
          alertRecord("wave", asin, waveDetail),
          someCases,
          date,
          fc.integer({ min: 1, max: 168 }),
          (alert, cases, now, windowHours) => {
            expectSafe(
              waveAlert(alert, cases, { now, windowHours }, w),
              waveAlert(alert, harmlessAlertCases(cases), { now, windowHours }, w),
            );
          },
        ),
        runsIn(lang, 100),
      );
    });

    it("the risk-word heads-up", () => {
      fc.assert(
        fc.property(
          alertRecord("risk", fc.oneof(asin, fc.constant(NO_ASIN)), fc.constant(null)),
          someCases,
          date,
          (a, cases, now) => {
            expectSafe(riskHeadsUpMessage(a, cases, now, w), riskHeadsUpMessage(a, harmlessAlertCases(cases), now, w));
          },
        ),
        runsIn(lang, 100),
      );
    });

    it("the Order Defect Rate alert", () => {
      const reading: fc.Arbitrary<OdrReading> = fc.record({
        marketplace,
        orders: fc.integer({ min: 1, max: 2_147_483_647 }),
        defects: count,
        negativeReviews: count,
        claims: count,
        chargebacks: count,
        percent: fc.double({ min: 0, max: 100, noNaN: true }),
        limitPercent: fc.double({ min: 0.1, max: 10, noNaN: true }),
        defectsUntilLimit: count,
        ordersFrom,
        amazon: amazonOdr,
      });
      fc.assert(
        fc.property(
          fc
            .constantFrom("odr_alert", "odr_warning")
            .chain((kind) => alertRecord(kind as CrisisAlert["kind"], marketplace, reading)),
          (alert) => {
            const message = odrAlert(alert, w);
            expectSafe(message, message);
          },
        ),
        RUNS,
      );
    });

    it("the lines in an alert's thread", () => {
      fc.assert(
        fc.property(fc.constantFrom("joined", "cleared"), fc.option(alertCase, { nil: null }), (note, c) => {
          expectSafe(crisisNote(note, c, w), crisisNote(note, c && harmlessCase(c), w));
        }),
        RUNS,
      );
    });

    it("the bulk-resolve modal of a wave", () => {
      fc.assert(
        fc.property(
          fc.record({
            id: fc.integer({ min: 1, max: 2_147_483_647 }),
            subject: asin,
            channelId: fc.constant("C0CRISIS"),
          }),
          fc.array(alertCase, { minLength: 1, maxLength: 500 }),
          (alert, cases) => {
            expectSafe(
              crisisResolveModal(alert, cases, cases.length, w),
              crisisResolveModal(alert, harmlessAlertCases(cases), cases.length, w),
              "modal",
            );
          },
        ),
        runsIn(lang, 100),
      );
    });
  });

  describe("reports and lists", () => {
    const tallies = <K extends string>(keys: K[]) =>
      fc
        .subarray(keys)
        .chain((picked) =>
          fc.tuple(...picked.map((key) => fc.record({ key: fc.constant(key), count, previous: count }))),
        );
    const report: fc.Arbitrary<TriageReport> = fc.record({
      period: fc.tuple(date, fc.integer({ min: 1, max: 400 * 86_400_000 })).map(([from, ms]) => ({
        from,
        to: new Date(from.getTime() + ms),
      })),
      opened: fc.record({ count, previous: count }),
      resolved: fc.record({ count, previous: count }),
      backlog: fc.record({ new: count, claimed: count }),
      daily: fc.constant([]),
      byStatus: tallies(keysOf(STATUSES)),
      byCategory: tallies(keysOf(CATEGORIES)),
      byPriority: tallies(keysOf(PRIORITIES)),
      sla: fc.record({
        due: count,
        met: count,
        breached: count,
        medianFirstReplyMinutes: fc.option(count, { nil: null }),
        p90FirstReplyMinutes: fc.option(count, { nil: null }),
        medianResolveMinutes: fc.option(count, { nil: null }),
      }),
      topAsins: fc.array(
        fc.record({
          asin,
          count,
          causes: fc.array(fc.record({ rootCause: fc.constantFrom(...keysOf(ROOT_CAUSES)), count }), { maxLength: 8 }),
        }),
        { maxLength: TOP_ASINS },
      ),
      asinCount: count,
      resolutions: tallies(keysOf(RESOLUTIONS)).map((ts) => ts.map((t) => ({ resolution: t.key, count: t.count }))),
      money: fc.array(
        fc.record({ resolution: fc.constantFrom(...keysOf(RESOLUTIONS)), currency, count, total: amount }),
        { maxLength: 40 },
      ),
      agents: fc.array(fc.record({ userId: botUserId, open: count, resolved: count }), { maxLength: 200 }),
      oldestOpen: fc.array(caseRef, { maxLength: OLDEST }),
      unclaimed: fc.record({ count, oldest: fc.array(caseRef, { maxLength: OLDEST }) }),
      odr: fc.array(
        fc.record({
          marketplace,
          orders: fc.integer({ min: 1, max: 2_147_483_647 }),
          defects: count,
          negativeReviews: count,
          claims: count,
          chargebacks: count,
          percent: fc.double({ min: 0, max: 100, noNaN: true }),
          limitPercent: fc.constant(1),
          defectsUntilLimit: count,
          ordersFrom,
          amazon: amazonOdr,
        }),
        { maxLength: 9 },
      ),
      amazonConcerns: fc.array(
        fc.record({
          marketplace,
          concerns: fc.array(
            fc.record({
              metric: hostileTextUpTo(40),
              label: hostileTextUpTo(60),
              status: hostileTextUpTo(20),
              percent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
              count: fc.option(count, { nil: undefined }),
            }),
            { maxLength: 30 },
          ),
        }),
        { maxLength: 9 },
      ),
      playbook: fc.record({
        moneyByCause: fc.array(
          fc.record({
            rootCause: fc.constantFrom(...keysOf(ROOT_CAUSES)),
            currency,
            cases: count,
            back: amount,
            value: amount,
          }),
          { maxLength: 40 },
        ),
        suggestions: fc.record({ made: count, followed: count }),
        buyers: fc.record({ kept: count, boughtAgain: count, lost: count }),
        abuse: count,
        appeals: fc.record({ filed: count, won: count, lost: count, open: count }),
      }),
    });

    it("the weekly digest and /case summary", () => {
      fc.assert(
        fc.property(
          report,
          fc.constantFrom(w.t("reports.triage.weeklyTitle"), w.t("reports.triage.summaryTitle")),
          fc.constantFrom("UTC", "Europe/Berlin", "Asia/Shanghai", "America/Los_Angeles"),
          date,
          fc.option(date, { nil: undefined }),
          (r, title, zone, now, lateSince) => {
            const message = triageMessage(r, { title, zone, now, lateSince, words: w });
            expectSafe(message, message);
          },
        ),
        RUNS,
      );
    });

    it("a page of /case list, for whatever filter was typed", () => {
      const filterText = fc.oneof(
        fc.constantFrom("", "open", "mine", "unclaimed", "breached"),
        asin,
        hostileText.map((name) => `<@U0AGENT1|${name.replace(/>/g, "")}>`),
        hostileText,
      );
      const page = fc.integer({ min: 0, max: 10_000 }).chain((total) =>
        fc.integer({ min: 0, max: Math.max(0, Math.ceil(total / PAGE_SIZE) - 1) }).chain((p) =>
          fc.record({
            total: fc.constant(total),
            page: fc.constant(p),
            cases: fc.array(caseRef, {
              minLength: Math.min(PAGE_SIZE, total - p * PAGE_SIZE),
              maxLength: Math.min(PAGE_SIZE, total - p * PAGE_SIZE),
            }),
          }),
        ),
      );
      fc.assert(
        fc.property(filterText, page, date, (text, { total, page, cases }, now) => {
          const filter = parseListFilter(text);
          if ("error" in filter) return;
          const message = caseListMessage({
            filter,
            cases,
            total,
            page,
            pageSize: PAGE_SIZE,
            now,
            words: w,
          });
          expectSafe(message, message);
        }),
        RUNS,
      );
    });

    it("the import summary, whatever the file and its rows held", () => {
      const summary: fc.Arbitrary<ImportSummary> = fc
        .record({
          format: fc.constantFrom("fba", "mfn"),
          rowsRead: count,
          created: count,
          duplicates: count,
          carded: count,
          withRiskWords: count,
          rejected: fc.array(fc.record({ line: fc.integer({ min: 2, max: 1_000_000 }), reason: hostileText }), {
            maxLength: KEPT_REJECTIONS,
          }),
          extraRejections: count,
          byReason: fc.dictionary(
            hostileTextUpTo(64).map((r) => r.toUpperCase()),
            count,
            { maxKeys: 40 },
          ),
          byAsin: fc.dictionary(asin, count, { maxKeys: 40 }),
        })
        .map(({ extraRejections, format, ...s }) => ({
          ...emptySummary(format as ImportSummary["format"]),
          ...s,
          rejectedCount: s.rejected.length + (s.rejected.length === KEPT_REJECTIONS ? extraRejections : 0),
        }));
      const harmless = (s: ImportSummary): ImportSummary => ({
        ...s,
        rejected: s.rejected.map((r) => ({ ...r, reason: "x" })),
        byReason: Object.fromEntries(Object.entries(s.byReason).map(([, n], i) => [`X${i}`, n])),
      });
      fc.assert(
        fc.property(summary, hostileText, (s, fileName) => {
          expectSafe(importSummaryMessage(s, fileName, w), importSummaryMessage(harmless(s), "x", w));
        }),
        RUNS,
      );
    });
  });
});

describe("counterexamples the properties found, kept as examples", () => {
  const now = new Date("2026-11-26T08:30:00Z");
  const sectionTexts = (blocks: unknown[]) => mrkdwnTexts({ blocks });

  it("a cut never leaves half an emoji (description, note, form, option, rejected row)", () => {
    expect(trimText("😀".repeat(5), 4)).toBe("😀…");
    const emoji = "😀".repeat(2000);
    expect(blockKitProblems(caseCard({ ...sampleCase, description: emoji }, now), "message")).toEqual([]);
    expect(blockKitProblems(resolveModal({ ...sampleCase, description: emoji }), "modal")).toEqual([]);
    expect(blockKitProblems(newCaseModal({ description: emoji }), "modal")).toEqual([]);
    expect(
      blockKitProblems(
        crisisResolveModal({ id: 1, subject: "B00TZ73MUY", channelId: null }, [
          { ...sampleCase, description: `🇯🇵${emoji}` },
        ]),
        "modal",
      ),
    ).toEqual([]);
    const summary = { ...emptySummary("fba"), rowsRead: 1, rejected: [{ line: 2, reason: emoji }], rejectedCount: 1 };
    expect(blockKitProblems(importSummaryMessage(summary, "returns.txt"), "message")).toEqual([]);
  });

  it("a section over 3,000 characters is cut with an ellipsis, never inside an escape, a mention or an emoji", () => {
    expect(cutMrkdwn(`ab${"&amp;".repeat(1000)}`, 3000)).toBe(`ab${"&amp;".repeat(599)}…`);
    expect(cutMrkdwn(`${"x".repeat(2990)} <@U0AGENT1> late`, 3000)).toBe(`${"x".repeat(2990)}…`);
    expect(cutMrkdwn(`x${"😀".repeat(1500)}`, 3000)).toBe(`x${"😀".repeat(1499)}…`);
    const resolved: Case = {
      ...sampleCase,
      status: "resolved",
      ownerId: "U0AGENT1",
      resolvedById: "U0AGENT1",
      resolvedAt: now,
      resolution: "replacement",
      rootCause: "defect",
      resolutionNote: "<p>Tom & Jerry</p>".repeat(100),
    };
    const card = caseCard(resolved, now);
    expect(blockKitProblems(card, "message")).toEqual([]);
    expect(userTextProblems(card, caseCard({ ...resolved, resolutionNote: "x" }, now))).toEqual([]);
  });

  it("a long SKU cannot push the card's fields or the wave alert over Slack's limits", () => {
    const sku = `<@${VICTIM_USER}>&`.repeat(300);
    expect(blockKitProblems(caseCard({ ...sampleCase, sku }, now), "message")).toEqual([]);
    const alert: CrisisAlert = {
      id: 3,
      kind: "wave",
      subject: "B00TZ73MUY",
      windowKey: "active",
      status: "active",
      channelId: "C0CRISIS",
      messageTs: null,
      startedAt: now,
      lastSeenAt: now,
      clearedAt: null,
      chartedAt: null,
      detail: { count: 3, usualPerDay: 0.2 },
    };
    const cases = [1, 2, 3].map((n) => ({ ...sampleCase, id: n, number: n, sku: `${n}${sku}` }));
    const wave = waveAlert(alert, cases, { now, windowHours: 24 });
    expect(blockKitProblems(wave, "message")).toEqual([]);
    expect(userTextProblems(wave, waveAlert(alert, harmlessAlertCases(cases), { now, windowHours: 24 }))).toEqual([]);
  });

  it("an import summary keeps its fallback text within 40,000 characters, whatever the file is called", () => {
    const message = importSummaryMessage(emptySummary("fba"), `${"&".repeat(8000)}.txt`);
    expect(blockKitProblems(message, "message")).toEqual([]);
    expect(message.text).toMatch(/^Returns import (&amp;)+…: 0 rows read/);
  });

  it("a resolution event whose detail nobody checked is shown as text", () => {
    const line = historyLine({ kind: "resolved", actorId: "U0AGENT1", detail: { amount: `<@${VICTIM_USER}>` } }, 1);
    expect(line).toContain(`&lt;@${VICTIM_USER}&gt;`);
    expect(line).not.toContain(`<@${VICTIM_USER}>`);
  });

  it("a risk heads-up whose cases are gone still has text in every section", () => {
    const alert: CrisisAlert = {
      id: 4,
      kind: "risk",
      subject: "B00TZ73MUY",
      windowKey: "2026-11-26T08:00:00.000Z",
      status: "active",
      channelId: "C0CRISIS",
      messageTs: null,
      startedAt: now,
      lastSeenAt: now,
      clearedAt: null,
      chartedAt: null,
      detail: null,
    };
    const message = riskHeadsUpMessage(alert, [], now);
    expect(blockKitProblems(message, "message")).toEqual([]);
    expect(sectionTexts(message.blocks).every((t) => t.trim() !== "")).toBe(true);
  });

  it("the page buttons of /case list carry the filter as read, not a display name of any length", () => {
    const filter = parseListFilter(`<@U0AGENT1|${"n".repeat(3000)}>`);
    if ("error" in filter) throw new Error(filter.error.key);
    const cases = Array.from({ length: PAGE_SIZE }, (_, i) => ({ ...sampleCase, number: 2000 + i }));
    const message = caseListMessage({ filter, cases, total: 45, page: 1, pageSize: PAGE_SIZE, now });
    expect(blockKitProblems(message, "message")).toEqual([]);
    const buttons = message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])) as { value?: string }[];
    expect(buttons.map((b) => b.value)).toEqual(['{"f":"<@U0AGENT1>","p":0}', '{"f":"<@U0AGENT1>","p":2}']);
  });
});

describe("the check itself", () => {
  it("notices a mention, a ping or a link that was not escaped", () => {
    const raw = (name: string) => ({ text: "x", blocks: [{ type: "section", text: { type: "mrkdwn", text: name } }] });
    for (const attack of [`<@${VICTIM_USER}>`, "<!channel>", "<https://evil.example|click>", "a & b", "a > b"])
      expect(userTextProblems(raw(`Buyer: ${attack}`), raw("Buyer: x"))).not.toEqual([]);
    expect(userTextProblems(raw("<@U0AGENT1> &lt;!channel&gt; &amp;\n>quote"), raw("<@U0AGENT1> x\n>x"))).toEqual([]);
  });
});
