// The sandbox's web server, on localhost only: the page, what each person sees (as JSON, with a
// server-sent event whenever it changes), and what people do, handed to `peopleActions`.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { BOT, CHANNELS, PEOPLE } from "./directory.ts";
import { type Manifest, type peopleActions, pickedSchema, placeSchema, shownSchema } from "./interactions.ts";
import type { SlackStandIn } from "./slackStandIn.ts";

export type SandboxControls = {
  fastClock: { on: boolean; minutes: number };
  setFastClock(on: boolean): Promise<void>;
  /** "starting", "running" or what went wrong. */
  botStatus(): string;
};

export type Workspace = { url: string; close(): Promise<void> };

const MAX_BODY_BYTES = 60 * 1024 * 1024; // a returns report of Slack's 50 MB, base64-free, with room
const person = z.string().refine((id) => PEOPLE.some((p) => p.id === id), "is not one of the sandbox's people");

const request = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("type"),
    user: person,
    channel: z.string(),
    text: z.string(),
    threadTs: z.string().optional(),
  }),
  z.object({
    kind: z.literal("act"),
    user: person,
    place: placeSchema,
    at: z.string(),
    picked: pickedSchema,
    inputs: z.record(z.string(), pickedSchema).optional(),
    shown: shownSchema.optional(),
  }),
  z.object({ kind: z.literal("submit"), user: person, viewId: z.string(), inputs: z.record(z.string(), pickedSchema) }),
  z.object({ kind: z.literal("closeModal"), user: person, viewId: z.string() }),
  z.object({ kind: z.literal("shortcut"), user: person, callbackId: z.string(), channel: z.string(), ts: z.string() }),
  z.object({ kind: z.literal("openHome"), user: person }),
  z.object({
    kind: z.literal("upload"),
    user: person,
    name: z.string().min(1),
    content: z.string(),
    /** Shared in this channel (with a message), or only attached to a form when absent. */
    channel: z.string().optional(),
  }),
  z.object({ kind: z.literal("fastClock"), on: z.boolean() }),
]);

export async function startWorkspace(opts: {
  port: number;
  slack: SlackStandIn;
  people: ReturnType<typeof peopleActions>;
  manifest: Manifest;
  controls: SandboxControls;
  page: { html: string; js: string; css: string };
}): Promise<Workspace> {
  const { slack, people, controls } = opts;
  const streams = new Set<http.ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  // Many changes in a burst (a card and its thread) reach the page as one nudge.
  const nudge = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      for (const s of streams) s.write("data: changed\n\n");
    }, 30);
  };
  const unsubscribe = slack.onChange(nudge);
  let files = 0;

  function stateFor(user: string) {
    return {
      me: user,
      people: PEOPLE,
      bot: BOT,
      channels: Object.values(CHANNELS),
      shortcuts: (opts.manifest.features?.shortcuts ?? []).filter((s) => s.type === "message"),
      commands: (opts.manifest.features?.slash_commands ?? []).map((c) => c.command),
      hasHome: !!opts.manifest.settings?.event_subscriptions?.bot_events?.includes("app_home_opened"),
      messages: slack.messages().filter((m) => !m.channel.startsWith("U") || m.channel === user),
      ephemerals: slack.ephemerals(user),
      modals: slack.modals(user),
      home: slack.home(user) ?? null,
      fastClock: controls.fastClock,
      botStatus: controls.botStatus(),
    };
  }

  /** Channels a person can be in: the sandbox's channels and their own direct messages with the app. */
  const canSee = (user: string, channel: string) =>
    channel === user || Object.values(CHANNELS).some((c) => c.id === channel);
  const channelOf = (body: z.infer<typeof request>) =>
    "channel" in body
      ? body.channel
      : "place" in body && body.place.surface === "message"
        ? body.place.channel
        : undefined;

  async function handle(body: z.infer<typeof request>) {
    switch (body.kind) {
      case "type":
        return people.type(body.user, body.channel, body.text, body.threadTs);
      case "act":
        return people.act(body.user, body.place, body.at, body.picked, body.inputs, body.shown);
      case "submit":
        return people.submit(body.user, body.viewId, body.inputs);
      case "closeModal":
        return people.closeModal(body.user, body.viewId);
      case "shortcut":
        return people.shortcut(body.user, body.callbackId, body.channel, body.ts);
      case "openHome":
        return people.openHome(body.user);
      case "upload": {
        files += 1;
        const id = `F0SBX${String(files).padStart(5, "0")}`;
        const shared = body.channel ? { channel: body.channel, user: body.user } : undefined;
        slack.addFile(id, body.name, body.content, { shared });
        if (body.channel) slack.postAs(body.user, body.channel, "", { file: { id, name: body.name } });
        return { ok: true, file: { id, name: body.name } };
      }
      case "fastClock":
        await controls.setFastClock(body.on);
        return { ok: true };
    }
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
    // Only pages of this sandbox reach it: another site in the same browser (or a name that
    // resolves here) is turned away.
    if (!allowedHosts.has(req.headers.host ?? "")) {
      send(403, "text/plain; charset=utf-8", "The sandbox answers only http://localhost and http://127.0.0.1.");
      return;
    }
    try {
      if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/sandbox/")) {
        res.writeHead(302, { location: "/sandbox" }).end();
      } else if (url.pathname === "/favicon.ico") {
        res.writeHead(204).end();
      } else if (req.method === "GET" && url.pathname === "/sandbox") {
        send(200, "text/html; charset=utf-8", opts.page.html);
      } else if (req.method === "GET" && url.pathname === "/sandbox/app.js") {
        send(200, "text/javascript; charset=utf-8", opts.page.js);
      } else if (req.method === "GET" && url.pathname === "/sandbox/style.css") {
        send(200, "text/css; charset=utf-8", opts.page.css);
      } else if (req.method === "GET" && url.pathname === "/sandbox/state") {
        const user = person.safeParse(url.searchParams.get("user") || PEOPLE[0].id);
        if (!user.success)
          send(400, "application/json", JSON.stringify({ error: "user: pick one of the sandbox's people" }));
        else send(200, "application/json", JSON.stringify(stateFor(user.data)));
      } else if (req.method === "GET" && url.pathname === "/sandbox/events") {
        res.writeHead(200, {
          "content-type": "text/event-stream",
          "cache-control": "no-store",
          connection: "keep-alive",
        });
        res.write("data: changed\n\n");
        streams.add(res);
        req.on("close", () => streams.delete(res));
      } else if (req.method === "POST" && url.pathname === "/sandbox/do") {
        if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
          send(
            415,
            "application/json",
            JSON.stringify({ ok: false, error: "Send JSON (content-type: application/json)." }),
          );
          return;
        }
        if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
          res.setHeader("connection", "close");
          send(413, "application/json", JSON.stringify({ ok: false, error: "That is larger than Slack's 50 MB." }));
          return;
        }
        const raw = await readBody(req);
        let parsed: ReturnType<typeof request.safeParse>;
        try {
          parsed = request.safeParse(JSON.parse(raw));
        } catch {
          send(400, "application/json", JSON.stringify({ ok: false, error: "The request is not JSON." }));
          return;
        }
        if (!parsed.success) {
          const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`);
          send(400, "application/json", JSON.stringify({ ok: false, error: fields.join("; ") }));
          return;
        }
        const channel = channelOf(parsed.data);
        if (channel !== undefined && "user" in parsed.data && !canSee(parsed.data.user, channel)) {
          send(
            400,
            "application/json",
            JSON.stringify({ ok: false, error: `channel: ${channel} is not one of the sandbox's channels` }),
          );
          return;
        }
        const outcome = await handle(parsed.data);
        nudge();
        send(200, "application/json", JSON.stringify(outcome));
      } else {
        send(404, "text/plain; charset=utf-8", "Not found. The sandbox is at /sandbox");
      }
    } catch (err) {
      send(500, "application/json", JSON.stringify({ ok: false, error: (err as Error).message }));
    }
  });

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error("That is larger than Slack's 50 MB.");
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  // Localhost only: the sandbox is a preview on this computer, not a service.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const allowedHosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`]);
  return {
    url: `http://localhost:${port}/sandbox`,
    close: async () => {
      unsubscribe();
      clearTimeout(pending);
      for (const s of streams) s.end();
      await new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
}

/** The page's files, with its script bundled for the browser. */
export async function buildPage(): Promise<{ html: string; js: string; css: string }> {
  const { build } = await import("esbuild");
  const dir = new URL("./page/", import.meta.url);
  const bundle = await build({
    entryPoints: [new URL("app.ts", dir).pathname],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    minify: false,
  });
  return {
    html: readFileSync(new URL("index.html", dir), "utf8"),
    js: bundle.outputFiles[0].text,
    css: readFileSync(new URL("style.css", dir), "utf8"),
  };
}
