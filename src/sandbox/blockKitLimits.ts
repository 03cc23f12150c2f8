// Slack's documented Block Kit limits, checked on any payload the bot builds.
// Returns a list of problems (empty when Slack would accept the payload).
// Lengths are counted in UTF-16 code units, which is never fewer than Slack's characters.

type Obj = Record<string, any>;

export function blockKitProblems(
  payload: { blocks?: Obj[]; text?: string } | Obj,
  surface: "message" | "modal" | "home",
): string[] {
  if (payload.blocks !== undefined && !Array.isArray(payload.blocks)) return ["blocks is not a list"];
  try {
    return problemsOf(payload, surface);
  } catch (err) {
    // A block missing a part Slack requires (an input without element, an option without value).
    return [`a block Slack cannot read: ${(err as Error).message}`];
  }
}

function problemsOf(payload: { blocks?: Obj[]; text?: string } | Obj, surface: "message" | "modal" | "home"): string[] {
  const problems: string[] = [];
  const p = payload as Obj;
  const maxBlocks = surface === "message" ? 50 : 100;
  if (surface === "home" && (p.private_metadata ?? "").length > 3000) problems.push("private_metadata > 3000");
  const blocks: Obj[] = p.blocks ?? [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  if (surface === "message") {
    if (!p.text || !String(p.text).trim()) problems.push("message without fallback text");
    else if (String(p.text).length > 40_000) problems.push(`fallback text ${String(p.text).length} > 40000`);
    if (typeof p.text === "string" && halfCharacter(p.text)) problems.push("fallback text cuts a character in half");
  }
  if (surface === "modal") {
    for (const k of ["title", "submit", "close"]) if (p[k]) textObject(p[k], 24, `modal ${k}`, problems);
    if (!p.title) problems.push("modal without title");
    if (!p.submit && blocks.some((b) => b.type === "input")) problems.push("modal with inputs but no submit button");
    if ((p.private_metadata ?? "").length > 3000) problems.push("private_metadata > 3000");
    if (p.callback_id && p.callback_id.length > 255) problems.push("callback_id > 255");
  }
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    if (b.block_id !== undefined) {
      if (b.block_id.length > 255) problems.push(`${where}: block_id > 255`);
      if (blockIds.has(b.block_id)) problems.push(`${where}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case "header":
        textObject(b.text, 150, `${where} header`, problems);
        break;
      case "section":
        if (!b.text && !b.fields) problems.push(`${where}: neither text nor fields`);
        if (b.text) textObject(b.text, 3000, where, problems);
        if (b.fields) {
          if (b.fields.length > 10) problems.push(`${where}: ${b.fields.length} fields > 10`);
          for (const f of b.fields) textObject(f, 2000, `${where} field`, problems);
        }
        if (b.accessory) {
          if (INPUT_ONLY.has(b.accessory.type)) problems.push(`${where}: ${b.accessory.type} cannot be an accessory`);
          element(b.accessory, where, problems);
        }
        break;
      case "context":
        if (!b.elements?.length || b.elements.length > 10)
          problems.push(`${where}: ${b.elements?.length ?? 0} elements (1–10)`);
        for (const e of b.elements ?? []) if (e.type !== "image") textObject(e, 3000, where, problems);
        break;
      case "actions":
        if (!b.elements?.length || b.elements.length > 25)
          problems.push(`${where}: ${b.elements?.length ?? 0} elements (1–25)`);
        for (const e of b.elements ?? []) {
          if (INPUT_ONLY.has(e.type)) problems.push(`${where}: ${e.type} belongs in an input block`);
          element(e, where, problems);
        }
        break;
      case "input":
        textObject(b.label, 2000, `${where} label`, problems);
        if (b.hint) textObject(b.hint, 2000, `${where} hint`, problems);
        if (!INPUT_ELEMENTS.has(b.element?.type)) problems.push(`${where}: ${b.element?.type} cannot be an input`);
        if (b.dispatch_action !== undefined && typeof b.dispatch_action !== "boolean")
          problems.push(`${where}: dispatch_action is not true or false`);
        // Slack raises "unsupported type" for a file input that would tell the app of every change.
        if (b.dispatch_action === true && b.element?.type === "file_input")
          problems.push(`${where}: dispatch_action with a file_input`);
        element(b.element, where, problems);
        break;
      case "divider":
        break;
      case "image":
        if (!b.image_url || !b.alt_text) problems.push(`${where}: image without image_url or alt_text`);
        if ((b.alt_text ?? "").length > 2000) problems.push(`${where}: alt_text > 2000`);
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

/** Where Slack takes plain text only: headers, modal titles and buttons, labels, placeholders, options. */
const PLAIN_ONLY = /modal (title|submit|close)|label|placeholder|button|option|header/;

function textObject(t: Obj | undefined, max: number, where: string, problems: string[]) {
  if (!t || typeof t.text !== "string") return problems.push(`${where}: missing text object`);
  if (!["plain_text", "mrkdwn"].includes(t.type)) problems.push(`${where}: text type ${t.type}`);
  if (t.type === "mrkdwn" && PLAIN_ONLY.test(where)) problems.push(`${where}: must be plain_text`);
  if (t.text.trim() === "") problems.push(`${where}: empty text`);
  if (t.text.length > max) problems.push(`${where}: text ${t.text.length} > ${max}`);
  if (halfCharacter(t.text)) problems.push(`${where}: text cuts a character in half`);
}

/**
 * A lone UTF-16 surrogate: text cut in the middle of an emoji or another character outside the
 * Basic Multilingual Plane. It cannot be encoded as UTF-8, so Slack shows a replacement mark.
 */
export function halfCharacter(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Elements an input block can hold (buttons and overflow menus belong in actions and sections). */
const INPUT_ELEMENTS = new Set([
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "static_select",
  "multi_static_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "channels_select",
  "datepicker",
  "timepicker",
  "checkboxes",
  "radio_buttons",
  "file_input",
]);
/** Elements that take typed text or files: only an input block holds them. */
const INPUT_ONLY = new Set(["plain_text_input", "number_input", "email_text_input", "url_text_input", "file_input"]);
const DISPATCH_TRIGGERS = ["on_enter_pressed", "on_character_entered"];
/** A person's id, as a users select's initial choice must be. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** When an input that takes typed text tells the app (its block's dispatch_action): on Enter, as typed, or both. */
function dispatchConfig(e: Obj, where: string, problems: string[]) {
  const on = e.dispatch_action_config?.trigger_actions_on;
  if (on === undefined) return;
  if (!Array.isArray(on) || on.length === 0) problems.push(`${where}: dispatch_action_config without triggers`);
  else for (const t of on) if (!DISPATCH_TRIGGERS.includes(t)) problems.push(`${where}: unknown dispatch trigger ${t}`);
}

/** A selected option must be one of the element's options, exactly as listed. */
function optionListed(options: Obj[] | undefined, chosen: Obj, where: string, problems: string[]) {
  const same = (o: Obj) => o.value === chosen.value && o.text?.text === chosen.text?.text;
  if (!(options ?? []).some(same)) problems.push(`${where}: initial option ${chosen.value} is not among the options`);
}

function element(e: Obj, where: string, problems: string[]) {
  if (e.action_id && e.action_id.length > 255) problems.push(`${where}: action_id > 255`);
  if (e.placeholder) textObject(e.placeholder, 150, `${where} placeholder`, problems);
  switch (e.type) {
    case "button":
      textObject(e.text, 75, `${where} button`, problems);
      if (e.value && e.value.length > 2000) problems.push(`${where}: button value > 2000`);
      break;
    case "static_select":
      if (e.option_groups) break; // grouped options: up to 100 groups of up to 100, not used by the bot
      if (!e.options?.length || e.options.length > 100)
        problems.push(`${where}: ${e.options?.length ?? 0} options (1–100)`);
      for (const o of e.options ?? []) {
        textObject(o.text, 75, `${where} option`, problems);
        if (o.value.length > 150) problems.push(`${where}: option value > 150`);
      }
      if (e.initial_option) optionListed(e.options, e.initial_option, where, problems);
      break;
    case "datepicker":
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(e.initial_date))
        problems.push(`${where}: initial_date ${e.initial_date} is not YYYY-MM-DD`);
      break;
    case "users_select":
      if (e.initial_user !== undefined && !USER_ID.test(String(e.initial_user)))
        problems.push(`${where}: initial_user ${e.initial_user} is not a user id`);
      break;
    case "multi_users_select":
      for (const u of e.initial_users ?? [])
        if (!USER_ID.test(String(u))) problems.push(`${where}: initial_users ${u} is not a user id`);
      break;
    case "number_input":
    case "email_text_input":
    case "url_text_input":
      dispatchConfig(e, where, problems);
      break;
    case "conversations_select":
    case "channels_select":
    case "timepicker":
    case "file_input":
      break;
    case "overflow":
      if (!e.options?.length || e.options.length < 1 || e.options.length > 5)
        problems.push(`${where}: ${e.options?.length ?? 0} overflow options (1–5)`);
      for (const o of e.options ?? []) {
        textObject(o.text, 75, `${where} option`, problems);
        if (String(o.value ?? "").length > 150) problems.push(`${where}: option value > 150`);
        if (o.url && o.url.length > 3000) problems.push(`${where}: option url > 3000`);
      }
      break;
    case "checkboxes":
    case "radio_buttons":
      if (!e.options?.length || e.options.length > 10)
        problems.push(`${where}: ${e.options?.length ?? 0} options (1–10)`);
      for (const o of e.options ?? []) {
        // Choices may be mrkdwn, unlike a menu's options.
        textObject(o.text, 150, `${where} choice`, problems);
        if (String(o.value ?? "").length > 150) problems.push(`${where}: option value > 150`);
      }
      if (e.initial_option) optionListed(e.options, e.initial_option, where, problems);
      for (const o of e.initial_options ?? []) optionListed(e.options, o, where, problems);
      break;
    case "multi_static_select":
      if (!e.options?.length || e.options.length > 100)
        problems.push(`${where}: ${e.options?.length ?? 0} options (1–100)`);
      for (const o of e.options ?? []) {
        textObject(o.text, 75, `${where} option`, problems);
        if (o.value.length > 150) problems.push(`${where}: option value > 150`);
      }
      for (const o of e.initial_options ?? []) optionListed(e.options, o, where, problems);
      break;
    case "plain_text_input":
      dispatchConfig(e, where, problems);
      if (e.initial_value !== undefined && e.max_length !== undefined && e.initial_value.length > e.max_length)
        problems.push(`${where}: initial value longer than max_length`);
      if (e.max_length !== undefined && e.max_length > 3000) problems.push(`${where}: max_length > 3000`);
      if (e.initial_value !== undefined && e.initial_value.length > 3000)
        problems.push(`${where}: initial value > 3000`);
      if (e.initial_value !== undefined && halfCharacter(e.initial_value))
        problems.push(`${where}: initial value cuts a character in half`);
      break;
    default:
      problems.push(`${where}: unexpected element ${e.type}`);
  }
}
