// Requests signed exactly as Slack signs them (v0: HMAC-SHA256 over "v0:<timestamp>:<body>").
import { createHmac } from "node:crypto";

export function signature(body: string, timestamp: number, secret: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Headers Slack sends with a request to an app. */
export function signedHeaders(
  body: string,
  secret: string,
  contentType: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature(body, timestamp, secret),
  };
}
