// HTTP endpoints for other systems: POST /api/cases (intake), POST /api/metrics/orders, POST
// /api/imports (a returns report, e.g. from `npm run import` while the bot runs) and GET /healthz.
// Served by Bolt's own HTTP server (custom routes) in both HTTP and Socket Mode.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import type { CustomRoute, Logger } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { fieldErrors, newCaseSchema, orderVolumeSchema } from "../domain/caseInput.ts";
import { UnreadableReport } from "../domain/returnsReport.ts";
import { runImport } from "../jobs/importReport.ts";
import { checkOdr, recordOrders } from "../store/odr.ts";
import { ImportStopped } from "../store/returnsImport.ts";
import { caseJson } from "../views/caseJson.ts";
import { importSummaryText } from "../views/importSummary.ts";
import { MAX_FILE_BYTES } from "./returnsImport.ts";
import { byteLimit, FileRefused } from "./slackFiles.ts";
import { storeNewCase } from "./storeNewCase.ts";

const MAX_BODY_BYTES = 256 * 1024;

/** Where the routes report failures: the app's logger (the routes are made before the app is). */
export type RouteLogger = Pick<Logger, "error" | "warn">;

export function intakeRoutes(deps: AppDeps, logger: RouteLogger): CustomRoute[] {
  const guarded = guardedWith(logger);
  return [
    { path: "/healthz", method: ["GET"], handler: guarded((_req, res) => healthz(deps, res, logger)) },
    { path: "/api/cases", method: ["POST"], handler: guarded((req, res) => postCase(deps, req, res, logger)) },
    { path: "/api/metrics/orders", method: ["POST"], handler: guarded((req, res) => postOrders(deps, req, res)) },
    { path: "/api/imports", method: ["POST"], handler: guarded((req, res) => postImport(deps, req, res)) },
  ];
}

/** A route whose failure is logged and answered with a 500 the caller can act on, never left hanging. */
const guardedWith = (logger: RouteLogger) => (fn: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => {
  return (req: IncomingMessage, res: ServerResponse) => {
    fn(req, res).catch((err) => {
      logger.error(`${req.method} ${req.url} failed: ${(err as Error).message}`);
      if (!res.headersSent)
        send(res, 500, { error: "Something went wrong on our side; the request was not stored. Please retry." });
    });
  };
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** Open to anyone (load balancers): it says whether the bot can work, never why in detail. */
async function healthz(deps: AppDeps, res: ServerResponse, logger: RouteLogger) {
  try {
    await deps.prisma.$queryRaw`SELECT 1`;
    send(res, 200, { ok: true });
  } catch (err) {
    logger.error(`Health check: the database did not answer: ${(err as Error).message}`);
    send(res, 503, { ok: false, error: "database unreachable" });
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  // Digests of equal length are compared, so the time taken says nothing of the token's length.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? ""), digest(token));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Checks the token; answers the error itself and returns false when it is missing or wrong. */
function authorized(deps: AppDeps, req: IncomingMessage, res: ServerResponse): boolean {
  const token = deps.config.intakeToken;
  if (!token) {
    send(res, 503, { error: "The intake API is switched off. Set INTAKE_TOKEN on the bot to enable it." });
    return false;
  }
  if (!bearerMatches(req.headers.authorization, token)) {
    send(
      res,
      401,
      { error: "Missing or wrong token. Send the header Authorization: Bearer <INTAKE_TOKEN>." },
      { "www-authenticate": "Bearer" },
    );
    return false;
  }
  return true;
}

/**
 * POST /api/imports: the body is a returns report as downloaded (tab-separated), its name in
 * X-File-Name. Imported like one shared in Slack: summary in the cases channel, then the cards.
 * Answers with the summary (400 with the reason for a file that is not a report).
 */
async function postImport(deps: AppDeps, req: IncomingMessage, res: ServerResponse) {
  if (!authorized(deps, req, res)) return;
  const tooLarge = `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split the report by date range.`;
  if (Number(req.headers["content-length"] ?? 0) > MAX_FILE_BYTES) {
    send(res, 413, { error: tooLarge });
    return;
  }
  const name = fileName(req.headers["x-file-name"]);
  const body = byteLimit(MAX_FILE_BYTES, tooLarge);
  pipeline(req, body, () => undefined);
  try {
    const summary = await runImport(deps, body, name, deps.config.casesChannel);
    send(res, 200, { summary, text: importSummaryText(summary, name) });
  } catch (err) {
    const cause = err instanceof ImportStopped ? err.cause : err;
    if (!(cause instanceof UnreadableReport || cause instanceof FileRefused)) throw err;
    send(res, cause instanceof FileRefused ? 413 : 400, { error: `The report was not imported: ${cause.message}` });
  }
}

/** The file's name as the sender gave it (URI-encoded, so any name fits a header), or a plain one. */
function fileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  try {
    return (
      decodeURIComponent(raw ?? "")
        .trim()
        .slice(0, 200) || "returns report"
    );
  } catch {
    return "returns report";
  }
}

/** Checks the token and reads one JSON object; answers the error itself and returns undefined when it can't. */
async function authorizedJson(deps: AppDeps, req: IncomingMessage, res: ServerResponse): Promise<object | undefined> {
  if (!authorized(deps, req, res)) return undefined;
  const raw = await readBody(req);
  if (raw === undefined) {
    send(res, 413, { error: `The body is larger than ${MAX_BODY_BYTES / 1024} KB.` });
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (err) {
    send(res, 400, {
      error: `The body is not valid JSON (${(err as Error).message}). Send one JSON object with Content-Type: application/json.`,
    });
    return undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    send(res, 400, {
      error: "The body must be one JSON object.",
      errors: [{ path: "(body)", message: "Expected an object" }],
    });
    return undefined;
  }
  return body;
}

async function postOrders(deps: AppDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await authorizedJson(deps, req, res);
  if (!body) return;
  const parsed = orderVolumeSchema.safeParse(body);
  if (!parsed.success) {
    send(res, 400, {
      error: "Some fields are missing or wrong; nothing was stored.",
      errors: fieldErrors(parsed.error),
    });
    return;
  }
  await recordOrders(deps.prisma, { ...parsed.data, span: "day" });
  const odr = await checkOdr(deps.prisma, parsed.data.marketplace, deps.now(), deps.config.crisis);
  deps.wakeOutbox();
  send(res, 200, {
    ...parsed.data,
    odr: odr
      ? {
          percent: Number(odr.percent.toFixed(3)),
          defects: odr.defects,
          orders: odr.orders,
          defectsUntilLimit: odr.defectsUntilLimit,
        }
      : null,
  });
}

async function postCase(deps: AppDeps, req: IncomingMessage, res: ServerResponse, logger: RouteLogger) {
  const body = await authorizedJson(deps, req, res);
  if (!body) return;
  const parsed = newCaseSchema.safeParse(body);
  if (!parsed.success) {
    send(res, 400, {
      error: "Some fields are missing or wrong; nothing was stored.",
      errors: fieldErrors(parsed.error),
    });
    return;
  }
  const input = parsed.data;
  const { case: c, created } = await storeNewCase(deps, { ...input, source: input.source ?? "api" }, logger);
  if (created) deps.wakeOutbox();
  send(res, created ? 201 : 200, { created, case: caseJson(c) });
}
