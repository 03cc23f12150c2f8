// The part of Amazon's Selling Partner API the bot uses: a Login-with-Amazon access token and the
// Reports API (2021-06-30: create a report, look at it, fetch its document). Every call goes to
// AMAZON_API_URL / AMAZON_TOKEN_URL, so a proxy or a local stand-in can take them; answers are
// checked with zod. Throttled and failed calls are retried with backoff (p-retry); a refusal of
// the credentials is not retried, as asking again would not change it.
import { setTimeout as sleep } from "node:timers/promises";
import { gunzipSync } from "node:zlib";
import pRetry, { AbortError } from "p-retry";
import { z } from "zod";
import type { AmazonSettings } from "../domain/amazonFeeds.ts";

/** Amazon refused the app's credentials: nothing works until a person fixes the settings. */
export class AmazonRefused extends Error {}
/** Amazon did not answer usefully now (throttled, down, unreachable): try again later. */
export class AmazonUnavailable extends Error {}
/** Amazon said the request itself was wrong. */
export class AmazonRequestError extends Error {}

const CALL_TIMEOUT_MS = 30_000;
const DOWNLOAD_TIMEOUT_MS = 300_000;
/** The largest report document taken (unpacked): a year of returns of a big seller is far less. */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;
const REPORTS = "/reports/2021-06-30";

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const tokenRefusal = z.object({ error: z.string(), error_description: z.string().optional() });
const spErrors = z.object({
  errors: z.array(z.object({ code: z.string(), message: z.string().optional(), details: z.string().optional() })),
});
const createdReport = z.object({ reportId: z.string().min(1) });
export const PROCESSING_STATUSES = ["IN_QUEUE", "IN_PROGRESS", "DONE", "CANCELLED", "FATAL"] as const;
const reportAnswer = z.object({
  reportId: z.string(),
  processingStatus: z.enum(PROCESSING_STATUSES),
  reportDocumentId: z.string().optional(),
});
const documentAnswer = z.object({
  reportDocumentId: z.string(),
  url: z.url(),
  compressionAlgorithm: z.string().optional(),
});

export type ReportState = z.output<typeof reportAnswer>;

/** How long Amazon asks a throttled caller to wait: one request's worth of its rate limit, at most a minute. */
function throttleWaitMs(res: Response): number {
  const rate = Number(res.headers.get("x-amzn-ratelimit-limit"));
  return rate > 0 ? Math.min(60_000, Math.ceil(1000 / rate)) : 2_000;
}

class Throttled extends AmazonUnavailable {
  constructor(readonly waitMs: number) {
    super("Amazon is throttling the bot's requests (429)");
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { text: text.slice(0, 200) };
  }
}

/** The first of Amazon's error messages, in plain words. */
function errorText(body: unknown, status: number): string {
  const parsed = spErrors.safeParse(body);
  const e = parsed.success ? parsed.data.errors[0] : undefined;
  return e ? `${e.code}: ${[e.message, e.details].filter(Boolean).join(" — ")}` : `HTTP ${status}`;
}

export type SpApiOptions = {
  /** Waits between retries of one call (tests shorten them). */
  retryMinMs?: number;
  retries?: number;
  /** Ends calls and waits in progress when the bot stops. */
  signal?: AbortSignal;
};

/** The text of a document in the character set Amazon names (UTF-8 unless it says otherwise). */
function decode(bytes: Buffer, contentType: string | null): string {
  const charset = /charset=([^;\s]+)/i.exec(contentType ?? "")?.[1]?.replace(/^"|"$/g, "");
  try {
    return new TextDecoder(charset ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes); // a character set Node does not know
  }
}

export function spApiClient(s: AmazonSettings, opts: SpApiOptions = {}) {
  let token: { value: string; until: number } | undefined;
  const timeout = (ms: number) =>
    opts.signal ? AbortSignal.any([AbortSignal.timeout(ms), opts.signal]) : AbortSignal.timeout(ms);

  async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const res = await fetch(s.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: s.refreshToken,
        client_id: s.clientId,
        client_secret: s.clientSecret,
      }),
      signal: timeout(CALL_TIMEOUT_MS),
    });
    const body = await readJson(res);
    if (res.status === 400 || res.status === 401) {
      const r = tokenRefusal.safeParse(body);
      const why = r.success ? `${r.data.error}${r.data.error_description ? `: ${r.data.error_description}` : ""}` : "";
      throw new AbortError(
        new AmazonRefused(
          `Login with Amazon refused the app's credentials (${why || `HTTP ${res.status}`}). Check AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET and AMAZON_REFRESH_TOKEN (authorise the app again in Seller Central if the refresh token was revoked).`,
        ),
      );
    }
    if (!res.ok) throw new AmazonUnavailable(`Login with Amazon answered HTTP ${res.status}`);
    const t = tokenAnswer.safeParse(body);
    if (!t.success) throw new AmazonUnavailable("Login with Amazon gave an answer without an access token");
    // Renewed a minute early, so a token never runs out in the middle of a call.
    token = { value: t.data.access_token, until: Date.now() + (t.data.expires_in - 60) * 1000 };
    return token.value;
  }

  /** One SP-API call, retried when throttled, failing or unreachable, and once with a new token when Amazon says it expired. */
  async function call<T>(method: string, path: string, answer: z.ZodType<T>, body?: unknown): Promise<T> {
    let renewed = false;
    return pRetry(
      async () => {
        let res: Response;
        try {
          res = await fetch(`${s.apiUrl.replace(/\/$/, "")}${path}`, {
            method,
            headers: {
              "x-amz-access-token": await accessToken(),
              accept: "application/json",
              ...(body ? { "content-type": "application/json" } : {}),
            },
            body: body ? JSON.stringify(body) : undefined,
            signal: timeout(CALL_TIMEOUT_MS),
          });
        } catch (err) {
          if (err instanceof AbortError || err instanceof AmazonUnavailable) throw err;
          if (opts.signal?.aborted) throw new AbortError(new AmazonUnavailable("The bot is stopping"));
          throw new AmazonUnavailable(`Amazon could not be reached (${(err as Error).message})`);
        }
        const json = await readJson(res);
        if (res.status === 429) throw new Throttled(throttleWaitMs(res));
        if (res.status === 403 && !renewed && /expired/i.test(JSON.stringify(json))) {
          renewed = true;
          token = undefined;
          throw new AmazonUnavailable("The access token expired");
        }
        if (res.status === 401 || res.status === 403)
          throw new AbortError(
            new AmazonRefused(
              `Amazon refused access (${errorText(json, res.status)}). Check that the app is authorised for this seller account and has the Reports roles (Amazon Fulfillment, Selling Partner Insights, Buyer Communication).`,
            ),
          );
        if (res.status >= 500) throw new AmazonUnavailable(`Amazon answered ${errorText(json, res.status)}`);
        if (!res.ok)
          throw new AbortError(new AmazonRequestError(`Amazon refused the request: ${errorText(json, res.status)}`));
        const parsed = answer.safeParse(json);
        if (!parsed.success)
          throw new AbortError(new AmazonUnavailable(`Amazon gave an unexpected answer to ${method} ${path}`));
        return parsed.data;
      },
      {
        retries: opts.retries ?? 4,
        minTimeout: opts.retryMinMs ?? 1_000,
        factor: 2,
        randomize: true,
        signal: opts.signal,
        // Throttled: wait as long as Amazon's rate limit asks, on top of the backoff.
        onFailedAttempt: async ({ error }) => {
          if (error instanceof Throttled && opts.retryMinMs === undefined)
            await sleep(error.waitMs, undefined, { signal: opts.signal }).catch(() => {});
        },
      },
    );
  }

  return {
    async createReport(r: { reportType: string; marketplaceIds: string[]; start?: Date; end?: Date }): Promise<string> {
      const body = {
        reportType: r.reportType,
        marketplaceIds: r.marketplaceIds,
        ...(r.start ? { dataStartTime: r.start.toISOString() } : {}),
        ...(r.end ? { dataEndTime: r.end.toISOString() } : {}),
      };
      return (await call("POST", `${REPORTS}/reports`, createdReport, body)).reportId;
    },
    getReport(reportId: string): Promise<ReportState> {
      return call("GET", `${REPORTS}/reports/${encodeURIComponent(reportId)}`, reportAnswer);
    },
    /**
     * The report's document as text. Its download address (from Amazon, not AMAZON_API_URL) lasts
     * five minutes: when it has run out, a fresh one is asked for once.
     */
    async downloadDocument(documentId: string): Promise<string> {
      for (let attempt = 1; ; attempt++) {
        const doc = await call("GET", `${REPORTS}/documents/${encodeURIComponent(documentId)}`, documentAnswer);
        const res = await fetch(doc.url, { signal: timeout(DOWNLOAD_TIMEOUT_MS) }).catch((err) => {
          throw new AmazonUnavailable(`The report could not be downloaded (${(err as Error).message})`);
        });
        if (res.status === 403 && attempt === 1) continue; // the address expired
        if (!res.ok) throw new AmazonUnavailable(`The report's download answered HTTP ${res.status}`);
        if (Number(res.headers.get("content-length")) > MAX_DOCUMENT_BYTES) throw tooLarge();
        const bytes = Buffer.from(await res.arrayBuffer());
        if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge();
        if (doc.compressionAlgorithm?.toUpperCase() !== "GZIP") return decode(bytes, res.headers.get("content-type"));
        try {
          return decode(gunzipSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES }), res.headers.get("content-type"));
        } catch (err) {
          if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
          throw new AmazonRequestError("The report's document could not be unpacked (GZIP)");
        }
      }
    },
  };
}

export type SpApiClient = ReturnType<typeof spApiClient>;

const tooLarge = () =>
  new AmazonRequestError(
    `The report's document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; ask Amazon for shorter periods.`,
  );
