// Slack requests this process has received and not yet answered. Slack gives up on a request not
// acknowledged within 3 seconds, and everything in the process shares one thread: work that can
// wait (what a click does after its acknowledgement, outbox deliveries, import batches) waits
// until the requests in hand are answered, so a burst of clicks is acknowledged first and worked
// through after. The wait is capped, so background work is slowed by a flood, never stopped.
import type { Server } from "node:http";
import type { Socket } from "node:net";

/** The most a step of background work waits for requests to be answered. */
const MAX_WAIT_MS = 100;
/**
 * How long ago the last request must have been answered before background work goes on: the clicks of a
 * burst arrive a few milliseconds apart, and the next one should not find the thread busy.
 */
const QUIET_MS = 5;

let open = 0;
let lastSeen = 0;
let waiting: (() => void)[] = [];

function answered() {
  open -= 1;
  lastSeen = performance.now();
  if (open > 0) return;
  const ready = waiting;
  waiting = [];
  for (const resume of ready) resume();
}

/** Counts one request (or a connection about to send one) until `settle` is called. */
function opened(): () => void {
  open += 1;
  lastSeen = performance.now();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    answered();
  };
}

/**
 * Counts the Slack requests of `server` (not the intake API's uploads, which may take minutes),
 * and new connections until their first request is read: a burst of clicks often arrives on new
 * connections, a few milliseconds apart.
 */
export function countSlackRequests(server: Server, path = "/slack/") {
  server.prependListener("connection", (socket: Socket) => {
    const settle = opened();
    socket.once("close", settle);
    (socket as Socket & { settleFirstRequest?: () => void }).settleFirstRequest = settle;
  });
  server.prependListener("request", (req, res) => {
    const socket = req.socket as Socket & { settleFirstRequest?: () => void };
    if (req.url?.startsWith(path)) {
      const settle = opened();
      res.once("finish", settle);
      res.once("close", settle);
    }
    socket.settleFirstRequest?.();
    socket.settleFirstRequest = undefined;
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Work released together goes on one piece per turn of the event loop: twenty clicks' follow-up
 * work started in one go would hold the thread for tens of milliseconds, and a click arriving
 * meanwhile would wait for all of it.
 */
let turns = Promise.resolve();
function nextTurn(): Promise<void> {
  const mine = turns.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  turns = mine;
  return mine;
}

/**
 * Resolves once no Slack request has been waiting for its answer for QUIET_MS, or after
 * MAX_WAIT_MS.
 */
export async function whenRequestsAnswered(): Promise<void> {
  const giveUpAt = performance.now() + MAX_WAIT_MS;
  // Always a turn of the event loop: requests that arrived meanwhile are read and counted first.
  await new Promise((resolve) => setImmediate(resolve));
  for (let now = performance.now(); now < giveUpAt; now = performance.now()) {
    if (open === 0) {
      const quietFor = now - lastSeen;
      if (quietFor >= QUIET_MS) {
        await nextTurn();
        if (open === 0) return;
        continue;
      }
      await sleep(Math.min(QUIET_MS - quietFor, giveUpAt - now));
      continue;
    }
    await new Promise<void>((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        resolve();
      };
      // Given up on: no longer listed, so a long flood of requests does not pile up waiters.
      const timer = setTimeout(() => {
        waiting = waiting.filter((w) => w !== resume);
        resolve();
      }, giveUpAt - now);
      waiting.push(resume);
    });
  }
}

/** What listeners are still doing for requests already answered (the change behind a click). */
const listenerWork = new Set<Promise<unknown>>();

/** Runs a listener's work, counted until it ends, so a stop can let it finish. */
export async function countListenerWork<T>(work: () => Promise<T>): Promise<T> {
  const running = work();
  listenerWork.add(running);
  try {
    return await running;
  } finally {
    listenerWork.delete(running);
  }
}

/**
 * Waits until the listeners' work in hand has ended, at most `ms`: on stop, a click that was
 * acknowledged gets its change stored before the database closes. False when time ran out.
 */
export async function listenerWorkDone(ms = 10_000): Promise<boolean> {
  if (listenerWork.size === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = Promise.allSettled([...listenerWork]).then(() => true as const);
  const result = await Promise.race([done, timedOut]);
  clearTimeout(timer);
  return result;
}
