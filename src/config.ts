// The environment, parsed once. Every bad or missing variable gets its own readable line, and all
// of them are reported together, so a person fixing the settings does not learn of them one by one.

import { z } from "zod";
import { type MarketplaceCode, marketplaceCode } from "./domain/amazon.ts";
import {
  type AmazonSettings,
  cronIntervalMs,
  LWA_TOKEN_URL,
  REGION_HOSTS,
  REGION_OF,
  REGIONS,
} from "./domain/amazonFeeds.ts";
import { isValidZone, parseBusinessHours } from "./domain/businessHours.ts";
import { type CrisisSettings, DEFAULT_RISK_PHRASES } from "./domain/crisis.ts";
import type { ChannelSetting } from "./domain/deliveryHealth.ts";
import { cronProblem } from "./domain/digest.ts";
import { actorFor } from "./domain/people.ts";
import { DEFAULT_APPEAL_SETTINGS, DEFAULT_SIGNATURE, type PlaybookSettings } from "./domain/playbook.ts";
import { DEFAULT_REMEDY_SETTINGS, parseLowPriceLimits, parsePercentRange } from "./domain/remedy.ts";
import { mergeTemplates, SHIPPED_TEMPLATES } from "./domain/replyTemplates.ts";
import type { ClockSettings } from "./domain/responseClock.ts";
import { DEFAULT_RETURN_SETTINGS, parseHolidayWindow } from "./domain/returnEligibility.ts";
import { type CardRule, DEFAULT_IMPORT_CARD_LIMIT } from "./domain/returnsImport.ts";
import { DEFAULT_ROUTING, type RoutingRule, type RoutingSettings } from "./domain/routing.ts";
import { RoutingFileError } from "./domain/routingFile.ts";
import { TemplatesFileError } from "./domain/templatesFile.ts";
import { type Lang, parseLanguage } from "./i18n/i18n.ts";
import { loadRoutingFile, loadTemplatesFile } from "./teamFiles.ts";

/** An unset or blank variable counts as not given, so `NAME=` in a .env file means "use the default". */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const commaList = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const userIdList = z
  .string()
  .optional()
  .transform(commaList)
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be Slack user ids like U012ABCDEF, comma-separated")));

const channelId = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id like C012ABCDEF (channel details → bottom of the About tab)");
const optionalChannel = optionalText.pipe(channelId.optional());

type NumberRules = {
  /** Completes "must be …" when the value is not a number, e.g. "a number of minutes, e.g. 15". */
  is: string;
  /** Whole numbers only; a string is the message for a fraction. */
  int?: true | string;
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound (e.g. 0 for "more than nothing"). */
  above?: number;
  /** Message when `min` or `above` is not met. */
  tooSmall?: string;
  max?: number;
  default?: number;
};

/** A number setting: unit, bounds and default in one call; blank means the default (or unset). */
function numberSetting(rules: NumberRules & { default: number }): z.ZodType<number, string | undefined>;
function numberSetting(rules: NumberRules): z.ZodType<number | undefined, string | undefined>;
function numberSetting(rules: NumberRules): z.ZodType<number | undefined, string | undefined> {
  let n = z.coerce.number<string | undefined>({ error: `must be ${rules.is}` });
  if (rules.int) n = n.int(typeof rules.int === "string" ? rules.int : undefined);
  if (rules.min !== undefined) n = n.min(rules.min, rules.tooSmall);
  if (rules.above !== undefined) n = n.gt(rules.above, rules.tooSmall);
  if (rules.max !== undefined) n = n.max(rules.max);
  return optionalText.pipe(rules.default === undefined ? n.optional() : n.default(rules.default));
}

const minutes = (example: string) =>
  ({ is: `a number of minutes (${example})`, above: 0, tooSmall: "must be more than 0 minutes" }) as const;

/**
 * Checked here on its own so it is reported with every other bad setting; the time zone is
 * applied once the whole environment is read (the zone never makes a valid spec invalid).
 */
const businessHoursSpec = optionalText.check((ctx) => {
  if (ctx.value === undefined) return;
  try {
    parseBusinessHours(ctx.value, "UTC");
  } catch (err) {
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      message: `${(err as Error).message} (or leave it unset to count 24/7)`,
    });
  }
});

const digestCron = optionalText.pipe(
  z
    .string()
    .default("0 9 * * 1")
    .check((ctx) => {
      const problem = cronProblem(ctx.value, "UTC");
      if (problem) ctx.issues.push({ code: "custom", input: ctx.value, message: problem });
    }),
);

/** A setting read by one of the playbook's parsers, whose error message says how to write it. */
function parsedSetting<T>(parse: (spec: string) => T, fallback: T) {
  return optionalText.transform((v, ctx): T => {
    if (v === undefined) return fallback;
    try {
      return parse(v);
    } catch (err) {
      ctx.issues.push({ code: "custom", input: v, message: (err as Error).message });
      return z.NEVER;
    }
  });
}

const amazonMarketplaces = optionalText.transform((v, ctx): MarketplaceCode[] => {
  const codes: MarketplaceCode[] = [];
  for (const item of commaList(v)) {
    const code = marketplaceCode(item);
    if (code) codes.push(code);
    else
      ctx.issues.push({
        code: "custom",
        input: v,
        message: `has "${item}", which is not a marketplace: list codes like US,CA or DE,FR,IT,ES,UK`,
      });
  }
  return [...new Set(codes)];
});

const amazonPullCron = optionalText.pipe(
  z
    .string()
    .default("0 */4 * * *")
    .check((ctx) => {
      const problem =
        cronProblem(ctx.value, "UTC") ??
        // Each pull asks Amazon for three reports per marketplace: more often than hourly gains
        // nothing (Amazon adds returns and feedback in batches) and runs into its rate limits.
        (cronIntervalMs(ctx.value) < 3_600_000
          ? 'pulls more often than once an hour; e.g. "0 */4 * * *" for every 4 hours'
          : undefined);
      if (problem)
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: problem.replace(/e\.g\. .*$/, 'e.g. "0 */4 * * *" for every 4 hours'),
        });
    }),
);

const importCards = optionalText.pipe(
  z
    .string()
    .default("seller_fault,claims,risk_words")
    .transform(commaList)
    .pipe(
      z.array(
        z.enum(["seller_fault", "claims", "risk_words", "none"], {
          error: "lists seller_fault, claims, risk_words (or none)",
        }),
      ),
    ),
);

const schema = z
  .object({
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
    PORT: numberSetting({ is: "a port number", int: true, min: 0, max: 65535, default: 3000 }),
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
    ESCALATION_CHANNEL: optionalChannel,
    INTAKE_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    AGENT_USER_IDS: userIdList,
    LEAD_USER_IDS: userIdList,
    AGENT_GROUP_ID: optionalText.pipe(
      z
        .string()
        .regex(/^S[A-Z0-9]{2,}$/, "must be a user group id like S012ABCDEF")
        .optional(),
    ),
    RESPONSE_SLA_MINUTES: numberSetting({ ...minutes("e.g. 60"), default: 60 }),
    SLA_MINUTES_URGENT: numberSetting(minutes("e.g. 30")),
    SLA_MINUTES_HIGH: numberSetting(minutes("e.g. 60")),
    SLA_MINUTES_NORMAL: numberSetting(minutes("e.g. 60")),
    SLA_WARNING_MINUTES: numberSetting({ is: "a number of minutes, e.g. 15", min: 0, default: 15 }),
    REPLY_TARGET_PERCENT: numberSetting({ is: "a percentage, e.g. 95", above: 0, max: 100, default: 95 }),
    SWEEP_INTERVAL_SECONDS: numberSetting({
      is: "a number of seconds",
      int: "must be whole seconds",
      min: 1,
      max: 3600,
      default: 30,
    }),
    TEAM_LANGUAGE: optionalText.transform((v, ctx): Lang => {
      if (v === undefined) return "en";
      const lang = parseLanguage(v);
      if (!lang) ctx.issues.push({ code: "custom", input: v, message: "must be en or zh-CN" });
      return lang ?? "en";
    }),
    TEAM_TIMEZONE: optionalText.pipe(
      z.string().refine(isValidZone, "must be an IANA time zone such as Europe/Berlin or Asia/Shanghai").default("UTC"),
    ),
    BUSINESS_HOURS: businessHoursSpec,
    DIGEST_CHANNEL: optionalChannel,
    DIGEST_CRON: digestCron,
    CRISIS_CHANNEL: optionalChannel,
    WAVE_MIN_CASES: numberSetting({ is: "a whole number of cases", int: true, min: 2, default: 5 }),
    WAVE_WINDOW_HOURS: numberSetting({ is: "a number of hours", above: 0, default: 24 }),
    WAVE_MULTIPLIER: numberSetting({ is: "a number, e.g. 3", min: 1, default: 3 }),
    WAVE_BASELINE_DAYS: numberSetting({ is: "a whole number of days", int: true, min: 1, default: 28 }),
    WAVE_QUIET_HOURS: numberSetting({ is: "a number of hours", above: 0, default: 24 }),
    ODR_ALERT_PERCENT: numberSetting({ is: "a percentage, e.g. 1.0", above: 0, max: 100, default: 1 }),
    ODR_WARNING_PERCENT: numberSetting({ is: "a percentage, e.g. 0.8", above: 0, max: 100, default: 0.8 }),
    RISK_PHRASES: optionalText,
    IMPORT_CARDS: importCards,
    IMPORT_CARD_LIMIT: numberSetting({
      is: "a whole number of cards",
      int: true,
      min: 0,
      default: DEFAULT_IMPORT_CARD_LIMIT,
    }),
    STALLED_DAYS: numberSetting({ is: "a number of days", above: 0, default: 5 }),
    LOW_PRICE_LIMITS: parsedSetting(parseLowPriceLimits, {} as Record<string, number>),
    PARTIAL_REFUND_PERCENT: parsedSetting(parsePercentRange, DEFAULT_REMEDY_SETTINGS.partialRefundPercent),
    COUPON_PERCENT: parsedSetting(parsePercentRange, DEFAULT_REMEDY_SETTINGS.couponPercent),
    RETURN_WINDOW_DAYS: numberSetting({ is: "a whole number of days", int: true, min: 1, default: 30 }),
    HOLIDAY_RETURNS: parsedSetting(parseHolidayWindow, DEFAULT_RETURN_SETTINGS.holiday),
    DELIVERY_DAYS: numberSetting({ is: "a whole number of days", int: true, min: 0, default: 5 }),
    REFUND_BUSINESS_DAYS: numberSetting({ is: "a whole number of business days", int: true, min: 1, default: 2 }),
    APPEAL_WINDOW_DAYS: numberSetting({
      is: "a whole number of days",
      int: true,
      min: 1,
      default: DEFAULT_APPEAL_SETTINGS.windowDays,
    }),
    APPEAL_REMINDER_DAYS: numberSetting({
      is: "a whole number of days",
      int: true,
      min: 0,
      default: DEFAULT_APPEAL_SETTINGS.reminderDays,
    }),
    REPLY_SIGNATURE: optionalText.pipe(
      z.string().max(100, "must be at most 100 characters").default(DEFAULT_SIGNATURE),
    ),
    // Read and checked here, so a bad templates file is reported with every other bad setting.
    TEMPLATES_FILE: optionalText.transform((file, ctx) => {
      if (!file) return [];
      try {
        return loadTemplatesFile(file);
      } catch (err) {
        const problems = err instanceof TemplatesFileError ? err.problems : [(err as Error).message];
        for (const message of problems) ctx.issues.push({ code: "custom", input: file, message: `— ${message}` });
        return z.NEVER;
      }
    }),
    ROUTING_MODE: optionalText.pipe(
      z.enum(["assign", "suggest"], { error: "must be assign or suggest" }).default(DEFAULT_ROUTING.mode),
    ),
    ROUTING_OVERLOAD: numberSetting({
      is: "a whole number of open cases, e.g. 15",
      int: "must be a whole number of open cases",
      min: 1,
      tooSmall: "must be at least 1 open case",
      default: DEFAULT_ROUTING.overload,
    }),
    // Read and checked here, so a bad routing file is reported with every other bad setting.
    ROUTING_FILE: optionalText.transform((file, ctx): RoutingRule[] | undefined => {
      if (!file) return undefined;
      try {
        return loadRoutingFile(file);
      } catch (err) {
        const problems = err instanceof RoutingFileError ? err.problems : [(err as Error).message];
        for (const message of problems) ctx.issues.push({ code: "custom", input: file, message: `— ${message}` });
        return z.NEVER;
      }
    }),
    AMAZON_LWA_CLIENT_ID: optionalText,
    AMAZON_LWA_CLIENT_SECRET: optionalText,
    AMAZON_REFRESH_TOKEN: optionalText.pipe(
      z.string().startsWith("Atzr|", "must be the refresh token from Seller Central, starting with Atzr|").optional(),
    ),
    AMAZON_REGION: optionalText.pipe(z.enum(REGIONS, { error: "must be na, eu or fe" }).optional()),
    AMAZON_MARKETPLACES: amazonMarketplaces,
    AMAZON_PULL_CRON: amazonPullCron,
    AMAZON_API_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://sellingpartnerapi-na.amazon.com" })
        .optional(),
    ),
    AMAZON_TOKEN_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.amazon.com/auth/o2/token" })
        .optional(),
    ),
  })
  .check((ctx) => {
    const e = ctx.value;
    const problem = (path: string, message: string) =>
      ctx.issues.push({ code: "custom", input: e, path: [path], message });
    // A routing file's owners must be people who may work cases, as in the rules form.
    const roles = { agentUserIds: e.AGENT_USER_IDS, leadUserIds: e.LEAD_USER_IDS };
    for (const rule of e.ROUTING_FILE ?? [])
      for (const owner of rule.owners.filter((o) => !actorFor(o, roles).isAgent))
        problem(
          "ROUTING_FILE",
          `— ${owner}, an owner of ${rule.category}${rule.marketplace ? ` in ${rule.marketplace}` : ""}, cannot work on cases: add them to AGENT_USER_IDS or LEAD_USER_IDS, or take them out of the rule`,
        );
    // The connection to Amazon is all or nothing: three credentials, and marketplaces of one region.
    const credentials = ["AMAZON_LWA_CLIENT_ID", "AMAZON_LWA_CLIENT_SECRET", "AMAZON_REFRESH_TOKEN"] as const;
    const given = credentials.filter((k) => e[k] !== undefined);
    if (given.length && given.length < credentials.length) {
      for (const k of credentials.filter((k) => e[k] === undefined))
        problem(k, `is missing: set all three of ${credentials.join(", ")} to connect to Amazon, or none of them`);
      return;
    }
    if (!given.length) {
      // Settings of a connection that is not there would be silently ignored: say so.
      const orphans = ["AMAZON_MARKETPLACES", "AMAZON_REGION", "AMAZON_API_URL", "AMAZON_TOKEN_URL"] as const;
      for (const k of orphans)
        if (k === "AMAZON_MARKETPLACES" ? e[k].length : e[k] !== undefined)
          problem(
            k,
            `is set, but the Amazon credentials are not: set ${credentials.join(", ")} too, or leave it unset`,
          );
      return;
    }
    if (!e.AMAZON_MARKETPLACES.length)
      problem("AMAZON_MARKETPLACES", "is required with the Amazon credentials: the marketplaces to pull, e.g. US,CA");
    const regions = [...new Set(e.AMAZON_MARKETPLACES.map((m) => REGION_OF[m]))];
    if (regions.length > 1)
      problem(
        "AMAZON_MARKETPLACES",
        `mixes regions (${regions.join(", ")}): one bot connects to one region; list marketplaces of one (na: US,CA,MX · eu: UK,DE,FR,IT,ES · fe: JP)`,
      );
    else if (e.AMAZON_REGION && regions[0] && regions[0] !== e.AMAZON_REGION)
      problem("AMAZON_REGION", `is ${e.AMAZON_REGION} but ${e.AMAZON_MARKETPLACES.join(",")} are in ${regions[0]}`);
  })
  .transform((e) => {
    const clock: ClockSettings = {
      slaMinutes: {
        urgent: e.SLA_MINUTES_URGENT ?? e.RESPONSE_SLA_MINUTES,
        high: e.SLA_MINUTES_HIGH ?? e.RESPONSE_SLA_MINUTES,
        normal: e.SLA_MINUTES_NORMAL ?? e.RESPONSE_SLA_MINUTES,
      },
      warningMinutes: e.SLA_WARNING_MINUTES,
      businessHours: e.BUSINESS_HOURS ? parseBusinessHours(e.BUSINESS_HOURS, e.TEAM_TIMEZONE) : undefined,
      stalledDays: e.STALLED_DAYS,
    };
    const crisis: CrisisSettings = {
      channelId: e.CRISIS_CHANNEL ?? e.CASES_CHANNEL,
      wave: {
        minCases: e.WAVE_MIN_CASES,
        windowHours: e.WAVE_WINDOW_HOURS,
        multiplier: e.WAVE_MULTIPLIER,
        baselineDays: e.WAVE_BASELINE_DAYS,
        quietHours: e.WAVE_QUIET_HOURS,
      },
      // A warning above the alert would never be seen: it is capped at the alert.
      odr: { alertPercent: e.ODR_ALERT_PERCENT, warningPercent: Math.min(e.ODR_WARNING_PERCENT, e.ODR_ALERT_PERCENT) },
      riskPhrases: e.RISK_PHRASES ? commaList(e.RISK_PHRASES) : DEFAULT_RISK_PHRASES,
    };
    const playbook: PlaybookSettings = {
      remedy: {
        // Limits given replace the defaults of their currencies only.
        lowPriceLimits: { ...DEFAULT_REMEDY_SETTINGS.lowPriceLimits, ...e.LOW_PRICE_LIMITS },
        partialRefundPercent: e.PARTIAL_REFUND_PERCENT,
        couponPercent: e.COUPON_PERCENT,
      },
      returns: {
        ...DEFAULT_RETURN_SETTINGS,
        windowDays: e.RETURN_WINDOW_DAYS,
        holiday: e.HOLIDAY_RETURNS,
        deliveryDays: e.DELIVERY_DAYS,
        refundBusinessDays: e.REFUND_BUSINESS_DAYS,
      },
      appeal: { windowDays: e.APPEAL_WINDOW_DAYS, reminderDays: e.APPEAL_REMINDER_DAYS },
      templates: mergeTemplates(SHIPPED_TEMPLATES, e.TEMPLATES_FILE),
      signature: e.REPLY_SIGNATURE,
    };
    const routing: RoutingSettings & { fileRules?: RoutingRule[] } = {
      mode: e.ROUTING_MODE,
      overload: e.ROUTING_OVERLOAD,
      fileRules: e.ROUTING_FILE,
    };
    const escalationChannel = e.ESCALATION_CHANNEL ?? e.CASES_CHANNEL;
    const digestChannel = e.DIGEST_CHANNEL ?? e.CASES_CHANNEL;
    // The channels the bot posts to, by the setting that names each (unset ones hold the cases channel).
    const channelSettings: ChannelSetting[] = [
      { name: "CASES_CHANNEL", channelId: e.CASES_CHANNEL },
      { name: "ESCALATION_CHANNEL", channelId: escalationChannel },
      { name: "DIGEST_CHANNEL", channelId: digestChannel },
      { name: "CRISIS_CHANNEL", channelId: crisis.channelId },
    ];
    const region = e.AMAZON_REGION ?? (e.AMAZON_MARKETPLACES[0] ? REGION_OF[e.AMAZON_MARKETPLACES[0]] : "na");
    const amazon: AmazonSettings | undefined =
      e.AMAZON_LWA_CLIENT_ID && e.AMAZON_LWA_CLIENT_SECRET && e.AMAZON_REFRESH_TOKEN
        ? {
            clientId: e.AMAZON_LWA_CLIENT_ID,
            clientSecret: e.AMAZON_LWA_CLIENT_SECRET,
            refreshToken: e.AMAZON_REFRESH_TOKEN,
            region,
            marketplaces: e.AMAZON_MARKETPLACES,
            pullCron: e.AMAZON_PULL_CRON,
            pullIntervalMs: cronIntervalMs(e.AMAZON_PULL_CRON),
            apiUrl: e.AMAZON_API_URL ?? REGION_HOSTS[region],
            tokenUrl: e.AMAZON_TOKEN_URL ?? LWA_TOKEN_URL,
          }
        : undefined;
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
      /** Mentioned when an unclaimed case needs attention; without it the channel is notified with @here. */
      agentGroupId: e.AGENT_GROUP_ID,
      escalationChannel,
      clock,
      sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
      teamTimezone: e.TEAM_TIMEZONE,
      /** The language of messages in shared channels, and of people who have not chosen their own. */
      language: e.TEAM_LANGUAGE,
      digestChannel,
      digestCron: e.DIGEST_CRON,
      /** The share of first replies in time the team aims for: the target line of the charts. */
      replyTargetPercent: e.REPLY_TARGET_PERCENT,
      crisis,
      channelSettings,
      /** Which imported returns get a card right away. */
      importCardRules: e.IMPORT_CARDS.filter((r): r is CardRule => r !== "none"),
      /** The most cards one import posts; the other cases that need action are listed in its summary. */
      importCardLimit: e.IMPORT_CARD_LIMIT,
      playbook,
      /** Owners per case type: assign or suggest, the overload line, and the rules of ROUTING_FILE (unset: none). */
      routing,
      /** The connection to Amazon's Selling Partner API; unset when the team does not use it. */
      amazon,
    };
  });

export type Config = z.output<typeof schema>;

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
  if (parsed.success) return parsed.data;
  // One line per variable, even when a list has several bad entries.
  const lines = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
  throw new ConfigError([...new Set(lines)]);
}
