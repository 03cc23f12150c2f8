// Builds the Bolt app and registers every handler. It never listens by itself (see server.ts).
import { App, type Logger, LogLevel } from "@slack/bolt";
import type { AppDeps } from "./deps.ts";
import { register as amazon } from "./handlers/amazon.ts";
import { register as caseActions } from "./handlers/caseActions.ts";
import { register as caseCommand } from "./handlers/caseCommand.ts";
import { register as caseFind } from "./handlers/caseFind.ts";
import { register as crisisActions } from "./handlers/crisisActions.ts";
import { register as draftReply } from "./handlers/draftReply.ts";
import { register as home } from "./handlers/home.ts";
import { intakeRoutes } from "./handlers/intakeApi.ts";
import { register as newCase } from "./handlers/newCase.ts";
import { register as playbookActions } from "./handlers/playbookActions.ts";
import { register as reports } from "./handlers/reports.ts";
import { register as resolveCase } from "./handlers/resolveCase.ts";
import { register as returnsImport } from "./handlers/returnsImport.ts";
import { register as routing } from "./handlers/routing.ts";
import { register as workspaceActions } from "./handlers/workspaceActions.ts";
import { SLACK_CALL_TIMEOUT_MS } from "./jobs/slackErrors.ts";
import type { BotIdentity } from "./slackIdentity.ts";

export function createApp(
  deps: AppDeps,
  opts: { logger?: Logger; logLevel?: LogLevel; identity?: BotIdentity } = {},
): App {
  const { config } = deps;
  // Bolt takes its HTTP routes before the app (and its logger) exists: they log through it once it does.
  const routeLogger = {
    error: (...msg: unknown[]) => app.logger.error(...msg),
    warn: (...msg: unknown[]) => app.logger.warn(...msg),
  };
  const app = new App({
    token: config.botToken,
    // Known ids spare Bolt its own start-up auth.test.
    ...(opts.identity ? { botId: opts.identity.botId, botUserId: opts.identity.botUserId } : {}),
    signingSecret: config.signingSecret,
    ...(config.appToken ? { socketMode: true, appToken: config.appToken } : {}),
    port: config.port,
    customRoutes: intakeRoutes(deps, routeLogger),
    logger: opts.logger,
    logLevel: opts.logLevel ?? LogLevel.INFO,
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      // Calls made while a person waits fail fast; the outbox owns long retries and rate-limit pauses.
      retryConfig: { retries: 0 },
      // A call Slack never answers must not hold a delivery past its reservation (outbox.ts).
      timeout: SLACK_CALL_TIMEOUT_MS,
      rejectRateLimitedCalls: true,
    },
  });
  caseCommand(app, deps);
  newCase(app, deps);
  caseActions(app, deps);
  resolveCase(app, deps);
  reports(app, deps);
  crisisActions(app, deps);
  returnsImport(app, deps);
  playbookActions(app, deps);
  draftReply(app, deps);
  caseFind(app, deps);
  workspaceActions(app, deps);
  routing(app, deps);
  home(app, deps);
  amazon(app, deps);
  app.error(async (err) => {
    app.logger.error(`Unhandled error in a Slack listener: ${err.message}`);
  });
  return app;
}
