// The connection to Amazon through a local stand-in for Login with Amazon and the Reports API:
// returns, negative feedback and account health pulled into cases and ODR alerts, once; throttling,
// expired tokens and download addresses, failed reports and refused credentials handled; a pull
// stopped half-way goes on with the same report; /case amazon and Pull now for leads.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect } from "vitest";
import { MARKETPLACES } from "../../src/domain/amazon.ts";
import { ACTIONS } from "../../src/ids.ts";
import {
  amazonSettingsFor,
  type ReportOutcome,
  type ReportRequest,
  startAmazonStandIn,
} from "../../src/sandbox/amazonStandIn.ts";
import { checkOdr } from "../../src/store/odr.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { backend } from "../support/database.ts";
import { fbaReport, mfnReport } from "../support/returnsFiles.ts";
import { buttonPayload, interactionBody, postSigned } from "../support/signedRequests.ts";

const amazon = await startAmazonStandIn();
afterAll(() => amazon.close());
const CRISIS_CHANNEL = "C0CRISIS";
botTest.override("botOptions", {
  env: {
    ...amazonSettingsFor(amazon),
    CRISIS_CHANNEL,
    AGENT_USER_IDS: "U0AGENT1",
  },
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/amazon/${name}`, import.meta.url), "utf8");
let seq = 7000000;
const orderId = () => `114-${++seq}-1234567`;

/** What Amazon's reports hold, per report type; a type not listed is cancelled (no data). */
function reportsHold(docs: Partial<Record<string, string | ReportOutcome>>) {
  amazon.onReport((req: ReportRequest) => {
    const doc = docs[req.reportType];
    if (doc === undefined) return { status: "CANCELLED" };
    return typeof doc === "string" ? { status: "DONE", document: doc, compressed: true } : doc;
  });
}

async function feed(bot: TestBot, kind: string) {
  return bot.db.prisma.amazonFeed.findFirstOrThrow({ where: { kind, marketplace: "US" } });
}

/** Each test starts with nothing pulled yet (the bot and its database are shared by the file). */
async function reset(bot: TestBot) {
  amazon.pollsPerStep = 1;
  amazon.refuseRefreshToken(false);
  await bot.db.prisma.amazonReport.deleteMany();
  await bot.db.prisma.amazonFeed.deleteMany();
  await bot.db.prisma.accountHealth.deleteMany();
}

describe("pulling from Amazon", () => {
  botTest(
    "brings returns, negative feedback and account health in once; a second pull adds nothing",
    async ({ bot, slack }) => {
      await reset(bot);
      const fba = orderId();
      const mfn = orderId();
      reportsHold({
        GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: fbaReport([
          { date: "2026-11-19T10:00:00+00:00", orderId: fba, reason: "DEFECTIVE", lpn: `LPN${fba}` },
        ]),
        GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: mfnReport([
          { orderId: mfn, requestDate: "2026-11-19", rma: `R${mfn}`, reason: "NOT_AS_DESCRIBED" },
        ]),
        GET_SELLER_FEEDBACK_DATA: fixture("feedback-us.txt"),
        GET_V2_SELLER_PERFORMANCE_REPORT: fixture("account-health-us.json"),
      });
      const before = amazon.reports.length;
      await bot.amazon.pullNow();
      const asked = amazon.reports.slice(before);
      expect(asked.map((r) => r.reportType).sort()).toEqual([
        "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
        "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE",
        "GET_SELLER_FEEDBACK_DATA",
        "GET_V2_SELLER_PERFORMANCE_REPORT",
      ]);
      expect(asked.every((r) => r.marketplaceIds[0] === MARKETPLACES.US.id)).toBe(true);

      // Returns through the importer, with its summary in the cases channel.
      const returns = await bot.db.prisma.case.findMany({ where: { orderId: { in: [fba, mfn] } } });
      expect(returns.map((c) => c.category).sort()).toEqual(["return", "return"]);
      // A marketplace's report: its returns are that marketplace's (its routing rules apply).
      expect(returns.every((c) => c.marketplace === "US")).toBe(true);
      await bot.flush();
      const summaries = () =>
        slack
          .calls("chat.postMessage")
          .filter((c) => c.args.channel === CASES_CHANNEL && /^Returns import Amazon's/.test(c.args.text));
      expect(summaries()).toHaveLength(2);

      // Negative feedback (1–2 stars) as urgent negative_review cases, without the rater's e-mail.
      const reviews = await bot.db.prisma.case.findMany({
        where: { source: "amazon_feedback" },
        orderBy: { orderId: "asc" },
      });
      expect(reviews.map((c) => c.orderId)).toEqual([
        "112-7730021-4406185",
        "114-2962899-5762619",
        "114-5561903-2271548",
      ]);
      expect(reviews.every((c) => c.category === "negative_review")).toBe(true);
      expect(reviews.find((c) => c.orderId === "112-7730021-4406185")?.description).toContain("拉链坏了");
      const stored = JSON.stringify(await bot.db.prisma.case.findMany({ where: { source: "amazon_feedback" } }));
      expect(stored).not.toMatch(/marketplace\.amazon\.com/);
      expect(JSON.stringify(slack.calls("chat.postMessage"))).not.toMatch(/marketplace\.amazon\.com/);

      // Amazon's account health: its order count is the denominator, its own rate raises the alert.
      const health = await bot.db.prisma.accountHealth.findUniqueOrThrow({ where: { marketplace: "US" } });
      expect(health.orders).toBeGreaterThan(0);
      await bot.flush();
      const alert = await waitFor(
        () =>
          slack
            .calls("chat.postMessage")
            .find((c) => c.args.channel === CRISIS_CHANNEL && /Order Defect Rate/.test(c.args.text)),
        "the ODR alert",
      );
      expect(alert.args.text).toMatch(/^US Order Defect Rate 1\.20% by Amazon.s account health/);
      expect(JSON.stringify(alert.args.blocks)).toMatch(/Amazon: 1\.20% \(merchant-fulfilled/);
      // The digest shows Amazon's figure and what its account health report flags.
      expect(await bot.digest.postFor(new Date(Date.now() + 86_400_000))).toBe(true);
      await bot.flush();
      const digest = slack.calls("chat.postMessage").find((c) => /Weekly triage/.test(JSON.stringify(c.args.blocks)));
      expect(JSON.stringify(digest?.args.blocks)).toContain("Amazon account health — needs attention");
      expect(JSON.stringify(digest?.args.blocks)).toContain("Late shipment rate *BAD*");
      expect(JSON.stringify(digest?.args.blocks)).toMatch(/US \*0\.\d\d%\* \(3 of \d+ orders\).*Amazon: /);

      // Again: new reports from where the last ended (with overlap), nothing new created or posted.
      const cases = await bot.db.prisma.case.count();
      const inCases = () => slack.calls("chat.postMessage").filter((c) => c.args.channel === CASES_CHANNEL).length;
      const posts = inCases();
      const second = amazon.reports.length;
      await bot.amazon.pullNow();
      expect(amazon.reports.length - second).toBe(4);
      const fbaAgain = amazon.reports
        .slice(second)
        .find((r) => r.reportType === "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA");
      const firstFba = asked.find((r) => r.reportType === "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA");
      expect(Date.parse(fbaAgain?.dataStartTime ?? "")).toBe(Date.parse(firstFba?.dataEndTime ?? "") - 48 * 3_600_000);
      expect(await bot.db.prisma.case.count()).toBe(cases);
      await bot.flush();
      expect(inCases()).toBe(posts);
      expect(summaries()).toHaveLength(2);
      const alerts = await bot.db.prisma.crisisAlert.findMany({
        where: { kind: { in: ["odr_alert", "odr_warning"] } },
      });
      expect(alerts.filter((a) => a.kind === "odr_alert")).toHaveLength(1);

      // Amazon's figure older than 3 days no longer holds the alert up: the team's estimate clears it.
      await bot.db.prisma.accountHealth.update({
        where: { marketplace: "US" },
        data: { reportedAt: new Date(Date.now() - 4 * 86_400_000) },
      });
      await checkOdr(bot.db.prisma, "US", new Date(), bot.config.crisis);
      expect(await bot.db.prisma.crisisAlert.count({ where: { kind: "odr_alert", status: "active" } })).toBe(0);
    },
  );

  botTest("a document that cannot be read is asked for anew at the next pull", async ({ bot }) => {
    await reset(bot);
    reportsHold({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: "This is not a returns report\nat all\n" });
    await bot.amazon.pullNow();
    const f = await feed(bot, "fba_returns");
    expect(f.lastError).toMatch(/returns report/i);
    const first = await bot.db.prisma.amazonReport.findFirstOrThrow({ where: { feedId: f.id } });
    expect(first.status).toBe("fatal");
    const before = amazon.reports.length;
    await bot.amazon.pullNow();
    expect(amazon.reports.length - before).toBe(4); // a new FBA report, not the same one again
    expect(await bot.db.prisma.amazonReport.count({ where: { feedId: f.id } })).toBe(2);
  });

  botTest("waits out throttling, renews an expired token and a stale download address", async ({ bot }) => {
    await reset(bot);
    const id = orderId();
    reportsHold({
      GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: fbaReport([
        { date: "2026-11-19T10:00:00+00:00", orderId: id, reason: "DEFECTIVE", lpn: `LPN${id}` },
      ]),
    });
    await bot.amazon.pullNow(); // a first pull, so the token is cached
    amazon.expireAccessTokens();
    amazon.throttle("createReport", 2);
    amazon.expireNextUrl();
    const calls = amazon.calls.length;
    const id2 = orderId();
    reportsHold({
      GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: fbaReport([
        { date: "2026-11-20T10:00:00+00:00", orderId: id2, reason: "DEFECTIVE", lpn: `LPN${id2}` },
      ]),
    });
    await bot.amazon.pullNow();
    const made = amazon.calls.slice(calls);
    expect(made.filter((c) => c.status === 429).length).toBe(2);
    expect(made.some((c) => c.op === "token" && c.status === 200)).toBe(true);
    expect(made.some((c) => c.op === "download" && c.status === 403)).toBe(true);
    expect(await bot.db.prisma.case.count({ where: { orderId: id2 } })).toBe(1);
    expect((await feed(bot, "fba_returns")).lastError).toBeNull();
  });

  botTest("a FATAL report keeps its period to ask again; the next pull brings it in", async ({ bot }) => {
    await reset(bot);
    reportsHold({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { status: "FATAL" } });
    await bot.amazon.pullNow();
    const failed = await feed(bot, "fba_returns");
    expect(failed.lastError).toMatch(/FATAL/);
    expect(failed.cursor).toBeNull();
    const id = orderId();
    reportsHold({
      GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: fbaReport([
        { date: "2026-11-19T10:00:00+00:00", orderId: id, reason: "DEFECTIVE", lpn: `LPN${id}` },
      ]),
    });
    await bot.amazon.pullNow();
    expect(await bot.db.prisma.case.count({ where: { orderId: id } })).toBe(1);
    const ok = await feed(bot, "fba_returns");
    expect(ok.lastError).toBeNull();
    expect(ok.cursor).not.toBeNull();
  });

  botTest("a pull stopped half-way goes on with the same report when the bot starts again", async ({ bot }) => {
    await reset(bot);
    const id = orderId();
    reportsHold({
      GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: fbaReport([
        { date: "2026-11-19T10:00:00+00:00", orderId: id, reason: "DEFECTIVE", lpn: `LPN${id}` },
      ]),
    });
    amazon.pollsPerStep = 50; // Amazon takes its time
    const before = amazon.reports.length;
    const pulling = bot.amazon.pullNow();
    await waitFor(
      async () => (await bot.db.prisma.amazonReport.count({ where: { status: "waiting" } })) === 4 || undefined,
      "the reports asked for",
    );
    await bot.stop(); // the bot stops while Amazon prepares the reports
    await pulling;
    amazon.pollsPerStep = 1;
    // On its schedule the bot goes on with what is unfinished at start, without being asked.
    await bot.start({ amazon: { schedule: true } });
    await waitFor(
      async () => (await bot.db.prisma.case.count({ where: { orderId: id } })) === 1 || undefined,
      "the return",
      30_000,
    );
    await bot.amazon.settle();
    expect(amazon.reports.length - before).toBe(4); // no report asked for twice
    expect(await bot.db.prisma.amazonReport.count({ where: { status: { in: ["requested", "waiting"] } } })).toBe(0);
    await bot.stop();
    await bot.start(); // back to pulling only when asked, for the tests after this one
  });

  botTest("refused credentials are reported in /case amazon and the bot goes on", async ({ bot, slack }) => {
    await reset(bot);
    amazon.refuseRefreshToken();
    amazon.expireAccessTokens(); // the token in hand runs out, and a new one is refused
    await bot.amazon.pullNow();
    const f = await feed(bot, "fba_returns");
    expect(f.lastError).toMatch(/refused the app's credentials/);
    expect(f.retryAt).toBeNull(); // tried again at the next scheduled pull, not hammered
    const res = await bot.command("amazon", LEAD);
    expect(res.status).toBe(200);
    const answer = await waitFor(
      () => slack.responses.find((r) => /Amazon connection/.test(JSON.stringify(r.body))),
      "the status",
    );
    expect(JSON.stringify(answer.body)).toContain("refused the app");
    expect(JSON.stringify(answer.body)).toContain(ACTIONS.amazonPullNow);
    // An agent is refused politely.
    await bot.command("amazon", "U0AGENT1");
    await waitFor(
      () => slack.responses.find((r) => /Only leads can see and run the connection/.test(JSON.stringify(r.body))),
      "the refusal",
    );
  });

  botTest("Pull now from /case amazon pulls every report for a lead", async ({ bot, slack }) => {
    await reset(bot);
    reportsHold({});
    const before = amazon.reports.length;
    const res = await postSigned(
      bot.baseUrl,
      interactionBody({
        ...buttonPayload({ actionId: ACTIONS.amazonPullNow, value: "all", userId: LEAD }),
        response_url: slack.url.replace(/api\/$/, "response/pull"),
      }),
    );
    expect(res.status).toBe(200);
    await waitFor(() => amazon.reports.length - before === 4 || undefined, "the reports asked for");
    await bot.amazon.settle();
    expect((await feed(bot, "feedback")).lastPullAt).not.toBeNull();
    // The status replaces itself: "Pulling…", then "Pulled just now."
    await waitFor(
      () => slack.responses.find((r) => r.path === "/response/pull" && /Pulled just now/.test(JSON.stringify(r.body))),
      "the status after the pull",
    );
  });
});

describe.runIf(backend === "postgres")("two copies connected to Amazon", () => {
  botTest("pull each feed once between them", async ({ bot, secondBot }) => {
    await reset(bot);
    reportsHold({});
    amazon.pollsPerStep = 3;
    const before = amazon.reports.length;
    await Promise.all([bot.amazon.pullDue(), secondBot.amazon.pullDue()]);
    expect(amazon.reports.length - before).toBe(4);
  });
});
