// The stand-in for Amazon answers as Login with Amazon and the Reports API do, including their
// failures: the report import is tested against it, so it must fail the way Amazon fails.
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AmazonStandIn, startAmazonStandIn } from "../../src/sandbox/amazonStandIn.ts";

describe("the stand-in for Amazon's token endpoint and Reports API", () => {
  let amazon: AmazonStandIn;
  beforeAll(async () => {
    amazon = await startAmazonStandIn();
  });
  afterAll(() => amazon.close());

  const getToken = (overrides: Record<string, string> = {}) =>
    fetch(amazon.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: amazon.credentials.refreshToken,
        client_id: amazon.credentials.clientId,
        client_secret: amazon.credentials.clientSecret,
        ...overrides,
      }),
    });
  const accessToken = async () => (await (await getToken()).json()).access_token as string;
  const api = async (path: string, token: string, body?: string) =>
    fetch(`${amazon.baseUrl}/reports/2021-06-30${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "x-amz-access-token": token, "content-type": "application/json" },
      body,
    });
  const requestReport = async (token: string) => {
    const body = JSON.stringify({ reportType: "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", marketplaceIds: ["X"] });
    const created = await api("/reports", token, body);
    expect(created.status).toBe(202);
    return (await created.json()).reportId as string;
  };
  /** Polls until the report is no longer waiting, returning every status seen. */
  const pollReport = async (token: string, reportId: string) => {
    const seen: any[] = [];
    while (!["DONE", "FATAL", "CANCELLED"].includes(seen.at(-1)?.processingStatus)) {
      seen.push(await (await api(`/reports/${reportId}`, token)).json());
    }
    return seen;
  };

  it("issues access tokens for its credentials only, and stops when the refresh token is refused", async () => {
    const ok = await getToken();
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({
      refresh_token: amazon.credentials.refreshToken,
      token_type: "bearer",
      expires_in: 3600,
    });
    expect(body.access_token).toMatch(/^Atza\|/);

    expect((await getToken({ client_secret: "wrong" })).status).toBe(401);
    expect(await (await getToken({ grant_type: "password" })).json()).toMatchObject({ error: "invalid_request" });
    amazon.refuseRefreshToken();
    const refused = await getToken();
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : refresh_token",
    });
    amazon.refuseRefreshToken(false);
    expect((await getToken()).status).toBe(200);
  });

  it("moves a report through IN_QUEUE and IN_PROGRESS to DONE, and serves its gzipped document", async () => {
    const text = "return-date\torder-id\n2025-06-01\t114-2962899-5762623\n";
    amazon.onReport(() => ({ status: "DONE", document: text, compressed: true }));
    const token = await accessToken();
    const reportId = await requestReport(token);
    expect(reportId).toMatch(/^\d+$/);
    expect(amazon.reports.at(-1)).toMatchObject({ reportId, marketplaceIds: ["X"] });

    const seen = await pollReport(token, reportId);
    expect(seen.map((r) => r.processingStatus)).toEqual(["IN_QUEUE", "IN_PROGRESS", "DONE"]);
    const documentId = seen[2].reportDocumentId;
    expect(documentId).toMatch(/^amzn1\.spdoc\.1\.4\.na\./);

    const described = await api(`/documents/${documentId}`, token);
    expect(described.headers.get("x-amzn-RateLimit-Limit")).toBe("0.0167");
    const { url, compressionAlgorithm } = await described.json();
    expect(compressionAlgorithm).toBe("GZIP");
    const download = await fetch(url); // presigned: no access token
    expect(download.status).toBe(200);
    expect(gunzipSync(Buffer.from(await download.arrayBuffer())).toString("utf8")).toBe(text);
  });

  it("throttles a call with 429 and its rate, then answers it", async () => {
    const token = await accessToken();
    amazon.throttle("createReport");
    const body = JSON.stringify({ reportType: "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", marketplaceIds: ["X"] });
    const throttled = await api("/reports", token, body);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("x-amzn-RateLimit-Limit")).toBe("0.0167");
    expect((await throttled.json()).errors[0].code).toBe("QuotaExceeded");
    expect((await api("/reports", token, body)).status).toBe(202);
    expect(amazon.calls.filter((c) => c.op === "createReport").map((c) => c.status)).toEqual([202, 429, 202]);
  });

  it("refuses expired access tokens and expired download URLs with 403", async () => {
    amazon.onReport(() => ({ status: "DONE", document: "order-id\n" }));
    const token = await accessToken();
    const reportId = await requestReport(token);
    const { reportDocumentId } = (await pollReport(token, reportId)).at(-1);
    amazon.expireNextUrl();
    const { url, compressionAlgorithm } = await (await api(`/documents/${reportDocumentId}`, token)).json();
    expect(compressionAlgorithm).toBeUndefined();
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("<Code>AccessDenied</Code><Message>Request has expired</Message>");

    amazon.expireAccessTokens();
    const refused = await api(`/reports/${reportId}`, token);
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0]).toEqual({
      code: "Unauthorized",
      message: "Access to requested resource is denied.",
      details: "The access token you provided has expired.",
    });
    expect((await api(`/reports/${reportId}`, "Atza|made-up")).status).toBe(403);
  });

  it("ends reports FATAL (with an error document when given) or CANCELLED", async () => {
    const token = await accessToken();
    amazon.pollsPerStep = 0;
    amazon.onReport(() => ({ status: "FATAL", document: '{"errorDetails":"Report failed"}' }));
    const fatal = await pollReport(token, await requestReport(token));
    expect(fatal).toMatchObject([{ processingStatus: "FATAL", reportDocumentId: expect.any(String) }]);
    amazon.onReport(() => ({ status: "CANCELLED" }));
    const [cancelled] = await pollReport(token, await requestReport(token));
    expect(cancelled.processingStatus).toBe("CANCELLED");
    expect(cancelled.reportDocumentId).toBeUndefined();
    amazon.pollsPerStep = 1;
  });

  it("answers 400 to a body it cannot read, 404 to what it does not know", async () => {
    const token = await accessToken();
    const bad = await api("/reports", token, "{not json");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].code).toBe("InvalidInput");
    expect((await api("/reports", token, JSON.stringify({ reportType: "X", marketplaceIds: [] }))).status).toBe(400);
    expect((await api("/reports/%E0%A4%A", token)).status).toBe(400);
    expect((await api("/reports/nope", token)).status).toBe(404);
    expect((await fetch(`${amazon.baseUrl}/elsewhere`)).status).toBe(404);
  });
});
