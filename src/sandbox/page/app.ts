// The sandbox page: a small Slack-like workspace. It shows what the stand-in holds for the chosen
// person (channels, threads, ephemeral messages, modals, the Home tab), refreshed on every
// server-sent "changed", and sends what the person does to the sandbox server, which signs it and
// passes it to the bot as Slack would.

import type { Picked } from "../interactions.ts";
import { type Entered, elementAt, enteredKept, type RenderContext, renderBlocks, textHtml } from "./blockKit.ts";
import { type Directory, mrkdwnHtml, plainHtml } from "./mrkdwn.ts";

type Obj = Record<string, any>;
type Message = {
  channel: string;
  ts: string;
  text?: string;
  blocks?: Obj[];
  thread_ts?: string;
  user: string;
  edited?: boolean;
  to?: string;
  file?: { id: string; name: string };
  files?: { id: string; title: string; alt?: string; url: string }[];
};
type View = { id: string; user: string; view: Obj; errors?: Record<string, string> };
type State = {
  me: string;
  people: { id: string; name: string; role: string }[];
  bot: { id: string; name: string };
  channels: { id: string; name: string; purpose: string }[];
  shortcuts: { name: string; callback_id: string }[];
  commands: string[];
  hasHome: boolean;
  messages: Message[];
  ephemerals: Message[];
  modals: View[];
  home: View | null;
  fastClock: { on: boolean; minutes: number };
  botStatus: string;
};

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
let state: State | undefined;
let me = new URLSearchParams(location.search).get("as") ?? localStorage.getItem("sandbox-person") ?? "";
let dismissed = new Set<string>();
/** The modal on screen (its id and version) and its blocks, which what the person entered belongs to. */
let shownModal: { id: string; key: string; blocks: Obj[] } | undefined;
/** What the person entered in each of their open modals, kept when another is shown over it. */
let drafts = new Map<string, { blocks: Obj[]; entered: Record<string, Entered> }>();
/** The Home tab on screen (whose, its id and version) and its blocks, which what the person typed in it belongs to. */
let shownHome: { id: string; key: string; blocks: Obj[] } | undefined;

const dir: Directory = {
  userName: (id) => state?.people.find((p) => p.id === id)?.name ?? (id === state?.bot.id ? state.bot.name : id),
  channelName: (id) => state?.channels.find((c) => c.id === id)?.name ?? id,
};
const ctx = (errors?: Record<string, string>, entered?: Record<string, Entered>): RenderContext => ({
  dir,
  people: state?.people ?? [],
  channels: state?.channels ?? [],
  errors,
  entered,
});

/** Where the person is looking: a channel, their DM with the app, or the app's Home tab; maybe a thread. */
function location_() {
  let hash = "";
  try {
    hash = decodeURIComponent(location.hash.slice(1));
  } catch {
    // A mangled address shows the first channel.
  }
  const [where = "", thread] = hash.split("/");
  const known = where === "home" || where === me || !!state?.channels.some((c) => c.id === where);
  return { where: known ? where : (state?.channels[0]?.id ?? ""), thread };
}

let loads = 0;
let firstLoaded = () => {};
/** Settles once the page knows who is looking (the first answer from the sandbox). */
const loaded = new Promise<void>((resolve) => {
  firstLoaded = resolve;
});
async function load() {
  // Answers can overtake each other: only the latest request's answer is shown.
  const mine = ++loads;
  const res = await fetch(`/sandbox/state?user=${encodeURIComponent(me)}`);
  if (res.status === 400 && me) {
    // Someone the sandbox does not know (an old address or choice): start as its first person.
    me = "";
    localStorage.removeItem("sandbox-person");
    return load();
  }
  if (!res.ok || mine !== loads) return;
  const next = (await res.json()) as State;
  if (mine !== loads) return;
  state = next;
  // The first answer names the person the page starts as; after that the switcher decides.
  me ||= state.me;
  document.body.dataset.person = state.me;
  render();
  firstLoaded();
}

async function act(body: Obj): Promise<Obj> {
  const res = await fetch("/sandbox/do", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: me, ...body }),
  });
  const answer = await res.json().catch(() => ({ ok: false, error: `The sandbox answered ${res.status}.` }));
  if (!answer.ok) toast(answer.error ?? "That did not work.");
  return answer;
}

function toast(text: string) {
  const t = $("#toast");
  t.textContent = text;
  t.hidden = false;
  setTimeout(() => {
    t.hidden = true;
  }, 5000);
}

function render() {
  if (!state) return;
  const { where, thread } = location_();
  renderSidebar(where);
  if (where === "home") renderHome();
  else renderChannel(where);
  renderThread(where, thread);
  renderModal();
}

function renderSidebar(where: string) {
  const s = state!;
  $("#people").innerHTML = s.people
    .map(
      (p) => `<option value="${p.id}"${p.id === me ? " selected" : ""}>${plainHtml(`${p.name} (${p.role})`)}</option>`,
    )
    .join("");
  const link = (id: string, label: string) =>
    `<a href="#${plainHtml(id)}" class="${id === where ? "active" : ""}">${label}</a>`;
  $("#nav").innerHTML = `
    <div class="nav-title">Apps</div>${link("home", `🏠 ${plainHtml(s.bot.name)} — Home`)}
    <div class="nav-title">Channels</div>${s.channels.map((c) => link(c.id, `# ${plainHtml(c.name)}`)).join("")}
    <div class="nav-title">Direct messages</div>${link(me, `💬 ${plainHtml(s.bot.name)}`)}`;
  const clock = $<HTMLInputElement>("#fast-clock");
  clock.checked = s.fastClock.on;
  $("#fast-clock-label").textContent =
    `Fast clock: the one-hour reply clock runs in ${s.fastClock.minutes} minute${s.fastClock.minutes === 1 ? "" : "s"} (new cases)`;
  $("#bot-status").textContent = s.botStatus === "running" ? "" : `Bot: ${s.botStatus}`;
}

function channelTitle(where: string) {
  const c = state!.channels.find((x) => x.id === where);
  if (c) return { name: `# ${c.name}`, purpose: c.purpose, placeholder: `Message #${c.name} — or type /case help` };
  return { name: `${state!.bot.name}`, purpose: "Your direct messages with the app.", placeholder: "Type /case help" };
}

function renderChannel(where: string) {
  const s = state!;
  const title = channelTitle(where);
  $("#channel-name").textContent = title.name;
  $("#channel-purpose").textContent = title.purpose;
  $("#composer").hidden = false;
  $<HTMLInputElement>("#composer-input").placeholder = title.placeholder;
  const top = s.messages.filter((m) => m.channel === where && (!m.thread_ts || m.thread_ts === m.ts));
  const mine = s.ephemerals.filter((m) => m.channel === where && !m.thread_ts && !dismissed.has(m.ts));
  const all = [...top, ...mine].sort((a, b) => Number(a.ts) - Number(b.ts));
  const list = $("#messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.innerHTML = all.length
    ? all.map((m) => messageHtml(m, s.messages.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts).length)).join("")
    : `<div class="empty">Nothing here yet.</div>`;
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function messageHtml(m: Message, replies = 0) {
  const isBot = m.user === state!.bot.id;
  const place = JSON.stringify({ surface: "message", channel: m.channel, ts: m.ts, ephemeral: !!m.to });
  const body = m.blocks?.length ? renderBlocks(m.blocks, ctx()) : mrkdwnHtml(m.text ?? "", dir);
  const file = m.file ? `<div class="file">📄 ${plainHtml(m.file.name)}</div>` : "";
  const images = (m.files ?? [])
    .map(
      (f) =>
        `<figure class="upload"><figcaption>${plainHtml(f.title)}</figcaption><img src="${plainHtml(f.url)}" alt="${plainHtml(f.alt ?? f.title)}" loading="lazy"></figure>`,
    )
    .join("");
  const when = new Date(Number(m.ts) * 1000).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  const menu =
    !m.to && state!.shortcuts.length
      ? `<details class="msg-menu"><summary title="More actions">⋯</summary>${state!.shortcuts
          .map(
            (sc) => `<button type="button" data-shortcut="${plainHtml(sc.callback_id)}">${plainHtml(sc.name)}</button>`,
          )
          .join("")}</details>`
      : "";
  return `<div class="message${m.to ? " ephemeral" : ""}" data-ts="${plainHtml(m.ts)}" data-place="${plainHtml(place)}">
    <div class="avatar${isBot ? " bot" : ""}">${plainHtml(dir.userName(m.user).slice(0, 1))}</div>
    <div class="message-main">
      <div class="message-head"><b>${plainHtml(dir.userName(m.user))}</b>${isBot ? ` <span class="app-tag">APP</span>` : ""} <span class="time">${when}</span>${m.edited ? ` <span class="edited">(edited)</span>` : ""}${menu}</div>
      ${m.to ? `<div class="only-you">👁 Only visible to you <button type="button" class="link" data-dismiss="${plainHtml(m.ts)}">Dismiss</button></div>` : ""}
      <div class="message-body">${body}${file}${images}</div>
      ${replies ? `<a class="replies" href="#${plainHtml(`${m.channel}/${m.ts}`)}">${replies} repl${replies === 1 ? "y" : "ies"}</a>` : ""}
    </div>
  </div>`;
}

function renderThread(where: string, thread: string | undefined) {
  const pane = $("#thread");
  const s = state!;
  const parent = thread && s.messages.find((m) => m.channel === where && m.ts === thread);
  if (!parent) {
    pane.hidden = true;
    return;
  }
  pane.hidden = false;
  const replies = [
    ...s.messages.filter((m) => m.thread_ts === thread && m.ts !== thread),
    ...s.ephemerals.filter((m) => m.thread_ts === thread && !dismissed.has(m.ts)),
  ].sort((a, b) => Number(a.ts) - Number(b.ts));
  $("#thread-messages").innerHTML =
    messageHtml(parent) +
    `<div class="thread-count">${replies.length} repl${replies.length === 1 ? "y" : "ies"}</div>` +
    replies.map((m) => messageHtml(m)).join("");
}

function renderHome() {
  const s = state!;
  $("#channel-name").textContent = `${s.bot.name} — Home`;
  $("#channel-purpose").textContent = "The app's Home tab, as you see it.";
  $("#composer").hidden = true;
  const home = s.home;
  const list = $("#messages");
  const shown = list.querySelector<HTMLElement>(":scope > .home");
  if (!home) {
    shownHome = undefined;
    list.innerHTML = `<div class="empty">${s.hasHome ? "The app has not published a Home tab for you yet." : "This app has no Home tab yet."}</div>`;
    return;
  }
  const key = `${s.me}:${home.id}:${JSON.stringify(home.view)}`;
  // The same tab: what the person is typing in its search box stays as it is.
  if (shown && key === shownHome?.key) return;
  // A new version of the tab (published again): as in Slack, an input keeps what the person typed
  // while its block and action ids stay, and they stay in it.
  const before = shown && shownHome?.id === home.id ? shownHome : undefined;
  const entered = before ? enteredKept(before.blocks, home.view.blocks, enteredIn(shown!)) : undefined;
  const focus = before ? focusIn(shown!, before.id) : undefined;
  shownHome = { id: home.id, key, blocks: home.view.blocks ?? [] };
  list.innerHTML = `<div class="home" data-place="${plainHtml(JSON.stringify({ surface: "view", viewId: home.id }))}">${renderBlocks(home.view.blocks, ctx(undefined, entered))}</div>`;
  if (focus) refocus(list.querySelector<HTMLElement>(":scope > .home")!, focus);
}

function renderModal() {
  const modals = state!.modals;
  const top = modals.at(-1);
  const backdrop = $("#modal-backdrop");
  for (const id of drafts.keys()) if (!modals.some((m) => m.id === id)) drafts.delete(id);
  if (!top) {
    backdrop.hidden = true;
    shownModal = undefined;
    return;
  }
  backdrop.hidden = false;
  const key = `${top.id}:${JSON.stringify(top.view)}`;
  if (key === shownModal?.key) {
    // Same form: only its errors change, so what the person typed stays.
    for (const block of document.querySelectorAll<HTMLElement>("#modal [data-input-block]")) {
      const error = top.errors?.[block.dataset.inputBlock ?? ""];
      block.classList.toggle("has-error", !!error);
      block.querySelector(".bk-error")?.remove();
      if (error) {
        const e = document.createElement("div");
        e.className = "bk-error";
        e.setAttribute("role", "alert");
        e.textContent = error;
        block.querySelector(".bk-label")?.parentElement?.insertBefore(e, block.querySelector(".bk-hint"));
      }
    }
    return;
  }
  // A new form, a new version of this one (views.update), or one uncovered: what the person entered
  // stays in every input whose block and action ids stay, as in Slack; the rest start anew.
  const focus = shownModal && focusIn($("#modal"), shownModal.id);
  if (shownModal && modals.some((m) => m.id === shownModal?.id))
    drafts.set(shownModal.id, { blocks: shownModal.blocks, entered: enteredIn($("#modal")) });
  const draft = drafts.get(top.id);
  const entered = draft ? enteredKept(draft.blocks, top.view.blocks, draft.entered) : undefined;
  shownModal = { id: top.id, key, blocks: top.view.blocks ?? [] };
  const v = top.view;
  $("#modal").dataset.place = JSON.stringify({ surface: "view", viewId: top.id });
  $("#modal").innerHTML = `
    <div class="modal-head"><span class="modal-title">${textHtml(v.title, dir)}</span><button type="button" class="modal-x" data-close="1" title="Close">✕</button></div>
    <div class="modal-body">${renderBlocks(v.blocks, ctx(top.errors, entered))}</div>
    <div class="modal-foot">
      <button type="button" class="bk-button" data-close="1">${v.close ? textHtml(v.close, dir) : "Cancel"}</button>
      ${v.submit ? `<button type="button" class="bk-button primary" data-submit="1">${textHtml(v.submit, dir)}</button>` : ""}
    </div>`;
  if (focus?.viewId === top.id) refocus($("#modal"), focus);
}

type Focus = { viewId: string; block: string; actionId: string; from: number | null; to: number | null };

/** The input the person is in, so a new version of the form or Home tab does not take them out of it. */
function focusIn(view: HTMLElement, viewId: string): Focus | undefined {
  const el = document.activeElement as HTMLElement | null;
  const block = el?.closest<HTMLElement>("[data-input-block]");
  if (!el || !block || !view.contains(el)) return undefined;
  const input = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : undefined;
  let range: [number | null, number | null] = [null, null];
  try {
    range = [input?.selectionStart ?? null, input?.selectionEnd ?? null];
  } catch {
    // Date and number inputs have no text selection.
  }
  const actionId = el.closest<HTMLElement>("[data-action-id]")?.dataset.actionId ?? "";
  return { viewId, block: block.dataset.inputBlock ?? "", actionId, from: range[0], to: range[1] };
}

function refocus(view: HTMLElement, f: Focus) {
  for (const block of view.querySelectorAll<HTMLElement>("[data-input-block]")) {
    if (block.dataset.inputBlock !== f.block) continue;
    const el = block.querySelector<HTMLElement>("[data-el]");
    if (!el || el.dataset.actionId !== f.actionId) return;
    const target = el.matches("input, select, textarea") ? el : el.querySelector<HTMLElement>("input");
    target?.focus();
    if (f.from !== null && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
      try {
        target.setSelectionRange(f.from, f.to ?? f.from);
      } catch {
        // Not a text input in this version.
      }
    }
  }
}

/** What the person entered in each input of a modal or Home tab on the page, by block id (files are not carried). */
function enteredIn(view: HTMLElement): Record<string, Entered> {
  const entered: Record<string, Entered> = {};
  for (const block of view.querySelectorAll<HTMLElement>("[data-input-block]")) {
    const el = block.querySelector<HTMLElement>("[data-el]");
    const value = el && enteredFrom(el);
    if (value) entered[block.dataset.inputBlock ?? ""] = value;
  }
  return entered;
}

/** What an element shows as picked or typed, as Slack's client reads it (a file input: nothing). */
function enteredFrom(el: HTMLElement): Entered | undefined {
  if (el instanceof HTMLSelectElement) {
    const chosen = [...el.selectedOptions].map((o) => o.value).filter((v) => v !== "");
    return { value: el.multiple ? chosen : (chosen[0] ?? null) };
  }
  if (el instanceof HTMLInputElement && el.type === "file") return undefined;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return { value: el.value };
  // Checkboxes and radio buttons.
  const checked = [...el.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
  return { value: el.dataset.type === "checkboxes" ? checked : (checked[0] ?? null) };
}

/** What a person picked in one element, read from the page as Slack's client reads it; files are uploaded. */
async function pickedFrom(el: HTMLElement): Promise<Picked> {
  if (el instanceof HTMLInputElement && el.type === "file") {
    const files = [];
    for (const f of el.files ?? []) {
      const answer = await act({ kind: "upload", name: f.name, content: await f.text() });
      if (answer.file) files.push(answer.file);
    }
    return { files };
  }
  return enteredFrom(el) ?? {};
}

/** Every input of a view on the page (the open modal, the Home tab), by block id, as Slack keys a view's state. */
async function viewInputs(view: Element): Promise<Record<string, Picked>> {
  const inputs: Record<string, Picked> = {};
  for (const block of view.querySelectorAll<HTMLElement>("[data-input-block]")) {
    const el = block.querySelector<HTMLElement>("[data-el]");
    if (el) inputs[block.dataset.inputBlock ?? ""] = await pickedFrom(el);
  }
  return inputs;
}

const placeOf = (el: HTMLElement) => JSON.parse(el.closest<HTMLElement>("[data-place]")?.dataset.place ?? "{}");

async function live(el: HTMLElement) {
  const place = placeOf(el);
  // The element as shown here: what the person used, even if the app changed it meanwhile.
  const shown = shownFor(place, el.dataset.el ?? "");
  if (el.dataset.type === "button") {
    const found = shown?.element;
    if (found?.url) window.open(found.url, "_blank", "noopener");
    if (found?.confirm && !window.confirm(`${found.confirm.title?.text ?? ""}\n\n${found.confirm.text?.text ?? ""}`))
      return;
  }
  // An element of a view (the open modal, the Home tab) sends what is in the view's inputs too.
  const view = place.surface === "view" ? el.closest("[data-place]") : null;
  const inputs = view ? await viewInputs(view) : undefined;
  const picked = await pickedFrom(el);
  // An overflow menu is a button row's "⋯": it shows no choice once picked.
  if (el instanceof HTMLSelectElement && el.dataset.type === "overflow") el.value = "";
  await act({ kind: "act", place, at: el.dataset.el, picked, inputs, shown });
}

function shownFor(place: Obj, at: string): { blockId?: string; element: Obj } | undefined {
  const s = state!;
  const modal = shownModal;
  const home = shownHome;
  let blocks: Obj[] | undefined;
  if (place.surface === "message") {
    blocks = [...s.messages, ...s.ephemerals].find((m) => m.ts === place.ts && m.channel === place.channel)?.blocks;
  } else if (modal !== undefined && modal.id === place.viewId) blocks = modal.blocks;
  else if (home !== undefined && home.id === place.viewId) blocks = home.blocks;
  else blocks = [...s.modals, ...(s.home ? [s.home] : [])].find((v) => v.id === place.viewId)?.view.blocks;
  const found = elementAt(blocks, at);
  return found && { blockId: found.block.block_id, element: found.element };
}

document.addEventListener("click", async (ev) => {
  const target = ev.target as HTMLElement;
  const live_ = target.closest<HTMLElement>("[data-live][data-type='button']");
  if (live_) return void live(live_);
  const dismiss = target.closest<HTMLElement>("[data-dismiss]");
  if (dismiss) {
    dismissed.add(dismiss.dataset.dismiss ?? "");
    return render();
  }
  const shortcut = target.closest<HTMLElement>("[data-shortcut]");
  if (shortcut) {
    const place = placeOf(shortcut);
    shortcut.closest("details")?.removeAttribute("open");
    return void act({ kind: "shortcut", callbackId: shortcut.dataset.shortcut, channel: place.channel, ts: place.ts });
  }
  const top = state?.modals.at(-1);
  if (top && target.closest("[data-submit]"))
    return void act({ kind: "submit", viewId: top.id, inputs: await viewInputs($("#modal")) });
  if (top && target.closest("[data-close]")) return void act({ kind: "closeModal", viewId: top.id });
});

const TYPED = new Set(["text", "number", "email", "url"]);
const isTyped = (el: Element) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TYPED.has(el.type));
/** A text input of a block that tells the app as the person types or presses Enter (dispatch_action). */
const dispatchingText = (target: EventTarget | null, when: "enter" | "character") => {
  const el = (target as HTMLElement | null)?.closest<HTMLElement>("[data-dispatch]");
  return el && isTyped(el) && (el.dataset.dispatch ?? "").split(" ").includes(when) ? el : undefined;
};

document.addEventListener("change", (ev) => {
  const el = (ev.target as HTMLElement).closest<HTMLElement>("[data-live]");
  // Typed text is sent on Enter or as it is typed, as its block asks; never on leaving the field.
  if (el && el.dataset.type !== "button" && !isTyped(el)) void live(el);
});

document.addEventListener("keydown", (ev) => {
  const el = dispatchingText(ev.target, "enter");
  if (!el || ev.key !== "Enter" || ev.shiftKey || ev.isComposing) return;
  ev.preventDefault();
  void live(el);
});

let typing: ReturnType<typeof setTimeout> | undefined;
document.addEventListener("input", (ev) => {
  const el = dispatchingText(ev.target, "character");
  if (!el) return;
  // One action for a burst of keystrokes, not one per key.
  clearTimeout(typing);
  typing = setTimeout(() => void live(el), 300);
});

$("#people").addEventListener("change", (ev) => {
  me = (ev.target as HTMLSelectElement).value;
  localStorage.setItem("sandbox-person", me);
  dismissed = new Set();
  shownModal = undefined;
  drafts = new Map();
  if (location_().where.startsWith("U")) location.hash = "";
  // Someone else now looks at the Home tab: for the app, they opened it.
  if (location_().where === "home") openHome();
  void load();
});

$("#fast-clock").addEventListener("change", (ev) => {
  void act({ kind: "fastClock", on: (ev.target as HTMLInputElement).checked });
});

$("#composer").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const input = $<HTMLInputElement>("#composer-input");
  const text = input.value;
  input.value = "";
  await act({ kind: "type", channel: location_().where, text });
});

$("#thread-composer").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const input = $<HTMLInputElement>("#thread-input");
  const text = input.value;
  input.value = "";
  const { where, thread } = location_();
  await act({ kind: "type", channel: where, text, threadTs: thread });
});

$("#share-file").addEventListener("change", async (ev) => {
  const el = ev.target as HTMLInputElement;
  for (const f of el.files ?? [])
    await act({ kind: "upload", name: f.name, content: await f.text(), channel: location_().where });
  el.value = "";
});

$("#close-thread").addEventListener("click", () => {
  location.hash = location_().where;
});

/** The person opens the app's Home tab: Slack tells the app (app_home_opened). */
function openHome() {
  void act({ kind: "openHome" });
}

window.addEventListener("hashchange", () => {
  const { where, thread } = location_();
  if (where === "home") openHome();
  render();
  // A link to a message (a case's card) shows it in its channel, as well as in the thread beside.
  if (thread)
    $("#messages")
      .querySelector(`.message[data-ts="${CSS.escape(thread)}"]`)
      ?.scrollIntoView({ block: "center" });
});

// The person last chosen here, else the first of the sandbox's people; the page follows the
// server's nudges from then on. A page opened on the Home tab opens it once it knows who is looking.
new EventSource("/sandbox/events").onmessage = () => void load();
if (location_().where === "home") void loaded.then(openHome);
