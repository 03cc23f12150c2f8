// Requests to the bot signed exactly as Slack signs them (v0 HMAC-SHA256 over timestamp and body).
import { signature as signWith } from "../../src/sandbox/signing.ts";

export const SIGNING_SECRET = "test-signing-secret-0123456789";

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return signWith(body, timestamp, secret);
}

export async function postSigned(
  baseUrl: string,
  body: string,
  opts: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
) {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(body, timestamp, opts.secret),
      ...opts.headers,
    },
    body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export function slashCommandBody(fields: {
  text: string;
  user_id?: string;
  channel_id?: string;
  response_url?: string;
}): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T0STANDIN",
    team_domain: "stand-in",
    channel_id: fields.channel_id ?? "C0CASES",
    channel_name: "cases",
    user_id: fields.user_id ?? "U0AGENT1",
    user_name: "agent",
    command: "/case",
    text: fields.text,
    api_app_id: "A0APP",
    response_url: fields.response_url ?? "http://127.0.0.1:9/response/none",
    trigger_id: "1337.42.trigger",
  }).toString();
}

export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function buttonPayload(opts: {
  actionId: string;
  value: string;
  userId: string;
  channel?: string;
  messageTs?: string;
}) {
  return {
    type: "block_actions",
    team: { id: "T0STANDIN", domain: "stand-in" },
    user: { id: opts.userId, username: opts.userId.toLowerCase(), team_id: "T0STANDIN" },
    api_app_id: "A0APP",
    token: "legacy",
    trigger_id: `trigger-${opts.userId}-${Math.random()}`,
    container: {
      type: "message",
      message_ts: opts.messageTs ?? "1.0",
      channel_id: opts.channel ?? "C0CASES",
      is_ephemeral: false,
    },
    channel: { id: opts.channel ?? "C0CASES", name: "cases" },
    message: { type: "message", ts: opts.messageTs ?? "1.0", text: "card" },
    response_url: "http://127.0.0.1:9/response/none",
    actions: [
      {
        type: "button",
        action_id: opts.actionId,
        block_id: "case_actions",
        value: opts.value,
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** A view_submission as Slack sends it: state values keyed by block id, then action id "value". */
export function viewSubmission(opts: {
  callbackId: string;
  userId: string;
  values: Record<string, string | undefined>;
  selects?: string[];
  /** Blocks holding a datepicker (value "2026-11-20"), radio buttons, or checkboxes (values comma-separated). */
  dates?: string[];
  radios?: string[];
  checks?: string[];
  privateMetadata?: string;
  viewId?: string;
}) {
  const values: Record<string, Record<string, unknown>> = {};
  const option = (v: string) => ({ value: v, text: { type: "plain_text", text: v } });
  for (const [block, v] of Object.entries(opts.values)) {
    values[block] = opts.selects?.includes(block)
      ? { value: { type: "static_select", selected_option: v === undefined ? null : option(v) } }
      : opts.radios?.includes(block)
        ? { value: { type: "radio_buttons", selected_option: v === undefined ? null : option(v) } }
        : opts.dates?.includes(block)
          ? { value: { type: "datepicker", selected_date: v ?? null } }
          : opts.checks?.includes(block)
            ? { value: { type: "checkboxes", selected_options: v ? v.split(",").map(option) : [] } }
            : { value: { type: "plain_text_input", value: v ?? null } };
  }
  return {
    type: "view_submission",
    team: { id: "T0STANDIN", domain: "stand-in" },
    user: { id: opts.userId, username: opts.userId.toLowerCase(), team_id: "T0STANDIN" },
    api_app_id: "A0APP",
    token: "legacy",
    trigger_id: "trigger-view",
    view: {
      id: opts.viewId ?? `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      team_id: "T0STANDIN",
      type: "modal",
      callback_id: opts.callbackId,
      private_metadata: opts.privateMetadata ?? "",
      state: { values },
      hash: "1.abc",
      blocks: [],
    },
  };
}

/** A pick in a card's overflow ("⋯") menu. */
export function overflowPayload(opts: { actionId: string; value: string; userId: string; channel?: string }) {
  const payload = buttonPayload({
    actionId: opts.actionId,
    value: opts.value,
    userId: opts.userId,
    channel: opts.channel,
  });
  payload.actions = [
    {
      type: "overflow",
      action_id: opts.actionId,
      block_id: "case_actions",
      selected_option: { value: opts.value, text: { type: "plain_text", text: opts.value } },
      action_ts: String(Date.now() / 1000),
    },
  ] as never;
  return payload;
}

/** A select with dispatch_action changed inside an open modal: block_actions with the view and its state. */
export function viewSelectPayload(opts: {
  actionId: string;
  blockId: string;
  value: string;
  userId: string;
  view: ReturnType<typeof viewSubmission>["view"];
}) {
  return {
    type: "block_actions",
    team: { id: "T0STANDIN", domain: "stand-in" },
    user: { id: opts.userId, username: opts.userId.toLowerCase(), team_id: "T0STANDIN" },
    api_app_id: "A0APP",
    token: "legacy",
    trigger_id: `trigger-${opts.userId}-${Math.random()}`,
    container: { type: "view", view_id: opts.view.id },
    view: opts.view,
    actions: [
      {
        type: "static_select",
        action_id: opts.actionId,
        block_id: opts.blockId,
        selected_option: { value: opts.value, text: { type: "plain_text", text: opts.value } },
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** An Events API callback as Slack sends it (JSON, signed like every request). */
export function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "T0STANDIN",
    api_app_id: "A0APP",
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: String(Date.now() / 1000), ...event },
  });
}

/** A button pressed on a person's Home tab: block_actions from a view of type "home". */
export function homeButtonPayload(opts: { actionId: string; value: string; userId: string; viewId?: string }) {
  const payload = buttonPayload(opts) as Record<string, unknown>;
  const viewId = opts.viewId ?? "VHOME";
  delete payload.channel;
  delete payload.message;
  return {
    ...payload,
    container: { type: "view", view_id: viewId },
    view: {
      id: viewId,
      type: "home",
      callback_id: "",
      private_metadata: "",
      state: { values: {} },
      hash: "1.home",
      blocks: [],
    },
  };
}
