// Building blocks for modals: labelled inputs and selects, all read back the same way.
import type { types } from "@slack/bolt";
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

export function selectInput(
  blockId: string,
  label: string,
  options: Option[],
  opts: { optional?: boolean; initial?: string; placeholder?: string; hint?: string } = {},
): types.InputBlock {
  const toOption = (o: Option) => ({ text: plain(o.label), value: o.value });
  const initial = options.find((o) => o.value === opts.initial);
  return inputBlock(blockId, label, opts, {
    type: "static_select",
    action_id: INPUT_ACTION,
    placeholder: plain(opts.placeholder ?? "Choose…", 150),
    options: options.slice(0, 100).map(toOption),
    ...(initial ? { initial_option: toOption(initial) } : {}),
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

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

/** Reads every input of a submitted modal as block id → text (blank inputs are absent). */
export function readModalState(values: StateValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const a = actions[INPUT_ACTION];
    const v = a?.selected_option?.value ?? a?.value ?? undefined;
    out[blockId] = v === null || v === undefined || v.trim() === "" ? undefined : v;
  }
  return out;
}
