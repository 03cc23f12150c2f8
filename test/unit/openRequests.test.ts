// Background work waits for the Slack requests in hand to be answered, but never for long.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countListenerWork,
  countSlackRequests,
  listenerWorkDone,
  whenRequestsAnswered,
} from "../../src/openRequests.ts";

let release = undefined as (() => void) | undefined;
const server = createServer((req, res) => {
  if (req.url === "/slack/events") release = () => res.end("ok");
  else res.end("ok");
});
countSlackRequests(server);
let port: number;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe("work that waits for Slack requests to be answered", () => {
  it("goes on at once when no request is waiting", async () => {
    const t0 = performance.now();
    await whenRequestsAnswered();
    expect(performance.now() - t0).toBeLessThan(90); // not the 100 ms a waiting request would cost
  });

  it("waits until the Slack request in hand is answered", async () => {
    release = undefined;
    const answer = fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: "x" });
    await until(() => release !== undefined);
    let resumed = false;
    const waiting = whenRequestsAnswered().then(() => {
      resumed = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(resumed).toBe(false);
    (release as (() => void) | undefined)?.();
    await waiting;
    expect(resumed).toBe(true);
    expect((await answer).status).toBe(200);
  });

  it("waits no longer than its limit for a request that is not answered", async () => {
    release = undefined;
    const answer = fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: "x" });
    await until(() => release !== undefined);
    const t0 = performance.now();
    await whenRequestsAnswered();
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(1000);
    (release as (() => void) | undefined)?.();
    await answer;
  });

  it("counts a new connection until its first request is read, and not the intake API's requests", async () => {
    const socket = connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    await new Promise((r) => setTimeout(r, 20)); // the server has accepted it
    let resumed = false;
    const waiting = whenRequestsAnswered().then(() => {
      resumed = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(resumed).toBe(false);
    // A request outside /slack/ settles the connection and is not counted itself.
    socket.write("GET /api/cases HTTP/1.1\r\nHost: x\r\n\r\n");
    await waiting;
    expect(resumed).toBe(true);
    socket.destroy();
  });
});

describe("work behind answered requests, on stop", () => {
  it("is waited for until it ends", async () => {
    let stored = false;
    const work = countListenerWork(async () => {
      await new Promise((r) => setTimeout(r, 50));
      stored = true;
    });
    expect(await listenerWorkDone(5_000)).toBe(true);
    expect(stored).toBe(true);
    await work;
  });

  it("is given up on after the time allowed", async () => {
    let release = () => {};
    const work = countListenerWork(() => new Promise<void>((r) => (release = r)));
    expect(await listenerWorkDone(30)).toBe(false);
    release();
    await work;
    expect(await listenerWorkDone(30)).toBe(true);
  });
});
