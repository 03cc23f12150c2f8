// Block Kit as HTML, for the sandbox page. Interactive elements carry `data-el="<block>:<element>"`
// (the element's place in the blocks, "a" for a section's accessory) so the page can send Slack's
// payload for exactly that element; inputs carry their block and action ids so a submitted modal's
// state is read as Slack builds it. A block or element this file does not know is shown as such,
// never dropped, so a payload the sandbox cannot show is noticed.
import { type Directory, mrkdwnHtml, plainHtml, plainTextHtml } from "./mrkdwn.ts";

type Obj = Record<string, any>;

/**
 * What a person entered in one input, as the page reads it: the indexes of the options picked,
 * user or channel ids, a date or time, text; files for a file input.
 */
export type Entered = { value?: string | string[] | null; files?: { id: string; name: string }[] };

export type RenderContext = {
  dir: Directory;
  /** People the users selects offer. */
  people: { id: string; name: string }[];
  /** Channels the conversation selects offer. */
  channels: { id: string; name: string }[];
  /** Inline errors under a modal's inputs, by block id. */
  errors?: Record<string, string>;
  /** What the person entered in a modal's inputs, by block id: shown instead of the initial values. */
  entered?: Record<string, Entered>;
};

const attr = (s: unknown) => plainHtml(String(s ?? ""));

export function textHtml(t: Obj | undefined, dir: Directory): string {
  if (!t) return "";
  if (t.type === "mrkdwn") return mrkdwnHtml(String(t.text ?? ""), dir);
  return plainTextHtml(String(t.text ?? ""), t.emoji !== false).replace(/\n/g, "<br>");
}

export function renderBlocks(blocks: Obj[] | undefined, ctx: RenderContext): string {
  return (blocks ?? []).map((b, i) => renderBlock(b, i, ctx)).join("");
}

function renderBlock(b: Obj, i: number, ctx: RenderContext): string {
  const { dir } = ctx;
  switch (b.type) {
    case "header":
      return `<div class="bk-header">${textHtml(b.text, dir)}</div>`;
    case "divider":
      return `<hr class="bk-divider">`;
    case "section": {
      const text = b.text ? `<div class="bk-text">${textHtml(b.text, dir)}</div>` : "";
      const fields = b.fields?.length
        ? `<div class="bk-fields">${b.fields.map((f: Obj) => `<div class="bk-field">${textHtml(f, dir)}</div>`).join("")}</div>`
        : "";
      const accessory = b.accessory
        ? `<div class="bk-accessory">${renderElement(b.accessory, `${i}:a`, ctx)}</div>`
        : "";
      return `<div class="bk-section"><div class="bk-section-body">${text}${fields}</div>${accessory}</div>`;
    }
    case "context":
      return `<div class="bk-context">${(b.elements ?? [])
        .map((e: Obj) =>
          e.type === "image"
            ? `<img class="bk-context-image" src="${attr(e.image_url)}" alt="${attr(e.alt_text)}">`
            : `<span>${textHtml(e, dir)}</span>`,
        )
        .join("")}</div>`;
    case "actions":
      return `<div class="bk-actions">${(b.elements ?? []).map((e: Obj, j: number) => renderElement(e, `${i}:${j}`, ctx)).join("")}</div>`;
    case "image":
      return `<figure class="bk-image">${b.title ? `<figcaption>${textHtml(b.title, dir)}</figcaption>` : ""}<img src="${attr(b.image_url)}" alt="${attr(b.alt_text)}"></figure>`;
    case "input": {
      const error = b.block_id && ctx.errors?.[b.block_id];
      const input = {
        entered: b.block_id ? ctx.entered?.[b.block_id] : undefined,
        dispatch: b.dispatch_action === true,
      };
      return `<div class="bk-input${error ? " has-error" : ""}" data-input-block="${attr(b.block_id)}">
        <label class="bk-label">${textHtml(b.label, dir)}${b.optional ? ` <span class="bk-optional">(optional)</span>` : ""}</label>
        ${renderElement(b.element, `${i}:e`, ctx, input)}
        ${error ? `<div class="bk-error" role="alert">${plainHtml(error)}</div>` : ""}
        ${b.hint ? `<div class="bk-hint">${textHtml(b.hint, dir)}</div>` : ""}
      </div>`;
    }
    default:
      return `<div class="bk-unknown">The sandbox cannot show a “${attr(b.type)}” block yet.</div>`;
  }
}

/** Options as `<option>`s; their index is their value, so the page can send the option object itself. */
function optionTags(options: Obj[], chosen: Obj[]): string {
  const isChosen = (o: Obj) => chosen.some((c) => c?.value === o.value);
  return options
    .map(
      (o, k) =>
        `<option value="${k}"${isChosen(o) ? " selected" : ""}>${plainTextHtml(o.text?.text ?? "", o.text?.emoji !== false)}</option>`,
    )
    .join("");
}

/** The values an input shows: what the person entered, else the element's initial ones. */
const shownValues = (entered: Entered | undefined, initial: unknown[]): string[] => {
  if (!entered) return initial.filter((v) => v !== undefined && v !== null).map(String);
  const v = entered.value;
  return Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v];
};

/** The options an input shows as picked: those the person picked (by index), else the initial ones. */
function shownOptions(e: Obj, entered: Entered | undefined): Obj[] {
  const initial: Obj[] = e.initial_options ?? (e.initial_option ? [e.initial_option] : []);
  if (!entered) return initial;
  return shownValues(entered, []).flatMap((k) => optionsOf(e)[Number(k)] ?? []);
}

/**
 * An input block that asks Slack to tell the app at once: a pick as it is made, typed text when
 * Enter is pressed or as it is typed, as the text input's dispatch_action_config says.
 */
function dispatchData(e: Obj, dispatch: boolean): string {
  if (!dispatch) return "";
  const typed = ["plain_text_input", "number_input", "email_text_input", "url_text_input"].includes(e.type);
  const on: string[] = e.dispatch_action_config?.trigger_actions_on ?? ["on_enter_pressed"];
  const when = typed ? on.map((t) => (t === "on_character_entered" ? "character" : "enter")).join(" ") : "change";
  return ` data-live="1" data-dispatch="${attr(when)}"`;
}

function renderElement(
  e: Obj,
  at: string,
  ctx: RenderContext,
  input?: { entered?: Entered; dispatch: boolean },
): string {
  const { dir } = ctx;
  // Elements outside input blocks send an action at once; inside, they are read on submit, unless
  // the input block asks Slack to tell the app of every change (dispatch_action).
  const live = input ? dispatchData(e, input.dispatch) : ` data-live="1"`;
  const data = `data-el="${at}" data-type="${attr(e.type)}" data-action-id="${attr(e.action_id)}"${live}`;
  const entered = input?.entered;
  const placeholder = e.placeholder?.text ?? "";
  switch (e.type) {
    case "button": {
      const style = e.style === "primary" || e.style === "danger" ? ` ${e.style}` : "";
      return `<button type="button" class="bk-button${style}" ${data}>${textHtml(e.text, dir)}</button>`;
    }
    case "static_select":
    case "multi_static_select":
    case "overflow": {
      const options = optionsOf(e);
      const multi = e.type === "multi_static_select";
      const chosen = e.type === "overflow" ? [] : shownOptions(e, entered);
      const first = multi
        ? ""
        : `<option value=""${chosen.length ? "" : " selected"}>${plainHtml(e.type === "overflow" ? "⋯" : placeholder || "Choose…")}</option>`;
      return `<select class="bk-select" ${data}${multi ? " multiple" : ""}>${first}${optionTags(options, chosen)}</select>`;
    }
    case "users_select":
    case "multi_users_select": {
      const multi = e.type === "multi_users_select";
      const chosen = new Set(shownValues(entered, multi ? (e.initial_users ?? []) : [e.initial_user]));
      const first = multi ? "" : `<option value="">${plainHtml(placeholder || "Choose a person…")}</option>`;
      const people = ctx.people
        .map((p) => `<option value="${attr(p.id)}"${chosen.has(p.id) ? " selected" : ""}>${plainHtml(p.name)}</option>`)
        .join("");
      return `<select class="bk-select" ${data}${multi ? " multiple" : ""}>${first}${people}</select>`;
    }
    case "conversations_select":
    case "channels_select": {
      const [initial] = shownValues(entered, [e.initial_conversation ?? e.initial_channel]);
      const channels = ctx.channels
        .map(
          (c) => `<option value="${attr(c.id)}"${c.id === initial ? " selected" : ""}>#${plainHtml(c.name)}</option>`,
        )
        .join("");
      return `<select class="bk-select" ${data}><option value="">${plainHtml(placeholder || "Choose a channel…")}</option>${channels}</select>`;
    }
    case "datepicker":
      return `<input type="date" class="bk-date" ${data} value="${attr(shownValues(entered, [e.initial_date])[0])}">`;
    case "timepicker":
      return `<input type="time" class="bk-date" ${data} value="${attr(shownValues(entered, [e.initial_time])[0])}">`;
    case "checkboxes":
    case "radio_buttons": {
      const kind = e.type === "checkboxes" ? "checkbox" : "radio";
      const chosen = shownOptions(e, entered);
      const name = `${at}-${Math.random().toString(36).slice(2, 8)}`;
      const options = (e.options ?? [])
        .map(
          (o: Obj, k: number) =>
            `<label class="bk-choice"><input type="${kind}" name="${name}" value="${k}"${chosen.some((c) => c?.value === o.value) ? " checked" : ""}> <span>${textHtml(o.text, dir)}${o.description ? `<span class="bk-hint">${textHtml(o.description, dir)}</span>` : ""}</span></label>`,
        )
        .join("");
      return `<div class="bk-choices" ${data}>${options}</div>`;
    }
    case "plain_text_input":
    case "number_input":
    case "email_text_input":
    case "url_text_input": {
      const type =
        { number_input: "number", email_text_input: "email", url_text_input: "url" }[e.type as string] ?? "text";
      const value = shownValues(entered, [e.initial_value])[0] ?? "";
      const common = `class="bk-text-input" ${data} placeholder="${attr(placeholder)}"${e.max_length ? ` maxlength="${attr(e.max_length)}"` : ""}`;
      return e.multiline
        ? `<textarea rows="4" ${common}>${plainHtml(value)}</textarea>`
        : `<input type="${type}" ${common} value="${attr(value)}">`;
    }
    case "file_input": {
      const accept = (e.filetypes ?? []).map((t: string) => `.${t}`).join(",");
      return `<input type="file" class="bk-file" ${data}${accept ? ` accept="${attr(accept)}"` : ""}${(e.max_files ?? 1) > 1 ? " multiple" : ""}>`;
    }
    default:
      return `<span class="bk-unknown">The sandbox cannot show a “${attr(e.type)}” element yet.</span>`;
  }
}

/** The element a `data-el` address points at. */
export function elementAt(blocks: Obj[] | undefined, at: string): { block: Obj; element: Obj } | undefined {
  const [bi, ei] = at.split(":");
  const block = blocks?.[Number(bi)];
  if (!block) return undefined;
  const element = ei === "a" ? block.accessory : ei === "e" ? block.element : block.elements?.[Number(ei)];
  return element ? { block, element } : undefined;
}

/** Every option an element lists, flattened out of option groups, in the order the page numbered them. */
export function optionsOf(element: Obj): Obj[] {
  return element.options ?? (element.option_groups ?? []).flatMap((g: Obj) => g.options ?? []);
}

/**
 * What a person entered that stays when their view is replaced (views.update, or a submission
 * answered with "update"): Slack keeps an input's value while its block id and action id stay the
 * same, and shows the new view's initial value where either changed. Picked options are carried
 * by their value, since the page numbers them by position.
 */
export function enteredKept(
  before: Obj[] | undefined,
  after: Obj[] | undefined,
  entered: Record<string, Entered>,
): Record<string, Entered> {
  const kept: Record<string, Entered> = {};
  for (const b of after ?? []) {
    const was = b.type === "input" && b.block_id ? (before ?? []).find((o) => o.block_id === b.block_id) : undefined;
    const value = entered[b.block_id];
    if (was?.type !== "input" || !value) continue;
    const [old, now] = [was.element ?? {}, b.element ?? {}];
    if (old.action_id !== now.action_id || old.type !== now.type) continue;
    if (!OPTION_ELEMENTS.has(now.type)) {
      kept[b.block_id] = value;
      continue;
    }
    const moved = (k: string) => {
      const o = optionsOf(old)[Number(k)];
      const i = o ? optionsOf(now).findIndex((n) => n.value === o.value) : -1;
      return i < 0 ? [] : [String(i)];
    };
    if (Array.isArray(value.value)) kept[b.block_id] = { value: value.value.flatMap(moved) };
    else if (!value.value) kept[b.block_id] = { value: null };
    // An option that is no longer offered leaves the input as the new view starts it.
    else if (moved(value.value).length) kept[b.block_id] = { value: moved(value.value)[0] };
  }
  return kept;
}

/** Elements whose value is one or more of their options. */
const OPTION_ELEMENTS = new Set(["static_select", "multi_static_select", "radio_buttons", "checkboxes"]);
