import { describe, expect, it } from "vitest";
import {
  dedupeKey,
  isOutboxKind,
  kindPrioritySql,
  OUTBOX_KINDS,
  type OutboxMessageInput,
  outboxRow,
  PRIORITY,
} from "../../src/domain/outboxMessages.ts";

const message = { text: "Weekly triage", blocks: [] };

describe("outbox dedupe keys", () => {
  const cases: [OutboxMessageInput, string | null][] = [
    [{ kind: "post_card", caseId: 7, channelId: "C1" }, "card:7"],
    [{ kind: "update_card", caseId: 7 }, null],
    [{ kind: "history_note", caseId: 7, eventId: 42 }, "note:42"],
    [{ kind: "sla_reminder", caseId: 7, channelId: "C1" }, "sla_reminder:7"],
    [{ kind: "escalation", caseId: 7, channelId: "C2" }, "escalation:7"],
    [{ kind: "amazon_reminder", caseId: 7, channelId: "C1" }, "amazon_reminder:7"],
    [{ kind: "amazon_overdue", caseId: 7, channelId: "C1" }, "amazon_overdue:7"],
    [{ kind: "stalled_reminder", caseId: 7, channelId: "C1" }, "stalled_reminder:7"],
    [{ kind: "refund_reminder", caseId: 7, channelId: "C1" }, "refund_reminder:7"],
    [{ kind: "appeal_reminder", caseId: 7, channelId: "C1" }, "appeal_reminder:7"],
    [{ kind: "follow_up_reminder", caseId: 7, channelId: "C1" }, "follow_up_reminder:7"],
    [
      { kind: "digest", channelId: "C3", periodKey: "2026-11-23T09:00:00.000Z", message },
      "digest:2026-11-23T09:00:00.000Z",
    ],
    [{ kind: "message", channelId: "C1", message }, null],
    [{ kind: "crisis_post", alertId: 3, channelId: "C4" }, "crisis_post:3"],
    [{ kind: "crisis_update", alertId: 3, channelId: null }, null],
    [{ kind: "crisis_note", alertId: 3, channelId: "C4", note: "joined", caseId: 7 }, "crisis_note:3:7"],
    [{ kind: "crisis_note", alertId: 3, channelId: "C4", note: "cleared" }, "crisis_cleared:3"],
    [
      { kind: "chart", key: "digest:2026-11-23T09:00:00.000Z", place: { channel: "C3" }, charts: [] },
      "chart:digest:2026-11-23T09:00:00.000Z",
    ],
    [{ kind: "chart", place: { person: "U1" }, charts: [] }, null],
    [{ kind: "routed_dm", caseId: 7, person: "U1" }, "routed_dm:7:U1"],
  ];

  it.each(cases)("%o is kept once by %s", (m, key) => {
    expect(dedupeKey(m)).toBe(key);
  });

  it("sends a person's charts in their own lane, and keeps the upload's key out of its payload", () => {
    const row = outboxRow({ kind: "chart", key: "k", place: { person: "U1" }, charts: [], lang: "zh-CN" });
    expect(row.channelId).toBe("U1");
    expect(row.payload).toEqual({ place: { person: "U1" }, charts: [], lang: "zh-CN" });
    expect(row.priority).toBe(PRIORITY.normal);
  });

  it("covers every kind", () => {
    expect(new Set(cases.map(([m]) => m.kind))).toEqual(new Set(OUTBOX_KINDS));
  });

  it("keeps a reminder a later change sets again apart from the one before (one per firing)", () => {
    const first = new Date("2026-11-20T09:00:00Z");
    const again = new Date("2026-12-20T09:00:00Z");
    const key = (fireAt: Date) => dedupeKey({ kind: "appeal_reminder", caseId: 7, channelId: "C1", fireAt });
    expect(key(first)).toBe(`appeal_reminder:7:${first.getTime()}`);
    expect(key(again)).not.toBe(key(first));
    // A deadline's escalation stays once per case, whenever its timer was set.
    expect(dedupeKey({ kind: "escalation", caseId: 7, channelId: "C2", fireAt: first })).toBe("escalation:7");
  });

  it("tells a different case, event, period or alert apart", () => {
    expect(dedupeKey({ kind: "post_card", caseId: 8, channelId: "C1" })).not.toBe(
      dedupeKey({ kind: "post_card", caseId: 7, channelId: "C1" }),
    );
    expect(dedupeKey({ kind: "crisis_note", alertId: 3, channelId: "C4", note: "joined", caseId: 8 })).not.toBe(
      dedupeKey({ kind: "crisis_note", alertId: 3, channelId: "C4", note: "joined", caseId: 7 }),
    );
  });
});

describe("outbox rows", () => {
  it("stores what the deliverers read: the case, the channel and the payload of each kind", () => {
    expect(outboxRow({ kind: "history_note", caseId: 7, eventId: 42 })).toEqual({
      kind: "history_note",
      caseId: 7,
      channelId: null,
      payload: { eventId: 42 },
      dedupeKey: "note:42",
      priority: PRIORITY.normal,
    });
    expect(outboxRow({ kind: "digest", channelId: "C3", periodKey: "p", message })).toEqual({
      kind: "digest",
      caseId: null,
      channelId: "C3",
      payload: message,
      dedupeKey: "digest:p",
      priority: PRIORITY.urgent,
    });
    expect(outboxRow({ kind: "crisis_note", alertId: 3, channelId: "C4", note: "joined", caseId: 7 })).toEqual({
      kind: "crisis_note",
      caseId: 7,
      channelId: "C4",
      payload: { alertId: 3, note: "joined" },
      dedupeKey: "crisis_note:3:7",
      priority: PRIORITY.urgent,
    });
    expect(outboxRow({ kind: "crisis_update", alertId: 3, channelId: "C4" }).payload).toEqual({ alertId: 3 });
    // An import's summary carries the cards it lets go once posted; other messages carry none.
    expect(outboxRow({ kind: "message", channelId: "C1", message, releasesCards: [4, 5] }).payload).toEqual({
      ...message,
      releasesCards: [4, 5],
    });
    expect(outboxRow({ kind: "message", channelId: "C1", message, releasesCards: [] }).payload).toEqual(message);
  });

  it("puts what someone must act on first and an import's cards last", () => {
    const urgent: OutboxMessageInput[] = [
      { kind: "escalation", caseId: 7, channelId: "C2" },
      { kind: "sla_reminder", caseId: 7, channelId: "C1" },
      { kind: "amazon_overdue", caseId: 7, channelId: "C1" },
      { kind: "crisis_post", alertId: 3, channelId: "C4" },
      { kind: "digest", channelId: "C3", periodKey: "p", message },
      { kind: "message", channelId: "C1", message },
    ];
    for (const m of urgent) expect(outboxRow(m).priority).toBe(PRIORITY.urgent);
    expect(outboxRow({ kind: "post_card", caseId: 7, channelId: "C1" }).priority).toBe(PRIORITY.normal);
    expect(outboxRow({ kind: "post_card", caseId: 7, channelId: "C1", bulk: true }).priority).toBe(PRIORITY.bulk);
    expect(PRIORITY.urgent).toBeLessThan(PRIORITY.normal);
    expect(PRIORITY.normal).toBeLessThan(PRIORITY.bulk);
  });

  it("gives statements that queue the same priority per kind as the rows", () => {
    const sql = kindPrioritySql("kind");
    for (const kind of OUTBOX_KINDS) expect(sql).toContain(`WHEN '${kind}' THEN`);
    expect(sql).toContain(`WHEN 'escalation' THEN ${PRIORITY.urgent}`);
    expect(sql).toContain(`WHEN 'post_card' THEN ${PRIORITY.normal}`);
  });

  it("recognises stored kinds and refuses unknown ones", () => {
    expect(isOutboxKind("escalation")).toBe(true);
    expect(isOutboxKind("fax")).toBe(false);
    expect(isOutboxKind("toString")).toBe(false);
  });
});
