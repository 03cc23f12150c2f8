// Every surface of the bot, used in the sandbox through the page's own requests (what the page
// sends when a person types, clicks, picks or submits) and checked in what the page then shows:
// commands and their private answers, paging in place, the message shortcut, both ways to import
// a returns report, the playbook's forms behind a card's "⋯" and `/case check`, a lead's actions on
// a card and on the wave alert, each person's Home tab, a case parked waiting on the buyer, a
// person away until a day picked on their Home tab, and the connection to Amazon (negative
// feedback pulled in as cases, `/case amazon` and Pull now).
// Whatever the bot sent must render without a "cannot show" placeholder.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBlocks } from "../../src/sandbox/page/blockKit.ts";
import { type Sandbox, startSandbox } from "../../src/sandbox/sandbox.ts";
import type { EphemeralMessage, OpenView, PostedMessage } from "../../src/sandbox/slackStandIn.ts";
import { fbaReport } from "../support/returnsFiles.ts";

const MEI = "U0SBXMEI";
const TOM = "U0SBXTOM";
const LENA = "U0SBXLENA";
const SAM = "U0SBXSAM";
const CASES = "C0SBXCASES";
const CRISIS = "C0SBXCRISIS";

type Seen = { messages: PostedMessage[]; ephemerals: EphemeralMessage[]; modals: OpenView[]; home: OpenView | null };

describe("every surface of the bot in the sandbox", () => {
  let sandbox: Sandbox;
  let base: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: () => {} });
    await sandbox.storyStored;
    base = sandbox.url.replace(/\/sandbox$/, "");
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const seen = async (user: string): Promise<Seen> => (await fetch(`${base}/sandbox/state?user=${user}`)).json();
  const act = async (user: string, body: Record<string, unknown>) => {
    const res = await fetch(`${base}/sandbox/do`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user, ...body }),
    });
    return { status: res.status, ...(await res.json()) };
  };
  const type = (user: string, text: string, channel = CASES) => act(user, { kind: "type", channel, text });
  async function until<T>(what: string, read: () => Promise<T | undefined | false>, timeout = 15_000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await read();
      if (v) return v;
      if (Date.now() > end) throw new Error(`Waited ${timeout} ms for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const lastEphemeral = (user: string, containing: string) =>
    until(`"${containing}" for ${user}`, async () =>
      (await seen(user)).ephemerals.filter((m) => JSON.stringify(m).includes(containing)).at(-1),
    );
  const buttonAt = (blocks: Record<string, any>[] | undefined, label: string) => {
    for (const [i, b] of (blocks ?? []).entries()) {
      const j = (b.elements ?? []).findIndex((e: Record<string, any>) => e.text?.text === label);
      if (j >= 0) return `${i}:${j}`;
    }
    throw new Error(`No "${label}" button`);
  };
  const ctx = { dir: { userName: (id: string) => id, channelName: (id: string) => id }, people: [], channels: [] };
  const topModal = (user: string, callbackId: string) =>
    until(`the ${callbackId} form`, async () => {
      const v = (await seen(user)).modals.at(-1);
      return v?.view.callback_id === callbackId && v;
    });
  /** The index the page gives an option of an input (its place in the element's options). */
  const optionIndex = (form: OpenView, blockId: string, value: string) =>
    String(
      form.view.blocks
        .find((b: Record<string, any>) => b.block_id === blockId)
        .element.options.findIndex((o: Record<string, any>) => o.value === value),
    );
  const day = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

  it("answers /case help to anyone, and refuses a lead's command to an agent politely", async () => {
    await type(SAM, "/case help");
    await lastEphemeral(SAM, "/case new");
    await type(MEI, "/case orders US 2000");
    await lastEphemeral(MEI, "Only leads can record order volume");
    await type(LENA, "/case orders US 2000");
    await lastEphemeral(LENA, "Saved: 2000 orders");
    await type(MEI, "/case health");
    await lastEphemeral(MEI, "deliver");
    await type(MEI, "/nope");
    await lastEphemeral(MEI, "/nope is not a valid command");
  });

  it("turns anyone's message into a case with the shortcut, the order id filled in", async () => {
    await type(SAM, "Buyer email: order 114-2962899-5762619 arrived with a broken handle");
    const message = await until("Sam's message", async () =>
      (await seen(SAM)).messages.find((m) => m.text?.includes("broken handle")),
    );
    await act(MEI, { kind: "shortcut", callbackId: "create_case_from_message", channel: CASES, ts: message.ts });
    const modal = await until("the new-case form", async () => (await seen(MEI)).modals.at(-1));
    expect(JSON.stringify(modal.view.blocks)).toContain("114-2962899-5762619");
    await act(MEI, { kind: "closeModal", viewId: modal.id });
    expect((await seen(MEI)).modals).toEqual([]);
  });

  it("imports a returns report shared in the channel, and one attached to the import form", async () => {
    const report = (order: string) =>
      fbaReport([
        {
          date: new Date().toISOString().slice(0, 10),
          orderId: order,
          reason: "DAMAGED_BY_CARRIER",
          lpn: order.slice(-4),
        },
      ]);
    await act(TOM, {
      kind: "upload",
      name: "returns-shared.txt",
      content: report("115-1000001-0000001"),
      channel: CASES,
    });
    await type(TOM, "/case import");
    await lastEphemeral(TOM, "Importing");
    await until("the shared report's summary", async () =>
      (await seen(TOM)).messages.find((m) => m.channel === CASES && m.text?.includes("returns-shared.txt")),
    );

    await type(MEI, "/case import");
    const form = await until("the import form", async () => (await seen(MEI)).modals.at(-1));
    const fileBlock = form.view.blocks.find((b: Record<string, any>) => b.element?.type === "file_input").block_id;
    await act(MEI, { kind: "submit", viewId: form.id, inputs: {} });
    const refused = await until("the required-field error", async () => (await seen(MEI)).modals.at(-1)?.errors);
    expect(Object.values(refused)[0]).toContain("required");
    const upload = await act(MEI, { kind: "upload", name: "returns-form.txt", content: report("115-1000002-0000001") });
    await act(MEI, { kind: "submit", viewId: form.id, inputs: { [fileBlock]: { files: [upload.file] } } });
    expect((await seen(MEI)).modals).toEqual([]);
    await until("the attached report's summary", async () =>
      (await seen(MEI)).messages.find((m) => m.text?.includes("returns-form.txt")),
    );
  });

  it("shows the lead's routing rules, and hands a new A-to-z claim to Mei or Tom by them", async () => {
    await type(MEI, "/case routing");
    const rules = JSON.stringify(await lastEphemeral(MEI, "A-to-z claim"));
    expect(rules).toContain(`<@${MEI}>`);
    expect(rules).toContain(`<@${TOM}>`);
    expect(rules).not.toContain("Edit rules"); // for leads only
    await type(MEI, "/case new");
    const form = await topModal(MEI, "new_case_modal");
    await act(MEI, {
      kind: "submit",
      viewId: form.id,
      inputs: {
        order_id: { value: "114-7777777-0000001" },
        category: { value: optionIndex(form, "category", "a_to_z_claim") },
        description: { value: "Buyer filed an A-to-z claim: parcel never arrived." },
      },
    });
    const card = await until("the routed card", async () =>
      (await seen(MEI)).messages.find((m) => JSON.stringify(m.blocks ?? []).includes("114-7777777-0000001")),
    );
    expect(JSON.stringify(card.blocks)).toMatch(/Assigned to <@U0SBX(MEI|TOM)> by rule: A-to-z claim/);
  });

  it("pages /case list in place with its buttons, and shows the summary", async () => {
    // The demo's 20 open cases and the two imported above make a second page (with or without
    // those pulled from Amazon meanwhile).
    await type(MEI, "/case list open");
    const first = await lastEphemeral(MEI, "Next");
    await act(MEI, {
      kind: "act",
      place: { surface: "message", channel: CASES, ts: first.ts, ephemeral: true },
      at: buttonAt(first.blocks, "Next ›"),
      picked: {},
    });
    const paged = await until("the next page in place of the first", async () => {
      const m = (await seen(MEI)).ephemerals.find((e) => e.ts === first.ts);
      return m && JSON.stringify(m.blocks) !== JSON.stringify(first.blocks) && m;
    });
    expect(JSON.stringify(paged.blocks)).toContain("Previous");
    await type(MEI, "/case summary 30d");
    await lastEphemeral(MEI, "Summary");
  });

  it("lets a lead take over a claimed case, reopen a resolved one, and assign the wave to an agent", async () => {
    const cardWith = async (status: string) =>
      until(`a ${status} card`, async () =>
        (await seen(LENA)).messages.find(
          (m) => m.channel === CASES && m.text?.includes(`: ${status}, owner <@${TOM}>`),
        ),
      );
    const claimed = await cardWith("Claimed");
    await act(LENA, {
      kind: "act",
      place: { surface: "message", channel: CASES, ts: claimed.ts },
      at: buttonAt(claimed.blocks, "Take over"),
      picked: {},
    });
    await until("the card owned by Lena", async () =>
      (await seen(LENA)).messages.find((m) => m.ts === claimed.ts && m.text?.includes(`owner <@${LENA}>`)),
    );
    const resolved = await cardWith("Resolved");
    await act(LENA, {
      kind: "act",
      place: { surface: "message", channel: CASES, ts: resolved.ts },
      at: buttonAt(resolved.blocks, "Reopen"),
      picked: {},
    });
    await until("the reopened card", async () =>
      (await seen(LENA)).messages.find((m) => m.ts === resolved.ts && !m.text?.includes("Resolved")),
    );

    const alert = await until("the wave alert", async () =>
      (await seen(LENA)).messages.find((m) => m.channel === CRISIS && m.text?.startsWith("Return wave")),
    );
    const assignAt = (() => {
      for (const [i, b] of (alert.blocks ?? []).entries()) {
        const j = (b.elements ?? []).findIndex((e: Record<string, any>) => e.type === "users_select");
        if (j >= 0) return `${i}:${j}`;
      }
      throw new Error("No assign menu");
    })();
    await act(LENA, {
      kind: "act",
      place: { surface: "message", channel: CRISIS, ts: alert.ts },
      at: assignAt,
      picked: { value: TOM },
    });
    await until("the wave's cases owned by Tom", async () => {
      const wave = (await seen(LENA)).messages.filter(
        (m) => m.channel === CASES && !m.thread_ts && JSON.stringify(m.blocks ?? []).includes("B0C7WAVE42"),
      );
      return wave.length > 0 && wave.every((m) => m.text?.includes(`<@${TOM}>`));
    });
    await act(LENA, {
      kind: "act",
      place: { surface: "message", channel: CRISIS, ts: alert.ts },
      at: buttonAt(alert.blocks, "Resolve eligible returns…"),
      picked: {},
    });
    const form = await until("the bulk resolve form", async () => (await seen(LENA)).modals.at(-1));
    expect(form.view.callback_id).toBe("crisis_resolve_modal");
  });

  it("answers the playbook's forms behind a card's ⋯ menu, and /case check, as the page sends them", async () => {
    const cardOf = async (buyer: string) =>
      until(`${buyer}'s card`, async () =>
        (await seen(MEI)).messages.find(
          (m) => m.channel === CASES && !m.thread_ts && JSON.stringify(m.blocks ?? []).includes(buyer),
        ),
      );
    /** Picks an option of the card's "⋯" menu, as the page sends it. */
    const more = async (buyer: string, label: string) => {
      const card = await cardOf(buyer);
      for (const [i, b] of (card.blocks ?? []).entries()) {
        const j = (b.elements ?? []).findIndex((e: Record<string, any>) => e.type === "overflow");
        if (j < 0) continue;
        const options: Record<string, any>[] = b.elements[j].options;
        const k = options.findIndex((o) => o.text.text === label);
        expect(k, `"${label}" in ⋯`).toBeGreaterThanOrEqual(0);
        return act(MEI, {
          kind: "act",
          place: { surface: "message", channel: CASES, ts: card.ts },
          at: `${i}:${j}`,
          picked: { value: String(k) },
        });
      }
      throw new Error("No ⋯ menu on the card");
    };
    const cardSays = (buyer: string, text: string) =>
      until(`"${text}" on ${buyer}'s card`, async () => JSON.stringify((await cardOf(buyer)).blocks).includes(text));

    // The return window of Anna Schmidt's return: an inline error first, then the verdict shown
    // in place of the form (which then has nothing to submit).
    await more("Anna Schmidt", "Check the return window");
    const check = await topModal(MEI, "return_check_modal");
    expect(renderBlocks(check.view.blocks, ctx)).not.toContain("bk-unknown");
    await act(MEI, { kind: "submit", viewId: check.id, inputs: {} });
    const refused = await until("the return check's error", async () => (await seen(MEI)).modals.at(-1)?.errors);
    expect(refused.delivered_at).toContain("Give the delivery day");
    await act(MEI, {
      kind: "submit",
      viewId: check.id,
      inputs: {
        delivered_at: { value: day(-3) },
        item_condition: { value: optionIndex(check, "item_condition", "unopened") },
      },
    });
    const verdict = await until("the verdict", async () => {
      const v = (await seen(MEI)).modals.at(-1);
      return v && !v.view.submit && v;
    });
    expect(verdict.id).toBe(check.id);
    expect(JSON.stringify(verdict.view.blocks)).toContain("Eligible");
    expect(renderBlocks(verdict.view.blocks, ctx)).not.toContain("bk-unknown");
    await act(MEI, { kind: "closeModal", viewId: verdict.id });
    await cardSays("Anna Schmidt", "*Return:* Eligible");

    // The item is back: the refund clock starts on the card.
    await more("Anna Schmidt", "Return received: start the refund clock");
    await cardSays("Anna Schmidt", "refund due by");

    // An appeal: a day still to come is refused under the date, a past one recorded.
    await more("Anna Schmidt", "Appeal to Amazon");
    const appeal = await topModal(MEI, "appeal_modal");
    expect(renderBlocks(appeal.view.blocks, ctx)).not.toContain("bk-unknown");
    await act(MEI, { kind: "submit", viewId: appeal.id, inputs: { decision_date: { value: day(2) } } });
    const early = await until("the appeal's error", async () => (await seen(MEI)).modals.at(-1)?.errors);
    expect(early.decision_date).toContain("still to come");
    await act(MEI, {
      kind: "submit",
      viewId: appeal.id,
      inputs: {
        appeal_stage: { value: optionIndex(appeal, "appeal_stage", "filed") },
        decision_date: { value: day(-1) },
      },
    });
    await until("the appeal form closed", async () => (await seen(MEI)).modals.length === 0);
    await cardSays("Anna Schmidt", "*Appeal to Amazon:* filed");

    // Suspected abuse, with the evidence ticked.
    await more("Anna Schmidt", "Suspect abuse");
    const abuse = await topModal(MEI, "suspect_abuse_modal");
    expect(renderBlocks(abuse.view.blocks, ctx)).not.toContain("bk-unknown");
    await act(MEI, {
      kind: "submit",
      viewId: abuse.id,
      inputs: { evidence: { value: [optionIndex(abuse, "evidence", "tracking")] } },
    });
    await until("the abuse form closed", async () => (await seen(MEI)).modals.length === 0);
    await cardSays("Anna Schmidt", "evidence: tracking / proof of delivery");

    // /case check: a link is refused under the text; a clean reply is answered in place.
    await type(MEI, "/case check");
    const policy = await topModal(MEI, "policy_check_modal");
    await act(MEI, {
      kind: "submit",
      viewId: policy.id,
      inputs: { reply_text: { value: "See https://example.com for 10% off your next order." } },
    });
    const broken = await until("the rules' error", async () => (await seen(MEI)).modals.at(-1)?.errors);
    expect(broken.reply_text).toContain("Amazon's messaging rules");
    await act(MEI, {
      kind: "submit",
      viewId: policy.id,
      inputs: { reply_text: { value: "Thank you for your patience: the replacement is on its way." } },
    });
    const passed = await until("the passed check", async () => {
      const v = (await seen(MEI)).modals.at(-1);
      return v && !v.view.submit && v;
    });
    expect(passed.id).toBe(policy.id);
    expect(JSON.stringify(passed.view.blocks)).toContain("follows Amazon's messaging rules");
    await act(MEI, { kind: "closeModal", viewId: passed.id });
  });

  it("answers bad requests clearly and turns away other sites", async () => {
    const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      fetch(`${base}/sandbox/do`, { method: "POST", headers, body });
    const notJson = await post("{", { "content-type": "application/json" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toBe("The request is not JSON.");
    const stranger = await post(JSON.stringify({ kind: "type", user: "U0NOBODY", channel: CASES, text: "hi" }));
    expect(stranger.status).toBe(400);
    expect((await stranger.json()).error).toContain("user: is not one of the sandbox's people");
    const elsewhere = await post(JSON.stringify({ kind: "type", user: MEI, channel: "C0OTHER", text: "hi" }));
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error).toContain("C0OTHER is not one of the sandbox's channels");
    // A form on another site can post text/plain without asking: refused.
    expect((await post(JSON.stringify({ kind: "openHome", user: MEI }), { "content-type": "text/plain" })).status).toBe(
      415,
    );
    // A page of another name that resolves here (DNS rebinding) is refused too.
    const rebound = await new Promise<number | undefined>((resolve, reject) =>
      http
        .get(`${base}/sandbox/state`, { headers: { host: "evil.example" } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on("error", reject),
    );
    expect(rebound).toBe(403);
    expect((await fetch(`${base}/sandbox/state?user=U0NOBODY`)).status).toBe(400);
  });

  it("shows each person the Home tab they may see, searches from it, and parks a case waiting on the buyer", async () => {
    const homeSays = (user: string, text: string) =>
      until(`"${text}" on ${user}'s Home tab`, async () => {
        const home = (await seen(user)).home;
        return !!home && JSON.stringify(home.view.blocks).includes(text) && home;
      });
    await act(SAM, { kind: "openHome" });
    await homeSays(SAM, "agents and leads only");
    await act(LENA, { kind: "openHome" });
    await homeSays(LENA, "The team today");
    await act(MEI, { kind: "openHome" });
    const home = await homeSays(MEI, "My cases");
    expect(JSON.stringify(home.view.blocks)).not.toContain("The team today");

    // Enter in the search box, as the page sends it.
    const box = home.view.blocks.findIndex((b: Record<string, any>) => b.block_id === "home_search");
    const query = { value: "Anna Schmidt" };
    const searched = await act(MEI, {
      kind: "act",
      place: { surface: "view", viewId: home.id },
      at: `${box}:e`,
      picked: query,
      inputs: { home_search: query },
    });
    expect(searched).toMatchObject({ ok: true });
    await homeSays(MEI, "Cases matching “Anna Schmidt”");

    // ⋯ → Waiting on the buyer on Mei's claimed case: a day in the form, the card and the tab say so.
    const card = await until("Tom Reed's card", async () =>
      (await seen(MEI)).messages.find(
        (m) => m.channel === CASES && !m.thread_ts && JSON.stringify(m.blocks ?? []).includes("Tom Reed"),
      ),
    );
    const [i, j] = (() => {
      for (const [i, b] of (card.blocks ?? []).entries()) {
        const j = (b.elements ?? []).findIndex((e: Record<string, any>) => e.type === "overflow");
        if (j >= 0) return [i, j];
      }
      throw new Error("No ⋯ menu on the card");
    })();
    const options: Record<string, any>[] = card.blocks![i].elements[j].options;
    await act(MEI, {
      kind: "act",
      place: { surface: "message", channel: CASES, ts: card.ts },
      at: `${i}:${j}`,
      picked: { value: String(options.findIndex((o) => o.text.text === "Waiting on the buyer")) },
    });
    const waiting = await topModal(MEI, "waiting_modal");
    expect(renderBlocks(waiting.view.blocks, ctx)).not.toContain("bk-unknown");
    await act(MEI, { kind: "submit", viewId: waiting.id, inputs: { follow_up: { value: day(3) } } });
    await until("the waiting form closed", async () => (await seen(MEI)).modals.length === 0);
    await until("the card waiting on the buyer", async () =>
      JSON.stringify((await seen(MEI)).messages.find((m) => m.ts === card.ts)?.blocks).includes(
        "Waiting on the buyer until",
      ),
    );
    const after = await homeSays(MEI, "Waiting on the buyer (1)");
    // The search made from the tab stays on it.
    expect(JSON.stringify(after.view.blocks)).toContain("Cases matching “Anna Schmidt”");
  });

  it("lets a person switch to Chinese from the Home tab: the tab and their answers follow, the channel does not", async () => {
    const homeOf = (text: string) =>
      until(`"${text}" on Tom's Home tab`, async () => {
        const home = (await seen(TOM)).home;
        return !!home && JSON.stringify(home.view.blocks).includes(text) && home;
      });
    await act(TOM, { kind: "openHome" });
    const home = await homeOf("My cases");
    const at = home.view.blocks.findIndex((b: Record<string, any>) => b.accessory?.action_id === "home_language");
    const options: Record<string, any>[] = home.view.blocks[at].accessory.options;
    const picked = await act(TOM, {
      kind: "act",
      place: { surface: "view", viewId: home.id },
      at: `${at}:a`,
      picked: { value: String(options.findIndex((o) => o.value === "zh-CN")) },
    });
    expect(picked).toMatchObject({ ok: true });
    const chinese = await homeOf("我的工单");
    expect(renderBlocks(chinese.view.blocks, ctx)).not.toContain("bk-unknown");
    await type(TOM, "/case 帮助");
    await lastEphemeral(TOM, "新建");
    // Back to English for the rest of the story.
    await type(TOM, "/case language en");
    await lastEphemeral(TOM, "From now on I write to you in English.");
  });

  it("marks a person away from the Home tab's datepicker until the day they pick, and back with I'm back", async () => {
    const homeOf = (text: string) =>
      until(`"${text}" on Tom's Home tab`, async () => {
        const home = (await seen(TOM)).home;
        return !!home && JSON.stringify(home.view.blocks).includes(text) && home;
      });
    const pickDay = async (value: string) => {
      const home = (await seen(TOM)).home!;
      const at = home.view.blocks.findIndex((b: Record<string, any>) => b.accessory?.action_id === "home_away_until");
      expect(at).toBeGreaterThanOrEqual(0);
      return act(TOM, { kind: "act", place: { surface: "view", viewId: home.id }, at: `${at}:a`, picked: { value } });
    };
    await act(TOM, { kind: "openHome" });
    const here = await homeOf("Pick the day you are back");
    expect(renderBlocks(here.view.blocks, ctx)).toContain('type="date"');

    // A day gone by: Tom is told privately why, and stays here.
    expect(await pickDay(day(-2))).toMatchObject({ ok: true });
    await until("the refusal in Tom's messages", async () =>
      (await seen(TOM)).messages.find((m) => m.channel === TOM && m.text?.includes(`${day(-2)} has passed`)),
    );

    expect(await pickDay(day(10))).toMatchObject({ ok: true });
    const away = await homeOf("You are away until");
    expect(renderBlocks(away.view.blocks, ctx)).not.toContain("bk-unknown");
    await act(TOM, {
      kind: "act",
      place: { surface: "view", viewId: away.id },
      at: buttonAt(away.view.blocks, "I'm back"),
      picked: {},
    });
    const back = await homeOf("Pick the day you are back");
    expect(JSON.stringify(back.view.blocks)).not.toContain("I'm back");
  });

  it("pulls negative feedback from Amazon as cases, and shows a lead the connection with Pull now", async () => {
    // The bot pulls what it never pulled as it starts: the 1–2 star ratings arrive as cases.
    await until("a negative review from Amazon's feedback report", async () =>
      (await seen(LENA)).messages.find(
        (m) =>
          m.channel === CASES &&
          !m.thread_ts &&
          m.text?.includes("Negative review") &&
          JSON.stringify(m.blocks ?? []).includes("feedback on Amazon"),
      ),
    );

    await type(MEI, "/case amazon");
    await lastEphemeral(MEI, "Only leads can see and run the connection to Amazon");
    await type(LENA, "/case amazon");
    const status = await lastEphemeral(LENA, "Amazon connection");
    const shown = JSON.stringify(status.blocks);
    for (const report of ["FBA returns", "Merchant-fulfilled returns", "Seller feedback", "Account health"])
      expect(shown).toContain(`*${report}*`);
    await act(LENA, {
      kind: "act",
      place: { surface: "message", channel: CASES, ts: status.ts, ephemeral: true },
      at: buttonAt(status.blocks, "Pull now"),
      picked: {},
    });
    const pulled = await until("the status after the pull, in place", async () => {
      const m = (await seen(LENA)).ephemerals.find((e) => e.ts === status.ts);
      return m && JSON.stringify(m.blocks).includes("Pulled just now") && m;
    });
    expect(JSON.stringify(pulled.blocks)).not.toContain(":warning:");
    expect((await seen(LENA)).ephemerals.filter((e) => JSON.stringify(e).includes("Amazon connection"))).toHaveLength(
      1,
    );
  });

  it("shows everything the bot sent without a 'cannot show' placeholder or an emoji code", async () => {
    const shown = (blocks: Record<string, any>[] | undefined) => {
      const html = renderBlocks(blocks, ctx);
      expect(html).not.toContain("bk-unknown");
      expect(html.replace(/<[^>]*>/g, " ")).not.toMatch(/:[a-z][a-z0-9_+-]*:/);
    };
    for (const person of [MEI, TOM, LENA, SAM]) {
      const s = await seen(person);
      for (const m of [...s.messages, ...s.ephemerals]) shown(m.blocks);
      for (const v of s.modals) shown(v.view.blocks);
      if (s.home) shown(s.home.view.blocks);
    }
  });
});
