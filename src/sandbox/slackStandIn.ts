// A stand-in for Slack's Web API on localhost, shared by the test suite and `npm run sandbox`:
// it answers the methods the bot calls as Slack does, refuses payloads Slack would refuse (Block
// Kit limits, no text), and keeps what Slack would show people — messages with their threads and
// edits, ephemeral messages, each person's open modals and Home tab — telling `onChange`
// listeners when any of it changes.
// Tests can make a method fail (HTTP 5xx, 429 with Retry-After, or ok:false) a number of times,
// also after Slack took the post (`accepted`), or never answer at all (`hang`).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ALT_TEXT_LIMIT } from "../domain/charts.ts";
import { blockKitProblems } from "./blockKitLimits.ts";

type Obj = Record<string, any>;
export type SlackCall = { method: string; args: Obj; token?: string; at: number };
type Fault = {
  status?: number;
  retryAfter?: number;
  error?: string;
  times: number;
  /** The post is kept (Slack took it) although the answer is an error or never comes. */
  accepted?: boolean;
  /** No answer at all (the connection stays open until the stand-in closes). */
  hang?: boolean;
  /** Only calls for this channel fail. */
  channel?: string;
};

/** A message as Slack keeps it. Channel ids starting with U are a person's direct messages with the app. */
export type PostedMessage = {
  channel: string;
  ts: string;
  text?: string;
  blocks?: Obj[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Who posted it: the bot's user id, or a person's. */
  user: string;
  edited?: boolean;
  /** A file shared with the message. */
  file?: { id: string; name: string };
  /** Files the app uploaded and shared with the message (files.completeUploadExternal). */
  files?: { id: string; title: string; alt?: string; url: string }[];
};

/** A file the app uploaded (files.getUploadURLExternal, then its bytes, then files.completeUploadExternal). */
export type UploadedFile = {
  id: string;
  filename: string;
  length: number;
  alt?: string;
  title?: string;
  /** The bytes sent to the upload address (none yet: not sent). */
  content?: Buffer;
  /** Where it was shared (the conversation id the app gave), with the message that shows it. */
  shared?: { channel: string; threadTs?: string; ts: string; at: number };
};
/** A message only one person sees, until they reload (as in Slack). */
export type EphemeralMessage = PostedMessage & { to: string };
/**
 * A modal or Home tab as the person sees it, with the errors the bot asked to show under its inputs.
 * Its hash names this version of it: a views.update that names an older one is refused.
 */
export type OpenView = { id: string; user: string; hash: string; view: Obj; errors?: Record<string, string> };

/** Where an answer to a response_url goes: the person, the channel, and the message acted on. */
export type ResponseTarget = { user: string; channel: string; messageTs?: string; ephemeral?: boolean };

export type SlackStandIn = {
  url: string; // base URL for SLACK_API_URL, ending in /api/
  /** Base URL of response_urls and file downloads. */
  base: string;
  calls(method?: string): SlackCall[];
  responses: { path: string; body: any }[];
  fail(method: string, fault: Fault): void;
  /** Messages Slack holds (every accepted chat.postMessage and person's post), oldest first. */
  messages(channel?: string): PostedMessage[];
  /** Ephemeral messages, oldest first, for one person or everyone. */
  ephemerals(user?: string): EphemeralMessage[];
  /** The modals open for a person, bottom of the stack first. */
  modals(user: string): OpenView[];
  home(user: string): OpenView | undefined;
  /** Extra fields merged into one method's answers (e.g. apps.connections.open's url). */
  answer(method: string, fields: Record<string, unknown>): void;
  /**
   * A file Slack holds: files.info describes it (as hosted), its download URL serves it to the bot
   * token. `info` overrides what files.info says (e.g. an external file's address); `redirectTo`
   * makes the download URL answer with a redirect there instead; `cutAfter` breaks the download after that many bytes.
   */
  addFile(
    id: string,
    name: string,
    content: string,
    opts?: {
      info?: Record<string, unknown>;
      redirectTo?: string;
      cutAfter?: number;
      /** Shared in a channel by a person (found by files.list). */
      shared?: { channel: string; user: string };
    },
  ): void;
  /** Files the app uploaded, oldest first (shared or not). */
  uploads(): UploadedFile[];
  /** A person's own message in a channel or thread. */
  postAs(
    user: string,
    channel: string,
    text: string,
    opts?: { threadTs?: string; file?: { id: string; name: string }; blocks?: Obj[] },
  ): PostedMessage;
  /** An ephemeral message from the app to one person (e.g. the answer to a slash command). */
  tell(user: string, channel: string, message: { text?: string; blocks?: Obj[] }): EphemeralMessage;
  /** A trigger id for one person's interaction: a modal opened with it opens for them. */
  trigger(user: string): string;
  /** A response_url for one interaction; what the bot posts there reaches that person and message. */
  responseUrl(target: ResponseTarget): string;
  /** The bot answered a modal's submission: errors stay on it, update/push/clear change the stack. */
  afterSubmit(user: string, viewId: string, answer: Obj | undefined): void;
  /** A person closed their top modal. */
  closeModal(user: string, viewId: string): void;
  /** Called after anything people would see changes. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
};

const JSON_FIELDS = ["blocks", "view", "attachments", "metadata", "files"];
/**
 * Slack shares uploaded files in the background: for a moment after files.completeUploadExternal
 * answers, files.info does not list the share yet.
 */
const SHARE_VISIBLE_AFTER_MS = 1500;
/** A person's direct messages with the app: "D…" as Slack names it, kept here under the person's "U…" id. */
const dmOf = (user: string) => `D${user.slice(1)}`;
const personOfDm = (channel: string) => (channel.startsWith("D") ? `U${channel.slice(1)}` : channel);
/** Who the bot is in this Slack (auth.test), and the author of what it posts. */
export const BOT_USER = "U0BOT";
export const BOT_ID = "B0BOT";
const TRIGGER_TTL_MS = 3000;

class SlackError extends Error {
  constructor(
    readonly error: string,
    readonly messages: string[] = [],
  ) {
    super(error);
  }
}

/** Slack refuses a message without text and blocks, and blocks it cannot show. */
function checkMessage(args: Obj, requireContent = true) {
  const blocks = args.blocks as Obj[] | undefined;
  if (requireContent && !blocks?.length && !String(args.text ?? "").trim()) throw new SlackError("no_text");
  if (String(args.text ?? "").length > 40_000) throw new SlackError("msg_too_long");
  if (blocks?.length) {
    const problems = blockKitProblems(args, "message");
    if (problems.length) throw new SlackError("invalid_blocks", problems);
  }
}

function checkView(view: Obj | undefined) {
  if (!view || typeof view !== "object") throw new SlackError("invalid_arguments", ["view is required"]);
  const problems = blockKitProblems(view, view.type === "home" ? "home" : "modal");
  if (problems.length) throw new SlackError("invalid_arguments", problems);
}

/** Slack gives every block an id when the app sets none; actions and modal state are keyed by it. */
function withBlockIds(blocks: Obj[] | undefined): Obj[] | undefined {
  return blocks?.map((b, i) => (b.block_id ? b : { ...b, block_id: `blk${i}` }));
}
const viewWithBlockIds = (view: Obj) => ({ ...view, blocks: withBlockIds(view.blocks) ?? [] });

export async function startSlackStandIn(opts: { botToken?: string } = {}): Promise<SlackStandIn> {
  const botToken = opts.botToken ?? "xoxb-test-token";
  const calls: SlackCall[] = [];
  const responses: { path: string; body: any }[] = [];
  const faults = new Map<string, Fault>();
  const extra = new Map<string, Record<string, unknown>>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  // Message timestamps follow the clock, as Slack's do (a search by `oldest` must find them), and
  // never repeat.
  let micros = 0;
  const nextTs = () => {
    micros = Math.max(micros + 100, Date.now() * 1000);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
  };
  const files = new Map<
    string,
    {
      name: string;
      content: string;
      info?: Record<string, unknown>;
      redirectTo?: string;
      cutAfter?: number;
      shared?: { channel: string; user: string; at: number };
    }
  >();
  const uploaded = new Map<string, UploadedFile>();
  let base = "";
  const posted: PostedMessage[] = [];
  const ephemeral: EphemeralMessage[] = [];
  const modalStacks = new Map<string, OpenView[]>();
  const homes = new Map<string, OpenView>();
  const triggers = new Map<string, { user: string; at: number }>();
  const responseTargets = new Map<string, ResponseTarget>();
  let viewCount = 0;
  let idCount = 0;
  let versions = 0;
  const nextHash = () => {
    versions += 1;
    return `${Math.floor(Date.now() / 1000)}.${versions}`;
  };

  function post(args: Obj): PostedMessage {
    const m: PostedMessage = {
      channel: args.channel,
      ts: nextTs(),
      text: args.text,
      blocks: withBlockIds(args.blocks),
      thread_ts: args.thread_ts,
      metadata: args.metadata,
      user: BOT_USER,
    };
    posted.push(m);
    changed();
    return m;
  }

  function listed(list: PostedMessage[], args: Obj) {
    const oldest = Number(args.oldest ?? 0);
    return list
      .filter((m) => Number(m.ts) > oldest)
      .map((m) => ({
        type: "message",
        ts: m.ts,
        text: m.text,
        thread_ts: m.thread_ts,
        ...(String(args.include_all_metadata) === "true" && m.metadata ? { metadata: m.metadata } : {}),
      }));
  }

  function newView(user: string, view: Obj): OpenView {
    viewCount += 1;
    return { id: `V${String(viewCount).padStart(8, "0")}`, user, hash: nextHash(), view: viewWithBlockIds(view) };
  }

  function findView(args: Obj): OpenView | undefined {
    for (const stack of modalStacks.values()) {
      const v = stack.find(
        (s) => s.id === args.view_id || (args.external_id && s.view.external_id === args.external_id),
      );
      if (v) return v;
    }
    return [...homes.values()].find((h) => h.id === args.view_id);
  }

  function userOfTrigger(triggerId: string): string {
    const t = triggers.get(triggerId);
    if (!t) return "U0UNKNOWN"; // a trigger made up by a test: the modal opens for no one in particular
    if (Date.now() - t.at > TRIGGER_TTL_MS) throw new SlackError("expired_trigger_id");
    triggers.delete(triggerId);
    return t.user;
  }

  /** What a post to a response_url does, as Slack documents it. */
  function respond(id: string, body: Obj) {
    const target = responseTargets.get(id);
    if (!target) return;
    if (body.delete_original) {
      removeMessage(target);
    } else if (body.replace_original === true || (body.replace_original !== false && target.ephemeral)) {
      checkMessage(body);
      replaceMessage(target, body);
    } else {
      checkMessage(body);
      const message = { text: body.text, blocks: body.blocks };
      if (body.response_type === "in_channel") post({ channel: target.channel, ...message, thread_ts: body.thread_ts });
      else addEphemeral(target.user, target.channel, message, body.thread_ts);
    }
    changed();
  }

  function replaceMessage(target: ResponseTarget, body: Obj) {
    const list: PostedMessage[] = target.ephemeral ? ephemeral : posted;
    const m = list.find((x) => x.ts === target.messageTs && x.channel === target.channel);
    if (m) Object.assign(m, { text: body.text, blocks: withBlockIds(body.blocks), edited: !target.ephemeral });
    else addEphemeral(target.user, target.channel, { text: body.text, blocks: body.blocks });
  }

  function removeMessage(target: ResponseTarget) {
    const list: PostedMessage[] = target.ephemeral ? ephemeral : posted;
    const i = list.findIndex((x) => x.ts === target.messageTs && x.channel === target.channel);
    if (i >= 0) list.splice(i, 1);
  }

  function addEphemeral(user: string, channel: string, message: { text?: string; blocks?: Obj[] }, threadTs?: string) {
    const m: EphemeralMessage = {
      channel,
      ts: nextTs(),
      text: message.text,
      blocks: withBlockIds(message.blocks),
      thread_ts: threadTs,
      user: BOT_USER,
      to: user,
    };
    ephemeral.push(m);
    changed();
    return m;
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", "http://localhost").pathname;

    if (path.startsWith("/files/")) {
      const file = files.get(path.slice("/files/".length));
      if (file?.redirectTo) {
        res.writeHead(302, { location: file.redirectTo }).end();
        return;
      }
      const authorized = req.headers.authorization === `Bearer ${botToken}`;
      if (file?.cutAfter !== undefined && authorized) {
        // The connection breaks part-way through the download.
        const body = Buffer.from(file.content);
        res.writeHead(200, { "content-type": "text/plain", "content-length": String(body.length) });
        res.write(body.subarray(0, file.cutAfter), () => setTimeout(() => res.destroy(), 1500));
        return;
      }
      res
        .writeHead(file && authorized ? 200 : authorized ? 404 : 403, { "content-type": "text/plain" })
        .end(file && authorized ? file.content : "");
      return;
    }
    if (path.startsWith("/upload/")) {
      // The upload address Slack hands out: takes the bytes of one file, once.
      const file = uploaded.get(path.slice("/upload/".length));
      calls.push({ method: "upload", args: { file: file?.id, bytes: Buffer.concat(chunks).length }, at: Date.now() });
      const fault = faults.get("upload");
      if (fault && fault.times > 0 && fault.status) {
        fault.times -= 1;
        res.writeHead(fault.status, { "content-type": "text/plain" }).end("stand-in fault");
        return;
      }
      if (!file || req.method !== "POST") {
        res.writeHead(404, { "content-type": "text/plain" }).end("no such upload");
        return;
      }
      file.content = Buffer.concat(chunks);
      res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${file.content.length}`);
      return;
    }
    if (path.startsWith("/uploaded/")) {
      // An uploaded image as people see it in Slack (the sandbox page shows it).
      const file = uploaded.get(path.slice("/uploaded/".length));
      if (!file?.content || !file.shared) res.writeHead(404, { "content-type": "text/plain" }).end("");
      else res.writeHead(200, { "content-type": "image/png" }).end(file.content);
      return;
    }
    if (path.startsWith("/response/")) {
      let body: Obj = {};
      try {
        body = raw ? JSON.parse(raw) : {};
        responses.push({ path, body });
        respond(path.slice("/response/".length), body);
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      } catch (err) {
        const error = err instanceof SlackError ? err.error : "invalid_payload";
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error }));
      }
      return;
    }
    const method = path.replace(/^\/api\//, "");
    let args: Obj = {};
    if ((req.headers["content-type"] ?? "").includes("json")) args = raw ? JSON.parse(raw) : {};
    else for (const [k, v] of new URLSearchParams(raw)) args[k] = JSON_FIELDS.includes(k) ? JSON.parse(v) : v;
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || args.token;
    calls.push({ method, args, token, at: Date.now() });

    const fault = faults.get(method);
    if (fault && fault.times > 0 && (!fault.channel || fault.channel === args.channel)) {
      fault.times -= 1;
      if (fault.accepted && method === "chat.postMessage") post(args);
      // Slack shared the files, but its answer is lost.
      if (fault.accepted && method === "files.completeUploadExternal") answerFor(method, args);
      if (fault.hang) return;
      if (fault.status) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
        res.writeHead(fault.status, headers).end(JSON.stringify({ ok: false, error: "stand_in_fault" }));
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error: fault.error ?? "internal_error" }));
      return;
    }
    let answer: Obj;
    try {
      answer = { ok: true, ...answerFor(method, args), ...extra.get(method) };
    } catch (err) {
      // Arguments Slack cannot read (blocks that are not a list, an input without element…) are
      // refused like any other bad payload, never a stand-in that stops answering.
      const refusal = err instanceof SlackError ? err : new SlackError("invalid_arguments", [(err as Error).message]);
      answer = {
        ok: false,
        error: refusal.error,
        ...(refusal.messages.length
          ? { response_metadata: { messages: refusal.messages.map((m) => `[ERROR] ${m}`) } }
          : {}),
      };
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });

  function answerFor(method: string, args: Obj): Obj {
    switch (method) {
      case "auth.test":
        return {
          url: "https://stand-in.slack.com/",
          team: "Stand-in",
          user: "aftersales",
          team_id: "T0STANDIN",
          user_id: BOT_USER,
          bot_id: BOT_ID,
        };
      case "chat.postMessage": {
        checkMessage(args);
        const m = post(args);
        return { channel: m.channel, ts: m.ts, message: { text: m.text } };
      }
      case "chat.update": {
        checkMessage(args);
        // An unknown ts is taken as it is (the benchmarks update cards they never posted here).
        const m = posted.find((x) => x.channel === args.channel && x.ts === args.ts);
        if (m) {
          Object.assign(m, { text: args.text, blocks: withBlockIds(args.blocks), edited: true });
          if (args.metadata) m.metadata = args.metadata;
          changed();
        }
        return { channel: args.channel, ts: args.ts };
      }
      case "chat.postEphemeral": {
        checkMessage(args);
        const m = addEphemeral(args.user, args.channel, { text: args.text, blocks: args.blocks }, args.thread_ts);
        return { message_ts: m.ts };
      }
      case "conversations.history":
        // Newest first, top-level messages only, as Slack lists them.
        return {
          messages: listed(
            posted.filter((m) => m.channel === args.channel && !m.thread_ts),
            args,
          ).reverse(),
          has_more: false,
        };
      case "conversations.replies":
        return {
          messages: listed(
            posted.filter((m) => m.channel === args.channel && (m.ts === args.ts || m.thread_ts === args.ts)),
            args,
          ),
          has_more: false,
        };
      case "chat.getPermalink":
        return {
          channel: args.channel,
          permalink: `${permalinkBase}/archives/${args.channel}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "files.info": {
        const u = uploaded.get(args.file);
        if (u) return { file: uploadInfo(u) };
        const f = files.get(args.file);
        if (!f) throw new SlackError("file_not_found");
        return { file: fileInfo(args.file) };
      }
      case "files.getUploadURLExternal": {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length <= 0) throw new SlackError("missing_argument");
        if (args.alt_txt !== undefined && String(args.alt_txt).length > ALT_TEXT_LIMIT)
          throw new SlackError("alt_txt_too_large");
        idCount += 1;
        const id = `F0UP${String(idCount).padStart(6, "0")}`;
        uploaded.set(id, { id, filename: args.filename, length, alt: args.alt_txt });
        return { upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const list = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
        if (list.length === 0) throw new SlackError("invalid_arguments", ["files is required"]);
        const found = list.map((f) => uploaded.get(f.id));
        // Slack shares only files whose bytes arrived in full, and each once.
        if (found.some((u) => !u?.content || u.content.length !== u.length)) throw new SlackError("file_not_found");
        if (found.some((u) => u?.shared)) throw new SlackError("file_already_shared");
        if (!args.channel_id) throw new SlackError("invalid_arguments", ["channel_id is required"]);
        const m = post({
          channel: personOfDm(args.channel_id),
          text: args.initial_comment ?? "",
          thread_ts: args.thread_ts,
        });
        m.files = found.map((u, i) => {
          const file = u as UploadedFile;
          file.title = list[i].title ?? file.filename;
          file.shared = { channel: args.channel_id, threadTs: m.thread_ts, ts: m.ts, at: Date.now() };
          return { id: file.id, title: file.title, alt: file.alt, url: `${base}/uploaded/${file.id}` };
        });
        changed();
        return { files: found.map((u) => ({ id: u?.id, title: u?.title })) };
      }
      case "conversations.open": {
        const user = String(args.users ?? "").split(",")[0];
        if (!/^[UW][A-Z0-9]+$/.test(user)) throw new SlackError("user_not_found");
        return { channel: { id: dmOf(user) } };
      }
      case "files.list": {
        const from = Number(args.ts_from ?? 0) * 1000;
        const found = [...files.entries()]
          .filter(([, f]) => f.shared && (!args.channel || f.shared.channel === args.channel))
          .filter(([, f]) => (!args.user || f.shared?.user === args.user) && (f.shared?.at ?? 0) >= from)
          .sort(([, a], [, b]) => (b.shared?.at ?? 0) - (a.shared?.at ?? 0))
          .slice(0, Number(args.count ?? 100));
        return { files: found.map(([id]) => fileInfo(id)) };
      }
      case "views.open": {
        checkView(args.view);
        const user = userOfTrigger(args.trigger_id);
        const v = newView(user, args.view);
        modalStacks.set(user, [v]);
        changed();
        return { view: { id: v.id, hash: v.hash, ...args.view } };
      }
      case "views.push": {
        checkView(args.view);
        const user = userOfTrigger(args.trigger_id);
        const stack = modalStacks.get(user) ?? [];
        if (stack.length >= 3) throw new SlackError("push_limit_reached");
        const v = newView(user, args.view);
        modalStacks.set(user, [...stack, v]);
        changed();
        return { view: { id: v.id, hash: v.hash, ...args.view } };
      }
      case "views.update": {
        checkView(args.view);
        const v = findView(args);
        if (!v) throw new SlackError("not_found");
        // The view changed since the app saw it (e.g. another pick was answered first).
        if (args.hash && args.hash !== v.hash) throw new SlackError("hash_conflict");
        v.view = viewWithBlockIds(args.view);
        v.hash = nextHash();
        v.errors = undefined;
        changed();
        return { view: { id: v.id, hash: v.hash, ...args.view } };
      }
      case "views.publish": {
        checkView(args.view);
        const v = homes.get(args.user_id) ?? newView(args.user_id, args.view);
        if (args.hash && args.hash !== v.hash) throw new SlackError("hash_conflict");
        v.view = viewWithBlockIds(args.view);
        v.hash = nextHash();
        homes.set(args.user_id, v);
        changed();
        return { view: { id: v.id, hash: v.hash, ...args.view } };
      }
      default:
        return {};
    }
  }

  function uploadInfo(u: UploadedFile) {
    const shared = u.shared && Date.now() - u.shared.at >= SHARE_VISIBLE_AFTER_MS ? u.shared : undefined;
    const where = shared ? [shared.channel] : [];
    return {
      id: u.id,
      name: u.filename,
      title: u.title ?? u.filename,
      size: u.content?.length ?? 0,
      mimetype: "image/png",
      alt_txt: u.alt,
      channels: where.filter((c) => c.startsWith("C")),
      groups: where.filter((c) => c.startsWith("G")),
      ims: where.filter((c) => !c.startsWith("C") && !c.startsWith("G")),
      shares: shared
        ? {
            [shared.channel.startsWith("C") ? "public" : "private"]: {
              [shared.channel]: [{ ts: shared.ts, thread_ts: shared.threadTs }],
            },
          }
        : {},
    };
  }

  function fileInfo(id: string) {
    const f = files.get(id)!;
    return {
      id,
      name: f.name,
      size: Buffer.byteLength(f.content),
      mode: "hosted",
      is_external: false,
      url_private_download: `${base}/files/${id}`,
      ...f.info,
    };
  }

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  const permalinkBase = "https://stand-in.slack.com";
  return {
    url: `${base}/api/`,
    base,
    calls: (method) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    responses,
    fail: (method, fault) => faults.set(method, { ...fault }),
    messages: (channel) => posted.filter((m) => !channel || m.channel === channel),
    ephemerals: (user) => ephemeral.filter((m) => !user || m.to === user),
    modals: (user) => [...(modalStacks.get(user) ?? [])],
    home: (user) => homes.get(user),
    answer: (method, fields) => extra.set(method, fields),
    uploads: () => [...uploaded.values()],
    addFile: (id, name, content, o = {}) => {
      files.set(id, { name, content, ...o, shared: o.shared && { ...o.shared, at: Date.now() } });
    },
    postAs(user, channel, text, o = {}) {
      if (!o.file) checkMessage({ text, blocks: o.blocks });
      const m: PostedMessage = {
        channel,
        ts: nextTs(),
        text,
        blocks: withBlockIds(o.blocks),
        thread_ts: o.threadTs,
        user,
        file: o.file,
      };
      posted.push(m);
      changed();
      return m;
    },
    tell: (user, channel, message) => {
      checkMessage(message);
      return addEphemeral(user, channel, message);
    },
    trigger(user) {
      idCount += 1;
      const id = `${idCount}.${Date.now()}.${Math.random().toString(16).slice(2, 10)}`;
      triggers.set(id, { user, at: Date.now() });
      return id;
    },
    responseUrl(target) {
      idCount += 1;
      const id = `R${idCount}`;
      responseTargets.set(id, target);
      return `${base}/response/${id}`;
    },
    afterSubmit(user, viewId, answer) {
      const stack = modalStacks.get(user) ?? [];
      const i = stack.findIndex((v) => v.id === viewId);
      if (i < 0) return;
      switch (answer?.response_action) {
        case "errors":
          stack[i].errors = answer.errors ?? {};
          break;
        case "update":
          checkView(answer.view);
          stack[i] = { ...stack[i], view: viewWithBlockIds(answer.view), hash: nextHash(), errors: undefined };
          break;
        case "push":
          checkView(answer.view);
          if (stack.length < 3) stack.push(newView(user, answer.view));
          break;
        case "clear":
          stack.length = 0;
          break;
        default:
          stack.splice(i, 1);
      }
      changed();
    },
    closeModal(user, viewId) {
      const stack = modalStacks.get(user) ?? [];
      const i = stack.findIndex((v) => v.id === viewId);
      if (i >= 0) stack.splice(i, 1);
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
