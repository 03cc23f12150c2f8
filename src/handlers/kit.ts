// What every Slack listener does the same way: open a modal (or say why it could not), show
// validation problems in the modal, read what a modal carries, answer a person privately, and
// never fail in silence once Slack has been acknowledged.
import type { BlockAction, Logger, RespondFn, types, ViewErrorsResponseAction, webApi } from "@slack/bolt";
import type { z } from "zod";
import type { Config } from "../config.ts";
import type { AppDeps } from "../deps.ts";
import { fieldErrors } from "../domain/caseInput.ts";
import { ENGLISH, type Said, say, type Words, words } from "../i18n/i18n.ts";
import { countListenerWork, whenRequestsAnswered } from "../openRequests.ts";
import { personLanguage } from "../store/people.ts";

/** Who should hear an answer, and the channel they are looking at, if there is one. */
export type Recipient = { userId: string; channelId?: string | null };

/** Sends one private line to the person a listener serves; never throws. */
export type Tell = (text: string) => Promise<void>;

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Tells one person something only they see: ephemeral in their channel, else a direct message.
 * When the bot is not in that channel the direct message is sent instead, unless the line is only
 * a courtesy (`directMessageIfRefused: false`). A failure is logged, never thrown.
 */
export async function tellPrivately(
  client: webApi.WebClient,
  to: Recipient,
  text: string,
  logger: Logger,
  opts: { directMessageIfRefused?: boolean } = {},
): Promise<void> {
  if (to.channelId) {
    try {
      await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text });
      return;
    } catch (err) {
      logger.warn(`Could not tell ${to.userId} in ${to.channelId}: ${reason(err)}`);
      if (opts.directMessageIfRefused === false) return;
    }
  }
  try {
    await client.chat.postMessage({ channel: to.userId, text });
  } catch (err) {
    logger.warn(`Could not send ${to.userId} a direct message "${text}": ${reason(err)}`);
  }
}

/** Whoever pressed a button, in the channel of the message it is on. */
export const clicker = (body: BlockAction): Recipient => ({
  userId: body.user.id,
  channelId: body.channel?.id ?? body.container?.channel_id,
});

/** A `Tell` for one person, through `tellPrivately`. */
export const privately =
  (client: webApi.WebClient, to: Recipient, logger: Logger): Tell =>
  (text) =>
    tellPrivately(client, to, text, logger);

/** A `Tell` for whoever ran a slash command: an ephemeral reply where they typed it. */
export const replyPrivately =
  (respond: RespondFn, logger: Logger): Tell =>
  async (text) => {
    try {
      await respond({ response_type: "ephemeral", replace_original: false, text });
    } catch (err) {
      logger.warn(`Could not answer a command with "${text}": ${reason(err)}`);
    }
  };

/**
 * Opens a modal with a trigger id (valid for 3 seconds). When Slack refuses, the person is told
 * which form did not open and what to do; the result says whether the form is open.
 */
export async function openModal(opts: {
  client: webApi.WebClient;
  triggerId: string;
  view: types.ModalView;
  /** The form as the apology names it, e.g. "the resolve form". */
  form: string;
  /** What to do instead, e.g. "Please press Resolve again." */
  again: string;
  tell: Tell;
  logger: Logger;
  /** The language of the apology (the person's); `form` and `again` are given in it. */
  words?: Words;
}): Promise<boolean> {
  try {
    await opts.client.views.open({ trigger_id: opts.triggerId, view: opts.view });
    return true;
  } catch (err) {
    opts.logger.warn(`Could not open ${opts.form}: ${reason(err)}`);
    const w = opts.words ?? ENGLISH;
    await opts.tell(w.t("commands.failed.modalRefused", { form: opts.form, again: opts.again }));
    return false;
  }
}

/** One problem shown under one input of the open modal. */
export function modalError(blockId: string, message: string): ViewErrorsResponseAction {
  return { response_action: "errors", errors: { [blockId]: message } };
}

/**
 * Validation problems shown under the inputs they concern: each field's path names its block in
 * `blocks`; a problem with no input of its own goes under `fallback`. The first problem per block
 * wins, and `first` (problems found outside the schema) come before any of them.
 */
export function modalErrors(
  error: z.ZodError | undefined,
  blocks: Record<string, string>,
  fallback: string,
  first: Record<string, string> = {},
): ViewErrorsResponseAction {
  const errors = { ...first };
  for (const e of error ? fieldErrors(error) : []) errors[blocks[e.path] ?? fallback] ??= e.message;
  return { response_action: "errors", errors };
}

/**
 * What a modal carries in its private_metadata, checked against the shape its view writes.
 * Undefined when it is not JSON or not of that shape (an old form, or one not built by this bot);
 * blank metadata is read as an empty object.
 */
export function readMetadata<T>(raw: string | undefined, schema: z.ZodType<T>): T | undefined {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The parts of any Slack request body that say who sent it and from where. */
type Sender = {
  user?: { id?: string };
  user_id?: string;
  channel?: { id?: string };
  channel_id?: string;
  container?: { channel_id?: string };
  command?: string;
};

type ListenerArgs = {
  // biome-ignore lint/suspicious/noExplicitAny: Bolt's ack functions differ per request type
  ack: (response?: any) => Promise<void>;
  body: unknown;
  logger: Logger;
  client: webApi.WebClient;
  respond?: RespondFn;
};

/** How long a failure's apology waits for the person's language before using the team's. */
const APOLOGY_LANGUAGE_WAIT_MS = 500;

/** The person's words for an apology: quickly, and the team's (or English) when they cannot be read. */
async function apologyWords(deps: WordsDeps | undefined, userId: string | undefined): Promise<Words> {
  if (!deps) return ENGLISH;
  const team = teamWords(deps.config);
  if (!userId) return team;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      wordsFor(deps, userId),
      new Promise<Words>((resolve) => {
        timer = setTimeout(() => resolve(team), APOLOGY_LANGUAGE_WAIT_MS);
      }),
    ]);
  } catch {
    // The failure may be the database itself.
    return team;
  } finally {
    clearTimeout(timer);
  }
}

type WordsDeps = Pick<AppDeps, "prisma" | "config">;

/**
 * Wraps a listener so a failure after Slack was acknowledged (database down, Slack refusing a
 * call) is logged and the person is told privately that it did not work, instead of nothing
 * happening. A failure before the acknowledgement is acknowledged too: in the form itself when
 * `formBlock` names where to show it, otherwise by closing it and telling the person.
 * `failed` says what did not happen, e.g. "the case was not claimed", or as a `Said`; with `deps`
 * the person is told in their language (a `Said` is said in it), otherwise in English.
 */
export function afterAck<Args extends ListenerArgs>(
  failed: string | Said | ((args: Args) => string | Said),
  listener: (args: Args) => Promise<void>,
  opts: { formBlock?: string | ((args: Args) => string); deps?: WordsDeps } = {},
): (args: Args) => Promise<void> {
  return (args) => countListenerWork(() => listen(args));
  async function listen(args: Args): Promise<void> {
    let acked = false;
    const ack: ListenerArgs["ack"] = async (response) => {
      acked = true;
      await args.ack(response);
      // What the listener does next can wait until other people's clicks are acknowledged too.
      await whenRequestsAnswered();
    };
    try {
      await listener({ ...args, ack } as Args);
    } catch (err) {
      const failure = typeof failed === "function" ? failed(args) : failed;
      const sender = args.body as Sender;
      const userId = sender.user?.id ?? sender.user_id;
      args.logger.error(
        `A Slack request failed, ${typeof failure === "string" ? failure : say(ENGLISH, failure)}: ${reason(err)}`,
      );
      const w = await apologyWords(opts.deps, userId);
      const what = typeof failure === "string" ? failure : say(w, failure);
      const text = w.t("commands.failed.tryAgain", { what });
      if (!acked) {
        try {
          if (opts.formBlock) {
            const block = typeof opts.formBlock === "function" ? opts.formBlock(args) : opts.formBlock;
            await args.ack(modalError(block, text));
            return;
          }
          await args.ack();
        } catch (ackErr) {
          args.logger.warn(`Could not acknowledge a failed request: ${reason(ackErr)}`);
        }
      }
      if (sender.command && args.respond) {
        await replyPrivately(args.respond, args.logger)(text);
        return;
      }
      if (!userId) return;
      const channelId = sender.channel?.id ?? sender.container?.channel_id ?? sender.channel_id;
      await tellPrivately(args.client, { userId, channelId }, text, args.logger);
    }
  }
}

/** The words of what only this person sees: their own language, or the team's. */
export async function wordsFor(deps: Pick<AppDeps, "prisma" | "config">, userId: string): Promise<Words> {
  return words((await personLanguage(deps.prisma, userId)) ?? deps.config.language);
}

/** The words of messages in shared channels: the team's language. */
export const teamWords = (config: Pick<Config, "language">): Words => words(config.language);
