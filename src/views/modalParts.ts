// Building blocks for modals: labelled inputs and selects, all read back the same way.
import type { types, ViewErrorsResponseAction } from "@slack/bolt";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { INPUT_ACTION } from "../ids.ts";
import { plain, trimText } from "./text.ts";

export type Option = { value: string; label: string };

export function textInput(
  blockId: string,
  label: string,
  opts: {
    optional?: boolean;
    hint?: string;
    placeholder?: string;
    initial?: string;
    multiline?: boolean;
    maxLength?: number;
  } = {},
): types.InputBlock {
  return inputBlock(blockId, label, opts, {
    type: "plain_text_input",
    action_id: INPUT_ACTION,
    multiline: opts.multiline ?? false,
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
    ...(opts.initial ? { initial_value: trimText(opts.initial, opts.maxLength ?? 3000, "") } : {}),
    ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
  });
}

const toOption = (o: Option) => ({ text: plain(o.label), value: o.value });

export function selectInput(
  blockId: string,
  label: string,
  options: Option[],
  opts: {
    optional?: boolean;
    initial?: string;
    placeholder?: string;
    hint?: string;
    /** Picking an option tells the bot at once (with this action id), e.g. to recompute the form. */
    dispatchActionId?: string;
    /** The reader's words, for the placeholder when none is given. */
    words?: Words;
  } = {},
): types.InputBlock {
  const initial = options.find((o) => o.value === opts.initial);
  const block = inputBlock(blockId, label, opts, {
    type: "static_select",
    action_id: opts.dispatchActionId ?? INPUT_ACTION,
    placeholder: plain(opts.placeholder ?? (opts.words ?? ENGLISH).t("forms.choose"), 150),
    options: options.slice(0, 100).map(toOption),
    ...(initial ? { initial_option: toOption(initial) } : {}),
  });
  return opts.dispatchActionId ? { ...block, dispatch_action: true } : block;
}

/** A day, e.g. when the parcel was delivered. */
export function dateInput(
  blockId: string,
  label: string,
  opts: { optional?: boolean; hint?: string; initial?: string; words?: Words } = {},
): types.InputBlock {
  return inputBlock(blockId, label, opts, {
    type: "datepicker",
    action_id: INPUT_ACTION,
    placeholder: plain((opts.words ?? ENGLISH).t("forms.pickDay"), 150),
    ...(opts.initial ? { initial_date: opts.initial } : {}),
  });
}

/** One choice out of a few, all visible. */
export function radioInput(
  blockId: string,
  label: string,
  options: Option[],
  opts: { optional?: boolean; hint?: string; initial?: string } = {},
): types.InputBlock {
  const initial = options.find((o) => o.value === opts.initial);
  return inputBlock(blockId, label, opts, {
    type: "radio_buttons",
    action_id: INPUT_ACTION,
    options: options.slice(0, 10).map(toOption),
    ...(initial ? { initial_option: toOption(initial) } : {}),
  });
}

/** Several ticks out of a checklist; read back comma-separated. */
export function checkboxesInput(
  blockId: string,
  label: string,
  options: Option[],
  opts: { optional?: boolean; hint?: string; initial?: string[] } = {},
): types.InputBlock {
  const initial = options.filter((o) => opts.initial?.includes(o.value));
  return inputBlock(blockId, label, opts, {
    type: "checkboxes",
    action_id: INPUT_ACTION,
    options: options.slice(0, 10).map(toOption),
    ...(initial.length ? { initial_options: initial.map(toOption) } : {}),
  });
}

/** The labelled frame every modal input shares; the element decides what is typed or picked. */
function inputBlock(
  blockId: string,
  label: string,
  opts: { optional?: boolean; hint?: string },
  element: types.InputBlock["element"],
): types.InputBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label, 2000),
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
    element,
  };
}

export const optionsFrom = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Options whose labels are the reader's words for each value, e.g. `(r) => resolutionName(w, r)`. */
export const optionsOf = <T extends string>(values: readonly T[], label: (value: T) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

/** A problem with one field of a submitted form, already in the reader's words. */
export type FormProblem = { path: string; text: string };

/**
 * Problems shown under the inputs they concern: each field's path names its block in `blocks`; a
 * problem with no input of its own goes under `fallback`. The first problem per block wins, and
 * `first` (problems found outside the schema) come before any of them.
 */
export function formErrors(
  problems: FormProblem[],
  blocks: Record<string, string>,
  fallback: string,
  first: Record<string, string> = {},
): ViewErrorsResponseAction {
  const errors = { ...first };
  for (const p of problems) errors[blocks[p.path] ?? fallback] ??= p.text;
  return { response_action: "errors", errors };
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[] | null;
      selected_date?: string | null;
      selected_user?: string | null;
    }
  >
>;

/**
 * A block id may carry a variant after "~" (e.g. "resolution~refund"): a form that changes what
 * an input starts with gives it a new id, since Slack keeps what was entered in an input whose id
 * stays. Everything else reads the block by its name before the "~".
 */
export const VARIANT = "~";
export const blockName = (blockId: string): string => blockId.split(VARIANT)[0];

/** Reads every input of a submitted modal as block name → text (blank inputs are absent; ticks comma-separated). */
export function readModalState(values: StateValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    // The input's own action id, or the one that tells the bot when it changes (dispatch_action).
    const a = actions[INPUT_ACTION] ?? Object.values(actions)[0];
    const v =
      a?.selected_option?.value ??
      a?.selected_options?.map((o) => o.value).join(",") ??
      a?.selected_date ??
      a?.selected_user ??
      a?.value ??
      undefined;
    out[blockName(blockId)] = v === null || v === undefined || v.trim() === "" ? undefined : v;
  }
  return out;
}

/** The actual block ids of a submitted modal by their names, so errors land under the right input. */
export function blockIdsByName(values: StateValues): Record<string, string> {
  return Object.fromEntries(Object.keys(values).map((id) => [blockName(id), id]));
}
