// Slack requests this process has received and not yet answered. Slack gives up on a request not
// acknowledged within 3 seconds, and everything in the process shares one thread: work that can
// wait (what a click does after its acknowledgement, outbox deliveries, import batches) waits
// until the requests in hand are answered, so a burst of clicks is acknowledged first and worked
// through after. The wait is capped, so background work is slowed by a flood, never stopped.
import type { Server } from "node:http";
import type { Socket } from "node:net";

/** The most a step of background work waits for requests to be answered. */
const MAX_WAIT_MS = 100;

let open = 0;
let waiting: (() => void)[] = [];

function answered() {
  open -= 1;
  if (open > 0) return;
  const ready = waiting;
  waiting = [];
  for (const resume of ready) resume();
}

/** Counts one request (or a connection about to send one) until `settle` is called. */
function opened(): () => void {
  open += 1;
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

/** Resolves once no Slack request is waiting for its answer, or after MAX_WAIT_MS. */
export function whenRequestsAnswered(): Promise<void> {
  // Always a turn of the event loop: requests that arrived meanwhile are read and counted first.
  return new Promise((resolve) =>
    setImmediate(() => {
      if (open === 0) return resolve();
      const timer = setTimeout(resolve, MAX_WAIT_MS);
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    }),
  );
}
