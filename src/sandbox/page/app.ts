// The sandbox page: a small Slack-like workspace. It shows what the stand-in holds for the chosen
// person (channels, threads, ephemeral messages, modals, the Home tab), refreshed on every
// server-sent "changed", and sends what the person does to the sandbox server, which signs it and
// passes it to the bot as Slack would.

import type { Picked } from "../interactions.ts";
import { elementAt, type RenderContext, renderBlocks, textHtml } from "./blockKit.ts";
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
let shownModal = "";

const dir: Directory = {
  userName: (id) => state?.people.find((p) => p.id === id)?.name ?? (id === state?.bot.id ? state.bot.name : id),
  channelName: (id) => state?.channels.find((c) => c.id === id)?.name ?? id,
};
const ctx = (errors?: Record<string, string>): RenderContext => ({
  dir,
  people: state?.people ?? [],
  channels: state?.channels ?? [],
  errors,
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
  const when = new Date(Number(m.ts) * 1000).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  const menu =
    !m.to && state!.shortcuts.length
      ? `<details class="msg-menu"><summary title="More actions">⋯</summary>${state!.shortcuts
          .map(
            (sc) => `<button type="button" data-shortcut="${plainHtml(sc.callback_id)}">${plainHtml(sc.name)}</button>`,
          )
          .join("")}</details>`
      : "";
  return `<div class="message${m.to ? " ephemeral" : ""}" data-place="${plainHtml(place)}">
    <div class="avatar${isBot ? " bot" : ""}">${plainHtml(dir.userName(m.user).slice(0, 1))}</div>
    <div class="message-main">
      <div class="message-head"><b>${plainHtml(dir.userName(m.user))}</b>${isBot ? ` <span class="app-tag">APP</span>` : ""} <span class="time">${when}</span>${m.edited ? ` <span class="edited">(edited)</span>` : ""}${menu}</div>
      ${m.to ? `<div class="only-you">👁 Only visible to you <button type="button" class="link" data-dismiss="${plainHtml(m.ts)}">Dismiss</button></div>` : ""}
      <div class="message-body">${body}${file}</div>
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
  $("#messages").innerHTML = home
    ? `<div class="home" data-place="${plainHtml(JSON.stringify({ surface: "view", viewId: home.id }))}">${renderBlocks(home.view.blocks, ctx())}</div>`
    : `<div class="empty">${s.hasHome ? "The app has not published a Home tab for you yet." : "This app has no Home tab yet."}</div>`;
}

function renderModal() {
  const top = state!.modals.at(-1);
  const backdrop = $("#modal-backdrop");
  if (!top) {
    backdrop.hidden = true;
    shownModal = "";
    return;
  }
  backdrop.hidden = false;
  const key = `${top.id}:${JSON.stringify(top.view)}`;
  if (key === shownModal) {
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
  shownModal = key;
  const v = top.view;
  $("#modal").dataset.place = JSON.stringify({ surface: "view", viewId: top.id });
  $("#modal").innerHTML = `
    <div class="modal-head"><span class="modal-title">${textHtml(v.title, dir)}</span><button type="button" class="modal-x" data-close="1" title="Close">✕</button></div>
    <div class="modal-body">${renderBlocks(v.blocks, ctx(top.errors))}</div>
    <div class="modal-foot">
      <button type="button" class="bk-button" data-close="1">${plainHtml(v.close?.text ?? "Cancel")}</button>
      ${v.submit ? `<button type="button" class="bk-button primary" data-submit="1">${plainHtml(v.submit.text)}</button>` : ""}
    </div>`;
}

/** What a person picked in one element, read from the page as Slack's client reads it. */
async function pickedFrom(el: HTMLElement): Promise<Picked> {
  if (el instanceof HTMLSelectElement) {
    const chosen = [...el.selectedOptions].map((o) => o.value).filter((v) => v !== "");
    return { value: el.multiple ? chosen : (chosen[0] ?? null) };
  }
  if (el instanceof HTMLInputElement && el.type === "file") {
    const files = [];
    for (const f of el.files ?? []) {
      const answer = await act({ kind: "upload", name: f.name, content: await f.text() });
      if (answer.file) files.push(answer.file);
    }
    return { files };
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return { value: el.value };
  // Checkboxes and radio buttons.
  const checked = [...el.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
  return { value: el.dataset.type === "checkboxes" ? checked : (checked[0] ?? null) };
}

async function modalInputs(): Promise<Record<string, Picked>> {
  const inputs: Record<string, Picked> = {};
  for (const el of document.querySelectorAll<HTMLElement>("#modal [data-input-block] [data-el]")) {
    inputs[(el.dataset.el ?? "").split(":")[0]] = await pickedFrom(el);
  }
  return inputs;
}

const placeOf = (el: HTMLElement) => JSON.parse(el.closest<HTMLElement>("[data-place]")?.dataset.place ?? "{}");

async function live(el: HTMLElement) {
  const place = placeOf(el);
  if (el.dataset.type === "button") {
    const found = elementFor(place, el.dataset.el ?? "");
    if (found?.url) window.open(found.url, "_blank", "noopener");
    if (found?.confirm && !window.confirm(`${found.confirm.title?.text ?? ""}\n\n${found.confirm.text?.text ?? ""}`))
      return;
  }
  // An element inside the open modal sends the modal's inputs too; the Home tab has none here.
  const inModal = place.surface === "view" && place.viewId === state?.modals.at(-1)?.id;
  const inputs = inModal ? await modalInputs() : undefined;
  await act({ kind: "act", place, at: el.dataset.el, picked: await pickedFrom(el), inputs });
}

function elementFor(place: Obj, at: string): Obj | undefined {
  const s = state!;
  let blocks: Obj[] | undefined;
  if (place.surface === "message") {
    blocks = [...s.messages, ...s.ephemerals].find((m) => m.ts === place.ts && m.channel === place.channel)?.blocks;
  } else blocks = [...s.modals, ...(s.home ? [s.home] : [])].find((v) => v.id === place.viewId)?.view.blocks;
  return elementAt(blocks, at)?.element;
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
    return void act({ kind: "submit", viewId: top.id, inputs: await modalInputs() });
  if (top && target.closest("[data-close]")) return void act({ kind: "closeModal", viewId: top.id });
});

document.addEventListener("change", (ev) => {
  const el = (ev.target as HTMLElement).closest<HTMLElement>("[data-live]");
  if (el && el.dataset.type !== "button") void live(el);
});

$("#people").addEventListener("change", (ev) => {
  me = (ev.target as HTMLSelectElement).value;
  localStorage.setItem("sandbox-person", me);
  dismissed = new Set();
  shownModal = "";
  if (location_().where.startsWith("U")) location.hash = "";
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

window.addEventListener("hashchange", () => {
  if (location_().where === "home") void act({ kind: "openHome" });
  render();
});

// The person last chosen here, else the first of the sandbox's people; the page follows the
// server's nudges from then on.
new EventSource("/sandbox/events").onmessage = () => void load();
if (location_().where === "home") void act({ kind: "openHome" });
