import { describe, expect, it } from "vitest";
import { backoffMs, MAX_BACKOFF_MS, retryPlan } from "../../src/jobs/slackErrors.ts";

describe("outbox retry policy", () => {
  it("retries Slack outages, network errors and rate limits; gives up on permanent refusals", () => {
    expect(retryPlan({ code: "slack_webapi_http_error", statusCode: 503 }, 1).retry).toBe(true);
    expect(retryPlan({ code: "slack_webapi_request_error", message: "ECONNRESET" }, 1).retry).toBe(true);
    expect(retryPlan({ code: "slack_webapi_rate_limited_error", retryAfter: 7 }, 1)).toMatchObject({
      retry: true,
      delayMs: 7000,
    });
    expect(retryPlan({ code: "slack_webapi_platform_error", data: { error: "internal_error" } }, 1).retry).toBe(true);
    expect(retryPlan({ code: "slack_webapi_platform_error", data: { error: "channel_not_found" } }, 1)).toEqual({
      retry: false,
      reason: "Slack error channel_not_found",
    });
    expect(retryPlan({ code: "slack_webapi_http_error", statusCode: 400 }, 1).retry).toBe(false);
  });
  it("backs off exponentially up to five minutes", () => {
    const top = () => 1;
    expect(backoffMs(1, top)).toBe(1000);
    expect(backoffMs(4, top)).toBe(8000);
    expect(backoffMs(30, top)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1, () => 0)).toBe(750);
  });
});
