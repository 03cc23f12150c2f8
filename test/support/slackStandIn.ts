// A stand-in for Slack's Web API on localhost: records every call and answers like Slack does.
// Tests can make a method fail (HTTP 5xx, 429 with Retry-After, or ok:false) a number of times,
// also after Slack took the post (`accepted`), or never answer at all (`hang`). Posted messages are
// kept per channel and served by conversations.history and conversations.replies, with metadata.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type SlackCall = { method: string; args: Record<string, any>; token?: string; at: number };
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
export type PostedMessage = {
  channel: string;
  ts: string;
  text?: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
};

export type SlackStandIn = {
  url: string; // base URL for SLACK_API_URL, ending in /api/
  calls(method?: string): SlackCall[];
  responses: { path: string; body: any }[];
  fail(method: string, fault: Fault): void;
  /** Messages Slack holds (every accepted chat.postMessage), oldest first. */
  messages(channel?: string): PostedMessage[];
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
    opts?: { info?: Record<string, unknown>; redirectTo?: string; cutAfter?: number },
  ): void;
  close(): Promise<void>;
};

const JSON_FIELDS = ["blocks", "view", "attachments", "metadata"];

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const responses: { path: string; body: any }[] = [];
  const faults = new Map<string, Fault>();
  const extra = new Map<string, Record<string, unknown>>();
  // Message timestamps follow the clock, as Slack's do (a search by `oldest` must find them), and
  // never repeat.
  let micros = 0;
  const nextTs = () => {
    micros = Math.max(micros + 100, Date.now() * 1000);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
  };
  const files = new Map<
    string,
    { name: string; content: string; info?: Record<string, unknown>; redirectTo?: string; cutAfter?: number }
  >();
  let base = "";
  const posted: PostedMessage[] = [];

  function post(args: Record<string, any>): PostedMessage {
    const m: PostedMessage = {
      channel: args.channel,
      ts: nextTs(),
      text: args.text,
      thread_ts: args.thread_ts,
      metadata: args.metadata,
    };
    posted.push(m);
    return m;
  }

  function listed(list: PostedMessage[], args: Record<string, any>) {
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
      const authorized = req.headers.authorization === "Bearer xoxb-test-token";
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
    if (path.startsWith("/response/")) {
      responses.push({ path, body: raw ? JSON.parse(raw) : {} });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    const method = path.replace(/^\/api\//, "");
    let args: Record<string, any> = {};
    if ((req.headers["content-type"] ?? "").includes("json")) args = raw ? JSON.parse(raw) : {};
    else for (const [k, v] of new URLSearchParams(raw)) args[k] = JSON_FIELDS.includes(k) ? JSON.parse(v) : v;
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || args.token;
    calls.push({ method, args, token, at: Date.now() });

    const fault = faults.get(method);
    if (fault && fault.times > 0 && (!fault.channel || fault.channel === args.channel)) {
      fault.times -= 1;
      if (fault.accepted && method === "chat.postMessage") post(args);
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
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ ok: true, ...answerFor(method, args), ...extra.get(method) }));
  });

  function answerFor(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          url: "https://stand-in.slack.com/",
          team: "Stand-in",
          user: "aftersales",
          team_id: "T0STANDIN",
          user_id: "U0BOT",
          bot_id: "B0BOT",
        };
      case "chat.postMessage": {
        const m = post(args);
        return { channel: m.channel, ts: m.ts, message: { text: m.text } };
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
      case "chat.update":
        return { channel: args.channel, ts: args.ts };
      case "chat.postEphemeral":
        return { message_ts: nextTs() };
      case "chat.getPermalink":
        return {
          channel: args.channel,
          permalink: `https://stand-in.slack.com/archives/${args.channel}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "files.info": {
        const f = files.get(args.file);
        return f
          ? {
              file: {
                id: args.file,
                name: f.name,
                size: Buffer.byteLength(f.content),
                mode: "hosted",
                is_external: false,
                url_private_download: `${base}/files/${args.file}`,
                ...f.info,
              },
            }
          : { ok: false, error: "file_not_found" };
      }
      case "views.open":
        return { view: { id: `V${calls.length}`, ...(args.view ?? {}) } };
      default:
        return {};
    }
  }

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls: (method) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    responses,
    fail: (method, fault) => faults.set(method, { ...fault }),
    messages: (channel) => posted.filter((m) => !channel || m.channel === channel),
    answer: (method, fields) => extra.set(method, fields),
    addFile: (id, name, content, opts = {}) => files.set(id, { name, content, ...opts }),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
