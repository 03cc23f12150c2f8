// The deadline sweep queues its Slack messages inside the statement that fires the timers; the rows
// it writes must be exactly what the outbox's own rules say (same dedupe keys, same order).
import { describe, expect } from "vitest";
import { dedupeKey } from "../../src/domain/outboxMessages.ts";
import { fireDueTimers } from "../../src/store/timers.ts";
import { botTest } from "../support/botTest.ts";

const channels = { casesChannel: "C0CASES", escalationChannel: "C0ESCAL" };

describe("the deadline sweep's messages", () => {
  botTest("are the notices with the outbox's dedupe keys, then the card re-renders, once", async ({ db }) => {
    const createdAt = new Date("2026-11-26T08:00:00Z");
    const c = await db.prisma.case.create({
      data: {
        category: "refund",
        priority: "high",
        orderId: "114-2962899-5762619",
        description: "Where is my refund?",
        source: "test",
        createdAt,
        responseDueAt: new Date("2026-11-26T09:00:00Z"),
        timers: {
          create: [
            { kind: "response_warning", fireAt: new Date("2026-11-26T08:45:00Z") },
            { kind: "amazon_warning", fireAt: new Date("2026-11-26T08:50:00Z") },
          ],
        },
      },
    });
    const now = new Date("2026-11-26T08:55:00Z");
    const fired = await fireDueTimers(db.prisma, now, channels);
    expect(fired.map((f) => f.kind).sort()).toEqual(["amazon_warning", "response_warning"]);
    const rows = await db.prisma.outboxMessage.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.channelId, r.dedupeKey])).toEqual(
      expect.arrayContaining([
        ["sla_reminder", "C0CASES", dedupeKey({ kind: "sla_reminder", caseId: c.id, channelId: "C0CASES" })],
        ["amazon_reminder", "C0CASES", dedupeKey({ kind: "amazon_reminder", caseId: c.id, channelId: "C0CASES" })],
      ]),
    );
    expect(rows).toHaveLength(2);

    // The breach: its escalation goes to the escalation channel, and the card is re-rendered after it.
    await db.prisma.caseTimer.create({
      data: { caseId: c.id, kind: "response_breach", fireAt: new Date("2026-11-26T09:00:00Z") },
    });
    await fireDueTimers(db.prisma, new Date("2026-11-26T09:01:00Z"), channels);
    await fireDueTimers(db.prisma, new Date("2026-11-26T09:02:00Z"), channels); // nothing left: no repeat
    const after = await db.prisma.outboxMessage.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(after.slice(2).map((r) => [r.kind, r.channelId, r.dedupeKey])).toEqual([
      ["escalation", "C0ESCAL", dedupeKey({ kind: "escalation", caseId: c.id, channelId: "C0ESCAL" })],
      ["update_card", null, null],
    ]);
  });
});
