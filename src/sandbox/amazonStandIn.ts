// A stand-in for Amazon on localhost: Login with Amazon's token endpoint and the Selling Partner
// API Reports API (2021-06-30), answering with Amazon's shapes, headers and error bodies, so the
// report import can be tested and previewed without a seller account.
// A report walks through IN_QUEUE and IN_PROGRESS over a few polls before its outcome, which the
// test decides; its document is served from a presigned-style URL that needs no access token,
// as S3 serves it. Tests can throttle or fail any call, refuse the refresh token, expire access
// tokens, or hand out an already expired download URL.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { z } from "zod";

export type ReportOutcome =
  /** compressed: served gzipped, with compressionAlgorithm "GZIP". */
  | { status: "DONE"; document: string | Buffer; compressed?: boolean }
  /** Amazon may attach an error document to a failed report. */
  | { status: "FATAL"; document?: string }
  /** What Amazon does with a report that has no data. */
  | { status: "CANCELLED" };
export type ReportRequest = {
  reportId: string;
  reportType: string;
  marketplaceIds: string[];
  dataStartTime?: string;
  dataEndTime?: string;
  createdTime: string;
};
export type AmazonCall = {
  op: "token" | "createReport" | "getReport" | "getReportDocument" | "download";
  method: string;
  path: string;
  at: number;
  status: number;
};
type Op = AmazonCall["op"];
export type AmazonStandIn = {
  /** http://host:port, for AMAZON_API_URL. */
  baseUrl: string;
  /** For AMAZON_TOKEN_URL. */
  tokenUrl: string;
  /** The only credentials the token endpoint accepts. */
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
  /** Decides what a new report turns into (asked when it is requested); by default it is cancelled, as for no data. */
  onReport(fn: (req: ReportRequest) => ReportOutcome): void;
  /** Every report requested, in order. */
  reports: ReportRequest[];
  /** Every call answered, in order (requests to unknown addresses are not kept). */
  calls: AmazonCall[];
  /** How many polls a new report spends IN_QUEUE, then as many IN_PROGRESS, before its outcome. */
  pollsPerStep: number;
  /** The next n calls of op answer 429 QuotaExceeded. */
  throttle(op: Op, n?: number): void;
  /** The next n calls of op answer this HTTP status with the service's error body. */
  fail(op: Op, status: number, n?: number): void;
  /** Refuse the refresh token from now on (invalid_grant), or accept it again with false. */
  refuseRefreshToken(refuse?: boolean): void;
  /** Every access token issued so far has expired. */
  expireAccessTokens(): void;
  /** The next document URL handed out has already expired. */
  expireNextUrl(): void;
  close(): Promise<void>;
};

type Reply = { status: number; body: string | Buffer; type?: string };

/** Each operation's documented rate (requests per second), sent in x-amzn-RateLimit-Limit. */
const RATES: Partial<Record<Op, string>> = { createReport: "0.0167", getReport: "2.0", getReportDocument: "0.0167" };
const URL_LIFETIME_MS = 5 * 60_000;
const TOKEN_LIFETIME_S = 3600;
const ROUTES: [Op, string, RegExp][] = [
  ["token", "POST", /^\/auth\/o2\/token$/],
  ["createReport", "POST", /^\/reports\/2021-06-30\/reports$/],
  ["getReport", "GET", /^\/reports\/2021-06-30\/reports\/([^/]+)$/],
  ["getReportDocument", "GET", /^\/reports\/2021-06-30\/documents\/([^/]+)$/],
  ["download", "GET", /^\/documents-download\/([^/]+)$/],
];

const json = (status: number, body: unknown): Reply => ({
  status,
  body: JSON.stringify(body),
  type: "application/json",
});
const spError = (status: number, code: string, message: string, details = "") =>
  json(status, { errors: [{ code, message, details }] });
const lwaError = (status: number, error: string, description: string) =>
  json(status, { error, error_description: description });
const s3Error = (status: number, code: string, message: string): Reply => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
  type: "application/xml",
});

/** A failure as each service reports it: SP-API's errors list, LWA's OAuth error, S3's XML. */
function faultReply(op: Op, status: number): Reply {
  if (op === "download") {
    return status === 500
      ? s3Error(status, "InternalError", "We encountered an internal error. Please try again.")
      : s3Error(status, "SlowDown", "Please reduce your request rate.");
  }
  if (op === "token") {
    return lwaError(status, status === 500 ? "server_error" : "temporarily_unavailable", "Please try again later.");
  }
  if (status === 429) return spError(429, "QuotaExceeded", "You exceeded your quota for the requested resource.");
  if (status === 503) return spError(503, "ServiceUnavailable", "Service temporarily unavailable. Please try again.");
  return spError(status, "InternalFailure", "We encountered an internal error. Please try again.");
}

const isoTime = z.iso.datetime({ offset: true });
const createReportBody = z.object({
  reportType: z.string().min(1),
  marketplaceIds: z.array(z.string().min(1)).min(1),
  dataStartTime: isoTime.optional(),
  dataEndTime: isoTime.optional(),
});

type ReportState = {
  request: ReportRequest;
  outcome: ReportOutcome;
  /** Polls this report spends in each of IN_QUEUE and IN_PROGRESS (fixed when requested). */
  steps: number;
  polls: number;
  processingStartTime?: string;
  processingEndTime?: string;
  documentId?: string;
};

export async function startAmazonStandIn(opts: { port?: number; host?: string } = {}): Promise<AmazonStandIn> {
  const host = opts.host ?? "127.0.0.1";
  const credentials = {
    clientId: "amzn1.application-oa2-client.standin",
    clientSecret: "amzn1.oa2-cs.v1.standin-secret",
    refreshToken: "Atzr|standin-refresh-token",
  };
  let decide: (req: ReportRequest) => ReportOutcome = () => ({ status: "CANCELLED" });
  let refreshRefused = false;
  let nextUrlExpired = false;
  let reportCount = 0;
  const pending = new Map<Op, number[]>(); // HTTP statuses the next calls of an op answer with
  const accessTokens = new Map<string, number>(); // token → when it expires
  const states = new Map<string, ReportState>();
  const documents = new Map<string, { bytes: Buffer; compressed: boolean }>();
  const urls = new Map<string, { documentId: string; expiresAt: number }>(); // signature → what it opens
  const queue = (op: Op, status: number, n: number) =>
    pending.set(op, [...(pending.get(op) ?? []), ...Array<number>(n).fill(status)]);

  function token(form: Record<string, string>): Reply {
    const { grant_type, refresh_token, client_id, client_secret } = form;
    if (grant_type !== "refresh_token") {
      return lwaError(400, "invalid_request", "The request has an invalid parameter : grant_type");
    }
    if (!refresh_token || !client_id || !client_secret) {
      return lwaError(400, "invalid_request", "The request is missing a required parameter");
    }
    if (client_id !== credentials.clientId || client_secret !== credentials.clientSecret) {
      return lwaError(401, "invalid_client", "Client authentication failed");
    }
    if (refresh_token !== credentials.refreshToken || refreshRefused) {
      return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
    }
    const accessToken = `Atza|${randomBytes(48).toString("base64url")}`;
    accessTokens.set(accessToken, Date.now() + TOKEN_LIFETIME_S * 1000);
    return json(200, {
      access_token: accessToken,
      refresh_token,
      token_type: "bearer",
      expires_in: TOKEN_LIFETIME_S,
    });
  }

  function createReport(raw: string): Reply {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return spError(400, "InvalidInput", "The request body is not valid JSON.");
    }
    const parsed = createReportBody.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return spError(400, "InvalidInput", `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    reportCount += 1;
    // Amazon's report ids are long numbers.
    const request: ReportRequest = {
      reportId: String(50_000_000_000 + reportCount),
      ...parsed.data,
      createdTime: new Date().toISOString(),
    };
    standIn.reports.push(request);
    states.set(request.reportId, { request, outcome: decide(request), steps: standIn.pollsPerStep, polls: 0 });
    return json(202, { reportId: request.reportId });
  }

  /** Each poll moves the report one step: IN_QUEUE, then IN_PROGRESS, then its outcome. */
  function getReport(reportId: string): Reply {
    const s = states.get(reportId);
    if (!s) return spError(404, "NotFound", "Report not found");
    s.polls += 1;
    const now = new Date().toISOString();
    const status = s.polls <= s.steps ? "IN_QUEUE" : s.polls <= 2 * s.steps ? "IN_PROGRESS" : s.outcome.status;
    if (status !== "IN_QUEUE") s.processingStartTime ??= now;
    if (status !== "IN_QUEUE" && status !== "IN_PROGRESS") {
      s.processingEndTime ??= now;
      // The document exists once the report is done, not before.
      const document = s.outcome.status === "CANCELLED" ? undefined : s.outcome.document;
      if (document !== undefined && !s.documentId) {
        const compressed = s.outcome.status === "DONE" && s.outcome.compressed === true;
        s.documentId = `amzn1.spdoc.1.4.na.${randomUUID()}`;
        documents.set(s.documentId, { bytes: compressed ? gzipSync(document) : Buffer.from(document), compressed });
      }
    }
    const { request } = s;
    return json(200, {
      ...request,
      // Amazon fills in the time range it reported on; both default to when it was requested.
      dataStartTime: request.dataStartTime ?? request.createdTime,
      dataEndTime: request.dataEndTime ?? request.createdTime,
      processingStatus: status,
      processingStartTime: s.processingStartTime,
      processingEndTime: s.processingEndTime,
      reportDocumentId: s.documentId,
    });
  }

  /** A fresh presigned-style URL on every call, as Amazon hands out. */
  function getReportDocument(documentId: string): Reply {
    const document = documents.get(documentId);
    if (!document) return spError(404, "NotFound", "Report document not found");
    const sig = randomBytes(16).toString("hex");
    urls.set(sig, { documentId, expiresAt: nextUrlExpired ? 0 : Date.now() + URL_LIFETIME_MS });
    nextUrlExpired = false;
    return json(200, {
      reportDocumentId: documentId,
      url: `${standIn.baseUrl}/documents-download/${documentId}?X-Amz-Expires=300&sig=${sig}`,
      ...(document.compressed ? { compressionAlgorithm: "GZIP" } : {}),
    });
  }

  function download(documentId: string, sig: string | null): Reply {
    const grant = sig ? urls.get(sig) : undefined;
    if (!grant || grant.documentId !== documentId) {
      return s3Error(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.",
      );
    }
    if (Date.now() >= grant.expiresAt) return s3Error(403, "AccessDenied", "Request has expired");
    return { status: 200, body: documents.get(documentId)!.bytes, type: "application/octet-stream" };
  }

  /** Every SP-API call needs an access token this stand-in issued and that has not expired. */
  function refusedToken(header: string | string[] | undefined): Reply | undefined {
    const expiresAt = typeof header === "string" ? accessTokens.get(header) : undefined;
    const denied = "Access to requested resource is denied.";
    if (expiresAt === undefined) return spError(403, "Unauthorized", denied);
    if (Date.now() >= expiresAt)
      return spError(403, "Unauthorized", denied, "The access token you provided has expired.");
    return undefined;
  }

  function answer(req: http.IncomingMessage, raw: string, url: URL, op: Op, id: string): Reply {
    const status = pending.get(op)?.shift();
    if (status !== undefined) return faultReply(op, status);
    if (op === "token") return token(Object.fromEntries(new URLSearchParams(raw)));
    if (op === "download") return download(id, url.searchParams.get("sig"));
    const refused = refusedToken(req.headers["x-amz-access-token"]);
    if (refused) return refused;
    if (op === "createReport") return createReport(raw);
    if (op === "getReport") return getReport(id);
    return getReportDocument(id);
  }

  const server = http.createServer(async (req, res) => {
    const at = Date.now();
    const method = req.method ?? "GET";
    let reply: Reply;
    let found: { op: Op; id: string } | undefined;
    let path = "/";
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const url = new URL(req.url ?? "/", "http://localhost");
      path = url.pathname;
      for (const [op, m, pattern] of ROUTES) {
        const match = method === m ? pattern.exec(path) : null;
        if (match) found = { op, id: decodeURIComponent(match[1] ?? "") };
      }
      reply = found
        ? answer(req, Buffer.concat(chunks).toString("utf8"), url, found.op, found.id)
        : spError(404, "NotFound", "Resource not found");
    } catch (err) {
      // An address with bad escapes is the caller's mistake; anything else is a fault of the
      // stand-in or of a test's onReport, told back to the caller rather than left unanswered.
      reply =
        err instanceof URIError
          ? spError(400, "InvalidInput", "The request address could not be read.")
          : spError(500, "InternalFailure", String(err));
    }
    const headers: Record<string, string> = { "x-amzn-RequestId": randomUUID() };
    if (reply.type) headers["content-type"] = reply.type;
    const rate = found && RATES[found.op];
    if (rate) headers["x-amzn-RateLimit-Limit"] = rate;
    if (found) standIn.calls.push({ op: found.op, method, path, at, status: reply.status });
    res.writeHead(reply.status, headers).end(reply.body);
  });

  const standIn: AmazonStandIn = {
    baseUrl: "",
    tokenUrl: "",
    credentials,
    onReport: (fn) => {
      decide = fn;
    },
    reports: [],
    calls: [],
    pollsPerStep: 1,
    throttle: (op, n = 1) => queue(op, 429, n),
    fail: (op, status, n = 1) => queue(op, status, n),
    refuseRefreshToken: (refuse = true) => {
      refreshRefused = refuse;
    },
    expireAccessTokens: () => {
      for (const t of accessTokens.keys()) accessTokens.set(t, 0);
    },
    expireNextUrl: () => {
      nextUrlExpired = true;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject); // e.g. the port is taken
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  standIn.baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  standIn.tokenUrl = `${standIn.baseUrl}/auth/o2/token`;
  return standIn;
}

/** The bot's AMAZON_* settings that connect it to this stand-in (marketplace US unless told). */
export function amazonSettingsFor(s: Pick<AmazonStandIn, "credentials" | "baseUrl" | "tokenUrl">, marketplaces = "US") {
  return {
    AMAZON_LWA_CLIENT_ID: s.credentials.clientId,
    AMAZON_LWA_CLIENT_SECRET: s.credentials.clientSecret,
    AMAZON_REFRESH_TOKEN: s.credentials.refreshToken,
    AMAZON_MARKETPLACES: marketplaces,
    AMAZON_API_URL: s.baseUrl,
    AMAZON_TOKEN_URL: s.tokenUrl,
  };
}
