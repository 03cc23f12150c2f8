// The environment, parsed once. Every bad or missing variable gets its own readable line.
import { z } from "zod";
import { type BusinessHours, isValidZone, parseBusinessHours } from "./domain/businessHours.ts";
import { type CrisisSettings, DEFAULT_RISK_PHRASES } from "./domain/crisis.ts";
import { cronProblem } from "./domain/digest.ts";
import type { ClockSettings } from "./domain/responseClock.ts";
import type { CardRule } from "./domain/returnsImport.ts";

const userIdList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be Slack user ids like U012ABCDEF, comma-separated")));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const minutes = (what: string) =>
  z.coerce
    .number<string | undefined>({ error: `must be a number of minutes (${what})` })
    .positive("must be more than 0 minutes");
const optionalMinutes = (what: string) => optionalText.pipe(minutes(what).optional());
const channelId = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id like C012ABCDEF (channel details → bottom of the About tab)");

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: "is required: the app's Bot User OAuth Token (xoxb-…), from OAuth & Permissions" })
    .startsWith("xoxb-", "must be a bot token starting with xoxb-"),
  SLACK_SIGNING_SECRET: z
    .string({ error: "is required: the Signing Secret from Basic Information → App Credentials" })
    .min(1, "must not be empty"),
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .startsWith("xapp-", "must be an app-level token starting with xapp- (or unset for HTTP mode)")
      .optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url("must be a URL such as https://slack.com/api/").optional()),
  PORT: z.coerce.number<string | undefined>({ error: "must be a port number" }).int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (or unset for the embedded database)")
      .optional(),
  ),
  DATA_DIR: z.string().default("./data"),
  CASES_CHANNEL: z
    .string({ error: "is required: the id of the channel where new cases are posted (e.g. C012ABCDEF)" })
    .pipe(channelId),
  ESCALATION_CHANNEL: optionalText.pipe(channelId.optional()),
  INTAKE_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  AGENT_USER_IDS: userIdList,
  LEAD_USER_IDS: userIdList,
  AGENT_GROUP_ID: optionalText.pipe(
    z
      .string()
      .regex(/^S[A-Z0-9]{2,}$/, "must be a user group id like S012ABCDEF")
      .optional(),
  ),
  RESPONSE_SLA_MINUTES: optionalText.pipe(minutes("e.g. 60").default(60)),
  SLA_MINUTES_URGENT: optionalMinutes("e.g. 30"),
  SLA_MINUTES_HIGH: optionalMinutes("e.g. 60"),
  SLA_MINUTES_NORMAL: optionalMinutes("e.g. 60"),
  SLA_WARNING_MINUTES: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a number of minutes, e.g. 15" }).min(0).default(15),
  ),
  SWEEP_INTERVAL_SECONDS: optionalText.pipe(
    z.coerce
      .number<string | undefined>({ error: "must be a number of seconds" })
      .int("must be whole seconds")
      .min(1)
      .max(3600)
      .default(30),
  ),
  TEAM_TIMEZONE: optionalText.pipe(
    z.string().refine(isValidZone, "must be an IANA time zone such as Europe/Berlin or Asia/Shanghai").default("UTC"),
  ),
  BUSINESS_HOURS: optionalText,
  DIGEST_CHANNEL: optionalText.pipe(channelId.optional()),
  DIGEST_CRON: optionalText.pipe(z.string().default("0 9 * * 1")),
  CRISIS_CHANNEL: optionalText.pipe(channelId.optional()),
  WAVE_MIN_CASES: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a whole number of cases" }).int().min(2).default(5),
  ),
  WAVE_WINDOW_HOURS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a number of hours" }).positive().default(24),
  ),
  WAVE_MULTIPLIER: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a number, e.g. 3" }).min(1).default(3),
  ),
  WAVE_BASELINE_DAYS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a whole number of days" }).int().min(1).default(28),
  ),
  WAVE_QUIET_HOURS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a number of hours" }).positive().default(24),
  ),
  ODR_ALERT_PERCENT: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a percentage, e.g. 1.0" }).positive().max(100).default(1),
  ),
  ODR_WARNING_PERCENT: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a percentage, e.g. 0.8" }).positive().max(100).default(0.8),
  ),
  RISK_PHRASES: optionalText,
  IMPORT_CARDS: optionalText.pipe(
    z
      .string()
      .default("seller_fault,claims,risk_words")
      .transform((v) =>
        v
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.enum(["seller_fault", "claims", "risk_words", "none"], {
            error: "lists seller_fault, claims, risk_words (or none)",
          }),
        ),
      ),
  ),
  STALLED_DAYS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a number of days" }).positive().default(5),
  ),
});

export type Config = {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  slackApiUrl?: string;
  port: number;
  databaseUrl?: string;
  dataDir: string;
  casesChannel: string;
  intakeToken?: string;
  agentUserIds: string[];
  leadUserIds: string[];
  /** Mentioned when an unclaimed case needs attention; without it the channel is notified with @here. */
  agentGroupId?: string;
  escalationChannel: string;
  clock: ClockSettings;
  sweepIntervalSeconds: number;
  teamTimezone: string;
  digestChannel: string;
  digestCron: string;
  crisis: CrisisSettings;
  /** Which imported returns get a card right away. */
  importCardRules: CardRule[];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "The bot cannot start because of its settings:\n" +
        problems.map((p) => `  - ${p}`).join("\n") +
        "\nSet them in the environment or in a .env file (see .env.example and the README's Configuration section).",
    );
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    // One line per variable, even when a list has several bad entries.
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
    throw new ConfigError([...new Set(lines)]);
  }
  const e = parsed.data;
  let businessHours: BusinessHours | undefined;
  if (e.BUSINESS_HOURS) {
    try {
      businessHours = parseBusinessHours(e.BUSINESS_HOURS, e.TEAM_TIMEZONE);
    } catch (err) {
      throw new ConfigError([`BUSINESS_HOURS ${(err as Error).message} (or leave it unset to count 24/7)`]);
    }
  }
  const cronIssue = cronProblem(e.DIGEST_CRON, e.TEAM_TIMEZONE);
  if (cronIssue) throw new ConfigError([`DIGEST_CRON ${cronIssue}`]);
  return {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    casesChannel: e.CASES_CHANNEL,
    intakeToken: e.INTAKE_TOKEN,
    agentUserIds: e.AGENT_USER_IDS,
    leadUserIds: e.LEAD_USER_IDS,
    agentGroupId: e.AGENT_GROUP_ID,
    escalationChannel: e.ESCALATION_CHANNEL ?? e.CASES_CHANNEL,
    clock: {
      slaMinutes: {
        urgent: e.SLA_MINUTES_URGENT ?? e.RESPONSE_SLA_MINUTES,
        high: e.SLA_MINUTES_HIGH ?? e.RESPONSE_SLA_MINUTES,
        normal: e.SLA_MINUTES_NORMAL ?? e.RESPONSE_SLA_MINUTES,
      },
      warningMinutes: e.SLA_WARNING_MINUTES,
      businessHours,
      stalledDays: e.STALLED_DAYS,
    },
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    teamTimezone: e.TEAM_TIMEZONE,
    digestChannel: e.DIGEST_CHANNEL ?? e.CASES_CHANNEL,
    digestCron: e.DIGEST_CRON,
    crisis: {
      channelId: e.CRISIS_CHANNEL ?? e.CASES_CHANNEL,
      wave: {
        minCases: e.WAVE_MIN_CASES,
        windowHours: e.WAVE_WINDOW_HOURS,
        multiplier: e.WAVE_MULTIPLIER,
        baselineDays: e.WAVE_BASELINE_DAYS,
        quietHours: e.WAVE_QUIET_HOURS,
      },
      odr: { alertPercent: e.ODR_ALERT_PERCENT, warningPercent: Math.min(e.ODR_WARNING_PERCENT, e.ODR_ALERT_PERCENT) },
      riskPhrases: e.RISK_PHRASES
        ? e.RISK_PHRASES.split(",")
            .map((p) => p.trim())
            .filter(Boolean)
        : DEFAULT_RISK_PHRASES,
    },
    importCardRules: e.IMPORT_CARDS.filter((r): r is CardRule => r !== "none"),
  };
}
