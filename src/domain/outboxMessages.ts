// Every kind of message the bot sends to Slack through the outbox: what each one carries, and
// which ones may exist only once (their dedupe key). Writers and deliverers share these types,
// so a message is read back exactly as it was queued.

import type { Lang } from "../i18n/i18n.ts";
import type { ChartRequest } from "./charts.ts";

/** A finished Slack message (a report, a summary), stored as it will be posted. */
export type SlackMessage = { text: string; blocks: unknown[] };

/** The clock notices a fired timer queues (see TIMER_EFFECTS in responseClock.ts). */
export type NoticeKind =
  | "sla_reminder"
  | "escalation"
  | "amazon_reminder"
  | "amazon_overdue"
  | "stalled_reminder"
  | "refund_reminder"
  | "appeal_reminder"
  | "follow_up_reminder";

/** What a crisis thread line says: a case joined the wave, or the alert cleared. */
export type CrisisNote = "joined" | "cleared";

/**
 * Where a picture goes: under a message in a channel (`after`: the dedupe key of the message it
 * belongs under, posted first), in the thread of a crisis alert, or to a person's direct messages.
 */
export type ChartPlace =
  | { channel: string; after?: string }
  | { channel: string; alertId: number }
  | { person: string };

/**
 * Pictures to draw and upload as one message, in `lang` and time zone `zone` (none: the team's,
 * as every channel message); `fileIds` are kept once uploaded, before they are shared.
 */
export type ChartUpload = {
  charts: ChartRequest[];
  lang?: Lang;
  zone?: string;
  place: ChartPlace;
  comment?: string;
  fileIds?: string[];
};

/** The JSON stored with each kind (the row's `payload` column). */
export type OutboxPayloads = {
  post_card: Record<string, never>;
  update_card: Record<string, never>;
  history_note: { eventId: number };
  sla_reminder: Record<string, never>;
  escalation: Record<string, never>;
  amazon_reminder: Record<string, never>;
  amazon_overdue: Record<string, never>;
  stalled_reminder: Record<string, never>;
  refund_reminder: Record<string, never>;
  appeal_reminder: Record<string, never>;
  follow_up_reminder: Record<string, never>;
  digest: SlackMessage;
  message: SlackMessage & { releasesCards?: number[] };
  crisis_post: { alertId: number };
  crisis_update: { alertId: number };
  crisis_note: { alertId: number; note: CrisisNote };
  chart: ChartUpload;
  routed_dm: { person: string };
};
export type OutboxKind = keyof OutboxPayloads;

/**
 * Which messages go first when several wait for one channel: what someone must act on now, then
 * what people just did, then the cards of an import. Lower goes first.
 */
export const PRIORITY = { urgent: 0, normal: 1, bulk: 2 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

const KIND_PRIORITY: Record<OutboxKind, Priority> = {
  post_card: PRIORITY.normal,
  update_card: PRIORITY.normal,
  history_note: PRIORITY.normal,
  sla_reminder: PRIORITY.urgent,
  escalation: PRIORITY.urgent,
  amazon_reminder: PRIORITY.urgent,
  amazon_overdue: PRIORITY.urgent,
  stalled_reminder: PRIORITY.urgent,
  refund_reminder: PRIORITY.urgent,
  appeal_reminder: PRIORITY.urgent,
  follow_up_reminder: PRIORITY.urgent,
  digest: PRIORITY.urgent,
  message: PRIORITY.urgent,
  crisis_post: PRIORITY.urgent,
  crisis_update: PRIORITY.urgent,
  crisis_note: PRIORITY.urgent,
  // A picture repeats what its message says: it waits for what people must act on.
  chart: PRIORITY.normal,
  routed_dm: PRIORITY.normal,
};

/**
 * Kinds that go on or under a case's card (re-renders, thread lines): they wait while the card
 * is still to be posted, and fail with it when it cannot be.
 */
export const ON_CARD_KINDS: OutboxKind[] = [
  "update_card",
  "history_note",
  "sla_reminder",
  "amazon_reminder",
  "amazon_overdue",
  "stalled_reminder",
  "refund_reminder",
  "appeal_reminder",
  "follow_up_reminder",
];

/** The priority of a kind as an SQL expression over a row's kind column (for statements that queue). */
export const kindPrioritySql = (kindColumn: string): string =>
  `CASE ${kindColumn} ${Object.entries(KIND_PRIORITY)
    .map(([kind, p]) => `WHEN '${kind}' THEN ${p}`)
    .join(" ")} ELSE ${PRIORITY.normal} END`;

/** `fireAt`: the time the timer was set for (part of the key of re-armed notices). */
type Notice<K extends NoticeKind> = { kind: K; caseId: number; channelId: string; fireAt?: Date };

/** A message to queue, one member per kind. */
export type OutboxMessageInput =
  /** The card of a new case, posted once, ever; `bulk` for an import's cards, which wait for everything else. */
  | { kind: "post_card"; caseId: number; channelId: string; bulk?: boolean }
  /** Re-render a card from the record; several pending ones for a card fold into one. */
  | { kind: "update_card"; caseId: number }
  /** The line of a case event in the card's thread. */
  | { kind: "history_note"; caseId: number; eventId: number }
  | Notice<"sla_reminder">
  | Notice<"escalation">
  | Notice<"amazon_reminder">
  | Notice<"amazon_overdue">
  | Notice<"stalled_reminder">
  | Notice<"refund_reminder">
  | Notice<"appeal_reminder">
  | Notice<"follow_up_reminder">
  /** The weekly digest of a period: once per period. */
  | { kind: "digest"; channelId: string; periodKey: string; message: SlackMessage }
  /**
   * A finished message such as an import summary; `releasesCards` are the held cards of the
   * cases it sums up, let go once it is posted so that it comes first.
   */
  | { kind: "message"; channelId: string; message: SlackMessage; releasesCards?: number[] }
  /** An alert in the crisis channel, posted once. */
  | { kind: "crisis_post"; alertId: number; channelId: string }
  /** Re-render an alert (its channel is unknown for alerts stored before channels were kept). */
  | { kind: "crisis_update"; alertId: number; channelId: string | null }
  /** A line under an alert: a case joined it (once per case), or it cleared (once). */
  | ({ kind: "crisis_note"; alertId: number; channelId: string } & (
      | { note: "joined"; caseId: number }
      | { note: "cleared" }
    ))
  /** Charts uploaded as one message; `key` makes it one per period or refresh (none: each request its own). */
  | ({ kind: "chart"; key?: string } & ChartUpload)
  /** A person told in a direct message that a routing rule gave them a case (or suggests them for it). */
  | { kind: "routed_dm"; caseId: number; person: string };

export type OutboxMessageOf<K extends OutboxKind> = Extract<OutboxMessageInput, { kind: K }>;

/** How a message is stored: the columns of its OutboxMessage row. */
export type OutboxRow<K extends OutboxKind = OutboxKind> = {
  kind: K;
  caseId: number | null;
  channelId: string | null;
  payload: OutboxPayloads[K];
  /** Set for messages that must exist at most once: a second one with the same key is not stored. */
  dedupeKey: string | null;
  priority: Priority;
};

type RowOf = { [K in OutboxKind]: (m: OutboxMessageOf<K>) => Omit<OutboxRow<K>, "kind" | "priority"> };

const none = {} as Record<string, never>;
/**
 * Notices of timers a later change may set again (a new refund clock after a reopen, an appeal of
 * a new decision): each firing is its own notice, so the key holds the time the timer was set for.
 */
export const REARMED_NOTICES: NoticeKind[] = ["refund_reminder", "appeal_reminder", "follow_up_reminder"];

/** One notice of each kind per case (per firing, for re-armed ones): a timer that fires twice (two replicas) still posts once. */
export const noticeDedupeKey = (kind: NoticeKind, caseId: number, fireAt?: Date): string =>
  REARMED_NOTICES.includes(kind) && fireAt ? `${kind}:${caseId}:${fireAt.getTime()}` : `${kind}:${caseId}`;
/**
 * The same key as an SQL expression over a row's notice-kind, case-id and fire-time (epoch
 * milliseconds, as text) columns: the deadline sweep queues its notices inside the statement that
 * fires the timers (store/timers.ts).
 */
export const noticeDedupeKeySql = (kindColumn: string, caseIdColumn: string, fireAtMsColumn: string): string =>
  `CASE WHEN ${kindColumn} IN (${REARMED_NOTICES.map((k) => `'${k}'`).join(", ")}) ` +
  `THEN ${kindColumn} || ':' || ${caseIdColumn} || ':' || ${fireAtMsColumn} ` +
  `ELSE ${kindColumn} || ':' || ${caseIdColumn} END`;

const notice = (m: { kind: NoticeKind; caseId: number; channelId: string; fireAt?: Date }) => ({
  caseId: m.caseId,
  channelId: m.channelId,
  payload: none,
  dedupeKey: noticeDedupeKey(m.kind, m.caseId, m.fireAt),
});

/** The row of each kind, and with it the dedupe key: the one place either is decided. */
const ROW_OF: RowOf = {
  post_card: (m) => ({ caseId: m.caseId, channelId: m.channelId, payload: none, dedupeKey: `card:${m.caseId}` }),
  update_card: (m) => ({ caseId: m.caseId, channelId: null, payload: none, dedupeKey: null }),
  history_note: (m) => ({
    caseId: m.caseId,
    channelId: null,
    payload: { eventId: m.eventId },
    dedupeKey: `note:${m.eventId}`,
  }),
  sla_reminder: notice,
  escalation: notice,
  amazon_reminder: notice,
  amazon_overdue: notice,
  stalled_reminder: notice,
  refund_reminder: notice,
  appeal_reminder: notice,
  follow_up_reminder: notice,
  digest: (m) => ({ caseId: null, channelId: m.channelId, payload: m.message, dedupeKey: `digest:${m.periodKey}` }),
  message: (m) => ({
    caseId: null,
    channelId: m.channelId,
    payload: m.releasesCards?.length ? { ...m.message, releasesCards: m.releasesCards } : m.message,
    dedupeKey: null,
  }),
  crisis_post: (m) => ({
    caseId: null,
    channelId: m.channelId,
    payload: { alertId: m.alertId },
    dedupeKey: `crisis_post:${m.alertId}`,
  }),
  crisis_update: (m) => ({ caseId: null, channelId: m.channelId, payload: { alertId: m.alertId }, dedupeKey: null }),
  crisis_note: (m) =>
    m.note === "joined"
      ? {
          caseId: m.caseId,
          channelId: m.channelId,
          payload: { alertId: m.alertId, note: m.note },
          dedupeKey: `crisis_note:${m.alertId}:${m.caseId}`,
        }
      : {
          caseId: null,
          channelId: m.channelId,
          payload: { alertId: m.alertId, note: m.note },
          dedupeKey: `crisis_cleared:${m.alertId}`,
        },
  chart: ({ kind: _, key, ...upload }) => ({
    caseId: null,
    // A person's direct messages are their own lane, named by the person.
    channelId: "person" in upload.place ? upload.place.person : upload.place.channel,
    payload: upload,
    dedupeKey: key ? `chart:${key}` : null,
  }),
  routed_dm: (m) => ({
    caseId: m.caseId,
    // The person's direct messages are their own lane.
    channelId: m.person,
    payload: { person: m.person },
    dedupeKey: `routed_dm:${m.caseId}:${m.person}`,
  }),
};

export const OUTBOX_KINDS = Object.keys(ROW_OF) as OutboxKind[];

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.hasOwn(ROW_OF, kind);
}

function rowOf<K extends OutboxKind>(m: OutboxMessageOf<K>): OutboxRow<K> {
  const bulk = m.kind === "post_card" && (m as OutboxMessageOf<"post_card">).bulk;
  const priority = bulk ? PRIORITY.bulk : KIND_PRIORITY[m.kind];
  return { kind: m.kind as K, ...(ROW_OF[m.kind as K] as RowOf[K])(m), priority };
}

/** The row a message is stored as. */
export function outboxRow(m: OutboxMessageInput): OutboxRow {
  return rowOf(m) as OutboxRow;
}

/** The dedupe key of a message: null for kinds that may repeat. */
export function dedupeKey(m: OutboxMessageInput): string | null {
  return outboxRow(m).dedupeKey;
}
