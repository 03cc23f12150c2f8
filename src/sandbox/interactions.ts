// What a person does in the sandbox, sent to the bot as Slack sends it: slash commands, button
// clicks and menu picks, modal submissions and closes, the message shortcut, opening the Home tab.
// Each request is signed with the app's signing secret and answered within Slack's 3 seconds or
// treated as Slack treats a silent app. The bot's answers (the HTTP reply, response_url posts,
// Web API calls) land in the stand-in, which the page shows.

import { z } from "zod";
import { BOT, CHANNELS, personName } from "./directory.ts";
import { elementAt, optionsOf } from "./page/blockKit.ts";
import { signedHeaders } from "./signing.ts";
import { BOT_ID, type PostedMessage, type SlackStandIn } from "./slackStandIn.ts";

type Obj = Record<string, any>;
const ACK_TIMEOUT_MS = 3000;
const TEAM = { id: "T0SANDBOX", domain: "sandbox" };
const APP_ID = "A0SANDBOX";

export type Manifest = {
  features?: {
    slash_commands?: { command: string }[];
    shortcuts?: { name: string; type: string; callback_id: string }[];
  };
  settings?: { event_subscriptions?: { bot_events?: string[] } };
};

/** Where an element was used: a message (maybe ephemeral), or a modal / Home tab. */
export const placeSchema = z.discriminatedUnion("surface", [
  z.object({ surface: z.literal("message"), channel: z.string(), ts: z.string(), ephemeral: z.boolean().optional() }),
  z.object({ surface: z.literal("view"), viewId: z.string() }),
]);
export type Place = z.infer<typeof placeSchema>;

/** What the page sends for an element: the option indexes, user ids, date or text picked (blockKit's `Entered`). */
export const pickedSchema = z.object({
  value: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  files: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export type Picked = z.infer<typeof pickedSchema>;

/**
 * The element as the person saw it when they used it, and its block's id. Slack's client sends
 * the action of what it shows, even if the app has changed the message or view since (a Claim
 * pressed on a card another agent just claimed is still a Claim).
 */
export const shownSchema = z.object({
  blockId: z.string().optional(),
  element: z.record(z.string(), z.unknown()),
});
export type Shown = z.infer<typeof shownSchema>;

export type SandboxBot = { url: string; signingSecret: string };

/** The answer the page shows the person when something did not reach the bot as planned. */
export type Outcome = { ok: true } | { ok: false; error: string };

export function peopleActions(opts: { slack: SlackStandIn; bot: () => SandboxBot; manifest: Manifest }) {
  const { slack, manifest } = opts;
  const channelName = (id: string) => Object.values(CHANNELS).find((c) => c.id === id)?.name ?? "directmessage";
  const user = (id: string) => ({
    id,
    username: personName(id).toLowerCase().replace(/\s+/g, "."),
    name: personName(id),
    team_id: TEAM.id,
  });

  async function send(
    body: string,
    contentType: string,
  ): Promise<{ status: number; text: string } | { error: string }> {
    const bot = opts.bot();
    try {
      const res = await fetch(`${bot.url}/slack/events`, {
        method: "POST",
        headers: signedHeaders(body, bot.signingSecret, contentType),
        body,
        signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      return { error: (err as Error).name === "TimeoutError" ? "operation_timeout" : "dispatch_failed" };
    }
  }
  const interaction = (payload: Obj) =>
    send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");

  function messageIn(place: Extract<Place, { surface: "message" }>, userId: string): PostedMessage | undefined {
    const list = place.ephemeral ? slack.ephemerals(userId) : slack.messages(place.channel);
    return list.find((m) => m.ts === place.ts && m.channel === place.channel);
  }

  function viewOf(userId: string, viewId: string) {
    const home = slack.home(userId);
    return home?.id === viewId ? home : slack.modals(userId).find((v) => v.id === viewId);
  }

  /** The view as Slack puts it in a payload: its blocks, metadata and the state of its inputs. */
  function viewPayload(v: { id: string; hash: string; view: Obj }, values: Obj) {
    return {
      id: v.id,
      team_id: TEAM.id,
      app_id: APP_ID,
      bot_id: BOT_ID,
      hash: v.hash,
      root_view_id: v.id,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      external_id: "",
      ...v.view,
      private_metadata: v.view.private_metadata ?? "",
      callback_id: v.view.callback_id ?? "",
      state: { values },
    };
  }

  return {
    /** A line typed in a channel's message box: a slash command, or a message of the person's own. */
    async type(userId: string, channel: string, text: string, threadTs?: string): Promise<Outcome> {
      const trimmed = text.trim();
      if (!trimmed) return { ok: false, error: "Type a message or a /command." };
      if (!trimmed.startsWith("/")) {
        // Slack's clients send &, < and > escaped: what a person types is never a mention or a link token.
        slack.postAs(userId, channel, escapeTyped(trimmed), { threadTs });
        return { ok: true };
      }
      // The command's text goes to the bot as typed, line breaks and spaces included.
      const [, command, rest] = /^(\S+)\s*([\s\S]*)$/.exec(trimmed) ?? [];
      if (!manifest.features?.slash_commands?.some((c) => c.command === command)) {
        slack.tell(userId, channel, {
          text: `${command} is not a valid command. In Slack, all messages that start with "/" are interpreted as commands.`,
        });
        return { ok: true };
      }
      const body = new URLSearchParams({
        token: "sandbox",
        team_id: TEAM.id,
        team_domain: TEAM.domain,
        channel_id: channel,
        channel_name: channelName(channel),
        user_id: userId,
        user_name: user(userId).username,
        command,
        text: rest,
        api_app_id: APP_ID,
        is_enterprise_install: "false",
        response_url: slack.responseUrl({ user: userId, channel }),
        trigger_id: slack.trigger(userId),
      }).toString();
      const answer = await send(body, "application/x-www-form-urlencoded");
      if ("error" in answer || answer.status !== 200) {
        const error = "error" in answer ? answer.error : `http_${answer.status}`;
        slack.tell(userId, channel, { text: `${command} failed with the error "${error}"` });
        return { ok: true };
      }
      if (answer.text.trim()) {
        let reply: Obj;
        try {
          reply = JSON.parse(answer.text);
        } catch {
          reply = { text: answer.text };
        }
        try {
          if (reply.response_type === "in_channel")
            slack.postAs(BOT.id, channel, reply.text ?? "", { blocks: reply.blocks });
          else if (reply.text || reply.blocks) slack.tell(userId, channel, { text: reply.text, blocks: reply.blocks });
        } catch (err) {
          // An answer Slack cannot show is reported to the person as Slack reports it.
          slack.tell(userId, channel, { text: `${command} failed with the error "${(err as Error).message}"` });
        }
      }
      return { ok: true };
    },

    /**
     * A button clicked or a menu, date or choice picked outside a modal's inputs, or in an input
     * whose block tells the app of every change (dispatch_action). In a modal, `inputs` is what the
     * person entered in its inputs so far, by block id: the payload's view carries it as its state.
     * `shown` is the element as the page showed it; without it, the element now at `at` is used.
     */
    async act(
      userId: string,
      place: Place,
      at: string,
      picked: Picked,
      inputs: Record<string, Picked> = {},
      shown?: Shown,
    ): Promise<Outcome> {
      let blocks: Obj[] | undefined;
      let payload: Obj;
      const common = {
        type: "block_actions",
        team: TEAM,
        user: user(userId),
        api_app_id: APP_ID,
        token: "sandbox",
        trigger_id: slack.trigger(userId),
        is_enterprise_install: false,
        enterprise: null,
      };
      if (place.surface === "message") {
        const m = messageIn(place, userId);
        if (!m) return { ok: false, error: "That message is gone." };
        blocks = m.blocks;
        payload = {
          ...common,
          container: {
            type: "message",
            message_ts: m.ts,
            channel_id: m.channel,
            is_ephemeral: !!place.ephemeral,
            ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
          },
          channel: { id: m.channel, name: channelName(m.channel) },
          ...(place.ephemeral
            ? {}
            : {
                message: {
                  type: "message",
                  user: m.user,
                  ...(m.user === BOT.id ? { bot_id: BOT_ID } : {}),
                  ts: m.ts,
                  text: m.text,
                  blocks: m.blocks,
                  ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
                },
              }),
          state: { values: {} },
          response_url: slack.responseUrl({
            user: userId,
            channel: m.channel,
            messageTs: m.ts,
            ephemeral: place.ephemeral,
          }),
        };
      } else {
        const v = viewOf(userId, place.viewId);
        if (!v) return { ok: false, error: "That form is closed." };
        blocks = v.view.blocks;
        payload = {
          ...common,
          container: { type: "view", view_id: v.id },
          view: viewPayload(v, stateOf(v.view.blocks, inputs)),
        };
      }
      const now = elementAt(blocks, at);
      const found = shown
        ? { element: shown.element, blockId: shown.blockId }
        : now && { element: now.element, blockId: now.block.block_id };
      if (!found) return { ok: false, error: "That button is no longer there." };
      payload.actions = [
        { ...actionOf(found.element, picked), block_id: found.blockId, action_ts: String(Date.now() / 1000) },
      ];
      const answer = await interaction(payload);
      if ("error" in answer) return { ok: false, error: `The app did not answer in time (${answer.error}).` };
      return answer.status === 200 ? { ok: true } : { ok: false, error: `The app answered ${answer.status}.` };
    },

    /** A modal submitted (`inputs` by block id): Slack checks required fields itself, then asks the bot. */
    async submit(userId: string, viewId: string, inputs: Record<string, Picked>): Promise<Outcome> {
      const v = slack.modals(userId).find((m) => m.id === viewId);
      if (!v) return { ok: false, error: "That form is closed." };
      const values = stateOf(v.view.blocks, inputs);
      const missing: Record<string, string> = {};
      for (const b of v.view.blocks ?? []) {
        if (b.type === "input" && !b.optional && isBlank(values[b.block_id]?.[b.element?.action_id]))
          missing[b.block_id] = "Please complete this required field.";
      }
      if (Object.keys(missing).length) {
        slack.afterSubmit(userId, viewId, { response_action: "errors", errors: missing });
        return { ok: true };
      }
      const answer = await interaction({
        type: "view_submission",
        team: TEAM,
        user: user(userId),
        api_app_id: APP_ID,
        token: "sandbox",
        trigger_id: slack.trigger(userId),
        view: viewPayload(v, values),
        response_urls: [],
        is_enterprise_install: false,
      });
      if ("error" in answer || answer.status !== 200)
        return { ok: false, error: "We had some trouble connecting. Try again?" };
      let reply: Obj | undefined;
      try {
        reply = answer.text.trim() ? JSON.parse(answer.text) : undefined;
      } catch {
        reply = undefined;
      }
      slack.afterSubmit(userId, viewId, reply);
      return { ok: true };
    },

    /** The person closed their modal; the bot hears of it only if the view asked to be told. */
    async closeModal(userId: string, viewId: string): Promise<Outcome> {
      const v = slack.modals(userId).find((m) => m.id === viewId);
      slack.closeModal(userId, viewId);
      if (v?.view.notify_on_close) {
        await interaction({
          type: "view_closed",
          team: TEAM,
          user: user(userId),
          api_app_id: APP_ID,
          token: "sandbox",
          view: viewPayload(v, {}),
          is_cleared: false,
        });
      }
      return { ok: true };
    },

    /** A message shortcut from the app's manifest, used on a message. */
    async shortcut(userId: string, callbackId: string, channel: string, ts: string): Promise<Outcome> {
      const m = slack.messages(channel).find((x) => x.ts === ts);
      if (!m) return { ok: false, error: "That message is gone." };
      const answer = await interaction({
        type: "message_action",
        token: "sandbox",
        action_ts: String(Date.now() / 1000),
        team: TEAM,
        user: user(userId),
        channel: { id: channel, name: channelName(channel) },
        is_enterprise_install: false,
        callback_id: callbackId,
        trigger_id: slack.trigger(userId),
        response_url: slack.responseUrl({ user: userId, channel }),
        message_ts: ts,
        message: { type: "message", user: m.user, ts: m.ts, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) },
      });
      if ("error" in answer || answer.status !== 200)
        return { ok: false, error: "The app did not respond to the shortcut in time." };
      return { ok: true };
    },

    /** The person opened the app's Home tab: an Events API event, if the app subscribes to it. */
    async openHome(userId: string): Promise<Outcome> {
      if (!manifest.settings?.event_subscriptions?.bot_events?.includes("app_home_opened")) return { ok: true };
      const body = JSON.stringify({
        token: "sandbox",
        team_id: TEAM.id,
        api_app_id: APP_ID,
        type: "event_callback",
        event_id: `Ev${Date.now()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: "app_home_opened",
          user: userId,
          channel: `D${userId.slice(1)}`,
          tab: "home",
          event_ts: String(Date.now() / 1000),
          ...(slack.home(userId) ? { view: slack.home(userId)!.view } : {}),
        },
        authorizations: [{ team_id: TEAM.id, user_id: BOT.id, is_bot: true }],
      });
      const answer = await send(body, "application/json");
      return "error" in answer ? { ok: false, error: "The app did not answer the Home tab in time." } : { ok: true };
    },
  };
}

const escapeTyped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An input's state with nothing in it: no text (or only spaces), no pick, no file. */
function isBlank(state: Obj | undefined): boolean {
  if (!state) return true;
  const { type: _, ...value } = state;
  return Object.values(value).every(
    (v) => v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : !String(v).trim()),
  );
}

/** The action object Slack puts in a block_actions payload for this element and what was picked. */
function actionOf(e: Obj, picked: Picked): Obj {
  const base = { type: e.type, action_id: e.action_id };
  const placeholder = e.placeholder && e.type.endsWith("select") ? { placeholder: e.placeholder } : {};
  return { ...base, ...slackValue(e, picked), ...placeholder };
}

/** An element's value before anyone touched it: its initial value, as Slack reports it. */
function initialValue(e: Obj): Obj {
  switch (e.type) {
    case "static_select":
    case "radio_buttons":
      return { selected_option: e.initial_option ?? null };
    case "multi_static_select":
    case "checkboxes":
      return { selected_options: e.initial_options ?? [] };
    case "users_select":
      return { selected_user: e.initial_user ?? null };
    case "multi_users_select":
      return { selected_users: e.initial_users ?? [] };
    case "conversations_select":
      return { selected_conversation: e.initial_conversation ?? null };
    case "channels_select":
      return { selected_channel: e.initial_channel ?? null };
    case "datepicker":
      return { selected_date: e.initial_date ?? null };
    case "timepicker":
      return { selected_time: e.initial_time ?? null };
    case "file_input":
      return { files: [] };
    default:
      return { value: e.initial_value ?? null };
  }
}

/** How Slack reports an element's value, in both actions and a modal's state. */
function slackValue(e: Obj, picked: Picked | undefined): Obj {
  const raw = picked?.value;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === "" ? [] : [raw];
  const options = () => list.map((k) => optionsOf(e)[Number(k)]).filter(Boolean);
  switch (e.type) {
    case "button":
      return { text: e.text, value: e.value, ...(e.style ? { style: e.style } : {}) };
    case "static_select":
    case "radio_buttons":
    case "overflow":
      return { selected_option: options()[0] ?? null };
    case "multi_static_select":
    case "checkboxes":
      return { selected_options: options() };
    case "users_select":
      return { selected_user: list[0] ?? null };
    case "multi_users_select":
      return { selected_users: list };
    case "conversations_select":
      return { selected_conversation: list[0] ?? null };
    case "channels_select":
      return { selected_channel: list[0] ?? null };
    case "datepicker":
      return { selected_date: list[0] ?? null };
    case "timepicker":
      return { selected_time: list[0] ?? null };
    case "file_input":
      return { files: picked?.files ?? [] };
    default:
      return { value: list[0] ?? null };
  }
}

/**
 * A modal's `state.values`: block id → action id → the element's value, as Slack sends them. What
 * the person entered is given by block id; an input the page did not report (a version of the view
 * it had not shown yet) has its initial value, as Slack's state does.
 */
function stateOf(blocks: Obj[] | undefined, inputs: Record<string, Picked>): Obj {
  const values: Obj = {};
  for (const b of blocks ?? []) {
    if (b.type !== "input" || !b.element?.action_id) continue;
    const entered = Object.hasOwn(inputs, b.block_id) ? inputs[b.block_id] : undefined;
    const value = entered ? slackValue(b.element, entered) : initialValue(b.element);
    values[b.block_id] = { [b.element.action_id]: { type: b.element.type, ...value } };
  }
  return values;
}
