// How the outbox treats a failed Slack call: try again later (and when), or give up.

/** Any Slack call gives up after this; the outbox reserves a message for several times as long. */
export const SLACK_CALL_TIMEOUT_MS = 15_000;

/** Platform errors after which Slack may still have done what was asked. */
const UNCERTAIN_PLATFORM_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/**
 * Whether Slack certainly did not carry out a call that failed: it refused it (an `ok: false`
 * answer, a rate limit, a 4xx). A timeout, a broken connection or a 5xx leaves it unknown.
 */
export function clearlyRefused(err: unknown): boolean {
  const e = err as { code?: string; statusCode?: number; data?: { error?: string } };
  switch (e?.code) {
    case "slack_webapi_rate_limited_error":
      return true;
    case "slack_webapi_platform_error":
      return !UNCERTAIN_PLATFORM_ERRORS.has(e.data?.error ?? "");
    case "slack_webapi_http_error":
      return (e.statusCode ?? 500) < 500 && e.statusCode !== 408;
    default:
      return false;
  }
}

export type RetryPlan = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/** Slack answers with these when the problem is on its side and will pass. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "team_added_to_org",
]);

export const MAX_BACKOFF_MS = 5 * 60_000;

/** Exponential backoff from 1 s, capped at 5 minutes, with jitter so replicas do not retry in step. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.75 + random() * 0.25));
}

export function retryPlan(err: unknown, attempts: number): RetryPlan {
  const e = err as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    message?: string;
  };
  switch (e?.code) {
    case "slack_webapi_rate_limited_error":
      return {
        retry: true,
        delayMs: Math.max(1, e.retryAfter ?? 1) * 1000,
        reason: `rate limited (Retry-After ${e.retryAfter ?? "?"} s)`,
      };
    case "slack_webapi_request_error":
      return { retry: true, delayMs: backoffMs(attempts), reason: `network error: ${e.message}` };
    case "slack_webapi_http_error": {
      const status = e.statusCode ?? 0;
      if (status >= 500 || status === 408)
        return { retry: true, delayMs: backoffMs(attempts), reason: `Slack answered HTTP ${status}` };
      return { retry: false, reason: `Slack answered HTTP ${status}` };
    }
    case "slack_webapi_platform_error": {
      const code = e.data?.error ?? "unknown_error";
      if (TRANSIENT_PLATFORM_ERRORS.has(code))
        return { retry: true, delayMs: backoffMs(attempts), reason: `Slack error ${code}` };
      return { retry: false, reason: `Slack error ${code}` };
    }
    default:
      // Anything unexpected (e.g. the database blinked) is retried rather than dropped.
      return { retry: true, delayMs: backoffMs(attempts), reason: `unexpected error: ${e?.message ?? String(err)}` };
  }
}
