// Block Kit as HTML, for the sandbox page. Interactive elements carry `data-el="<block>:<element>"`
// (the element's place in the blocks, "a" for a section's accessory) so the page can send Slack's
// payload for exactly that element; inputs carry their block and action ids so a submitted modal's
// state is read as Slack builds it. A block or element this file does not know is shown as such,
// never dropped, so a payload the sandbox cannot show is noticed.
import { type Directory, mrkdwnHtml, plainHtml } from "./mrkdwn.ts";

type Obj = Record<string, any>;
export type RenderContext = {
  dir: Directory;
  /** People the users selects offer. */
  people: { id: string; name: string }[];
  /** Channels the conversation selects offer. */
  channels: { id: string; name: string }[];
  /** Inline errors under a modal's inputs, by block id. */
  errors?: Record<string, string>;
};

const attr = (s: unknown) => plainHtml(String(s ?? ""));

export function textHtml(t: Obj | undefined, dir: Directory): string {
  if (!t) return "";
  if (t.type === "mrkdwn") return mrkdwnHtml(String(t.text ?? ""), dir);
  return plainHtml(String(t.text ?? "")).replace(/\n/g, "<br>");
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
      return `<div class="bk-input${error ? " has-error" : ""}" data-input-block="${attr(b.block_id)}">
        <label class="bk-label">${textHtml(b.label, dir)}${b.optional ? ` <span class="bk-optional">(optional)</span>` : ""}</label>
        ${renderElement(b.element, `${i}:e`, ctx, true)}
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
    .map((o, k) => `<option value="${k}"${isChosen(o) ? " selected" : ""}>${plainHtml(o.text?.text ?? "")}</option>`)
    .join("");
}

function renderElement(e: Obj, at: string, ctx: RenderContext, inInput = false): string {
  const { dir } = ctx;
  // Elements outside input blocks send an action at once; inside, they are read on submit.
  const data = `data-el="${at}" data-type="${attr(e.type)}" data-action-id="${attr(e.action_id)}"${inInput ? "" : ` data-live="1"`}`;
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
      const chosen = multi ? (e.initial_options ?? []) : [e.initial_option];
      const first = multi
        ? ""
        : `<option value=""${e.initial_option ? "" : " selected"}>${plainHtml(e.type === "overflow" ? "⋯" : placeholder || "Choose…")}</option>`;
      return `<select class="bk-select" ${data}${multi ? " multiple" : ""}>${first}${optionTags(options, chosen)}</select>`;
    }
    case "users_select":
    case "multi_users_select": {
      const multi = e.type === "multi_users_select";
      const chosen = new Set(multi ? (e.initial_users ?? []) : [e.initial_user]);
      const first = multi ? "" : `<option value="">${plainHtml(placeholder || "Choose a person…")}</option>`;
      const people = ctx.people
        .map((p) => `<option value="${attr(p.id)}"${chosen.has(p.id) ? " selected" : ""}>${plainHtml(p.name)}</option>`)
        .join("");
      return `<select class="bk-select" ${data}${multi ? " multiple" : ""}>${first}${people}</select>`;
    }
    case "conversations_select":
    case "channels_select": {
      const initial = e.initial_conversation ?? e.initial_channel;
      const channels = ctx.channels
        .map(
          (c) => `<option value="${attr(c.id)}"${c.id === initial ? " selected" : ""}>#${plainHtml(c.name)}</option>`,
        )
        .join("");
      return `<select class="bk-select" ${data}><option value="">${plainHtml(placeholder || "Choose a channel…")}</option>${channels}</select>`;
    }
    case "datepicker":
      return `<input type="date" class="bk-date" ${data} value="${attr(e.initial_date)}">`;
    case "timepicker":
      return `<input type="time" class="bk-date" ${data} value="${attr(e.initial_time)}">`;
    case "checkboxes":
    case "radio_buttons": {
      const kind = e.type === "checkboxes" ? "checkbox" : "radio";
      const chosen: Obj[] = e.type === "checkboxes" ? (e.initial_options ?? []) : [e.initial_option];
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
      const common = `class="bk-text-input" ${data} placeholder="${attr(placeholder)}"${e.max_length ? ` maxlength="${attr(e.max_length)}"` : ""}`;
      return e.multiline
        ? `<textarea rows="4" ${common}>${plainHtml(e.initial_value ?? "")}</textarea>`
        : `<input type="${type}" ${common} value="${attr(e.initial_value)}">`;
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
