// The sandbox in a real browser (Debian's chromium, driven by playwright-core): the story a
// newcomer walks through — a new case with an inline error fixed, a claim race between two
// agents, Log reply, Resolve — the playbook on a claimed case (a reply draft, the abuse rule, the
// remedy the resolve form suggests as causes are picked), a lead's bulk claim on the wave alert,
// the Home tab (a claim from it, its search box), /case find and /case show, a note from a card's
// ⋯ menu, a lead handing cases to an agent, and an escalation under the fast clock. Screenshots go
// to screenshots/.
import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/sandbox/sandbox.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = "screenshots";
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.REQUIRE_BROWSER) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium`);

const ORDER = "113-7777777-1234567";

/** Waits until the element's text matches (the page follows the bot's messages as they come). */
const shows = (loc: Locator, text: string | RegExp, timeout = 15_000) =>
  expect
    .poll(async () => (await loc.textContent({ timeout: 500 }).catch(() => "")) ?? "", { timeout, interval: 100 })
    .toMatch(text);

describe.skipIf(!haveBrowser)("the sandbox in a browser", () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;

  const open = async (person: string) => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 }, timezoneId: "UTC" });
    await p.goto(`${sandbox.url}?as=${person}`);
    return p;
  };
  const as = async (name: string) => {
    const value = await page.$eval(
      "#people",
      (el, n) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith(n))?.value ?? "",
      name,
    );
    await page.selectOption("#people", value);
    // The page has loaded what this person sees.
    await page.waitForFunction((id) => document.body.dataset.person === id, value);
  };
  const typeInComposer = async (p: Page, text: string) => {
    await p.fill("#composer-input", text);
    await p.press("#composer-input", "Enter");
  };
  /** A card in the channel on screen (not an answer only the person sees, such as /case show). */
  const card = (p: Page, text: string | RegExp) =>
    p.locator("#messages .message:not(.ephemeral)", { hasText: text }).last();
  /** A modal input by its label (not by a hint that names another field). */
  const field = (p: Page, label: string) =>
    p
      .locator("#modal [data-input-block]")
      .filter({ has: p.locator(".bk-label", { hasText: new RegExp(`^${label}`) }) });
  const goTo = (p: Page, channel: string) => p.locator("nav a", { hasText: channel }).click();
  /** The label of the option a select shows as picked. */
  const picked = (select: Locator) =>
    select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
  const modal = (p: Page) => p.locator("#modal");
  const closeModal = async (p: Page) => {
    await p.locator("#modal .modal-foot [data-close]").click();
    await p.locator("#modal-backdrop").waitFor({ state: "hidden" });
  };
  const homeTab = (p: Page) => p.locator("#messages > .home");
  const searchBox = (p: Page) => homeTab(p).locator("[data-input-block='home_search'] input");
  /** The first case number in a piece of the page ("AS-1012"). */
  const caseNumberIn = async (loc: Locator) => {
    const n = /AS-\d+/.exec((await loc.textContent()) ?? "")?.[0];
    if (!n) throw new Error("No case number there");
    return n;
  };
  /** A case number as a word of its own: AS-101 is not AS-1012. */
  const word = (n: string) => new RegExp(`${n}(?!\\d)`);
  const myCasesCount = async (p: Page) =>
    Number(/My cases \((\d+)\)/.exec((await homeTab(p).locator(".bk-header").first().textContent()) ?? "")?.[1]);
  /** The person's direct messages with the app. */
  const openDm = (p: Page, person: string) => p.locator(`nav a[href="#${person}"]`).click();
  const lastEphemeral = (p: Page, text: string) => p.locator(".message.ephemeral", { hasText: text }).last();

  beforeAll(async () => {
    // A quarter of a minute: the fast clock's escalation arrives within the test's patience.
    sandbox = await startSandbox({ port: 0, fastClockMinutes: 0.25, log: () => {} });
    await sandbox.storyStored;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await open("U0SBXMEI");
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it("walks a case from /case new to Resolved, with a lost claim race on the way", async () => {
    await shows(page.locator(".banner"), "not Slack");
    // The demo story's cards are posted by the bot when it starts.
    await page.locator(".message", { hasText: "A-to-z claim" }).first().waitFor();

    await typeInComposer(page, "/case new");
    await page.locator("#modal", { hasText: "New after-sales case" }).waitFor();
    const orderInput = field(page, "Order ID").locator("input");
    await orderInput.fill("123-45");
    await field(page, "Case type").locator("select").selectOption({ label: "Refund" });
    await field(page, "What happened").locator("textarea").fill("Buyer says the blender lid arrived cracked.");
    await page.click("#modal [data-submit]");
    // The bot's inline error, under the field, with what was typed kept.
    await shows(field(page, "Order ID").locator(".bk-error"), "Order IDs look like");
    expect(await orderInput.inputValue()).toBe("123-45");
    await page.screenshot({ path: `${SHOTS}/new-case-inline-error.png` });
    await orderInput.fill(ORDER);
    await page.click("#modal [data-submit]");
    await page.locator("#modal-backdrop").waitFor({ state: "hidden" });

    // Mei and Tom both see the card and press Claim at the same moment: one wins, the other is
    // told privately who has it.
    const tom = await open("U0SBXTOM");
    const claimOn = (p: Page) => card(p, ORDER).getByRole("button", { name: "Claim", exact: true });
    await claimOn(page).waitFor();
    await claimOn(tom).waitFor();
    // Both buttons are pressed in the same instant, before either page hears of the other's claim
    // (found and clicked in one step, so a page redrawn in between cannot lose the click).
    const pressClaim = (p: Page) =>
      p.evaluate((order) => {
        const card = [...document.querySelectorAll(".message")].filter((m) => m.textContent?.includes(order)).at(-1);
        const button = [...(card?.querySelectorAll<HTMLButtonElement>("button") ?? [])].find(
          (b) => b.textContent === "Claim",
        );
        button?.click();
        return !!button;
      }, ORDER);
    expect(await Promise.all([pressClaim(page), pressClaim(tom)])).toEqual([true, true]);
    const lostNote = (p: Page) => p.locator(".message.ephemeral", { hasText: "already claimed" });
    await expect
      .poll(async () => (await lostNote(page).count()) + (await lostNote(tom).count()), { timeout: 10_000 })
      .toBe(1);
    const meiLost = (await lostNote(page).count()) === 1;
    const [winner, loser] = meiLost ? ["Tom Becker", page] : ["Mei Chen", tom];
    await shows(lostNote(loser), "Only visible to you");
    await shows(lostNote(loser), winner);
    await shows(card(page, ORDER), winner);
    await tom.close();

    // The rest of the case is the winner's.
    await as(winner);
    await card(page, ORDER).getByRole("button", { name: "Log reply" }).click();
    await shows(card(page, ORDER), /first reply/i);
    await card(page, ORDER).getByRole("button", { name: "Resolve" }).click();
    await page.locator("#modal", { hasText: "Resolve AS-" }).waitFor();
    // The cause first: the form answers with the playbook's suggestion, then the agent chooses.
    await field(page, "Root cause").locator("select").selectOption({ label: "Damaged in transit" });
    await shows(modal(page), "Suggested: Replacement");
    await field(page, "Resolution").locator("select").selectOption({ label: "Partial refund" });
    await field(page, "Amount").locator("input").fill("6.50");
    await field(page, "Currency").locator("select").selectOption({ label: "USD" });
    await page.click("#modal [data-submit]");
    await page.locator("#modal-backdrop").waitFor({ state: "hidden" });
    await shows(card(page, ORDER), "Resolved");
    await card(page, ORDER).getByRole("button", { name: "Reopen" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/cases-channel.png` });
  });

  it("guides an agent through the playbook on a claimed case: a reply draft, the abuse rule, a suggested remedy", async () => {
    // Tom's claimed case: a 1-star review of a 24.99 USD cable, a low-priced item.
    await as("Tom Becker");
    await goTo(page, "after-sales-cases");
    const brooks = card(page, "J. Brooks");
    await brooks.getByRole("button", { name: "Draft reply" }).waitFor();

    // Draft reply: another template puts its own text in the box.
    await brooks.getByRole("button", { name: "Draft reply" }).click();
    await modal(page).filter({ hasText: "Reply AS-" }).waitFor();
    const reply = field(page, "Reply to the buyer").locator("textarea");
    await expect.poll(() => reply.inputValue()).toContain("We have received your request");
    await shows(modal(page), "Passes Amazon's messaging rules");
    await field(page, "Template")
      .locator("select")
      .selectOption({ label: "Offer a partial refund: Offer a partial refund and keep the item" });
    await expect.poll(() => reply.inputValue()).toContain("we would like to offer you a partial refund");
    expect(await reply.inputValue()).not.toContain("We have received your request");
    await page.screenshot({ path: `${SHOTS}/draft-reply.png` });
    await closeModal(page);

    // ⋯ → Suspect abuse: the form says what the playbook asks, with the evidence to tick.
    await brooks.locator("select[data-type='overflow']").selectOption({ label: "Suspect abuse" });
    await modal(page).filter({ hasText: "Abuse? AS-" }).waitFor();
    await shows(modal(page), "Collect evidence and appeal to Amazon; do not argue with the buyer");
    await field(page, "Evidence collected").getByText("Tracking / proof of delivery").waitFor();
    await closeModal(page);

    // Resolve: each cause and severity picked brings the playbook's suggestion, preselected; what
    // was typed meanwhile stays.
    await brooks.getByRole("button", { name: "Resolve" }).click();
    await modal(page).filter({ hasText: "Resolve AS-" }).waitFor();
    await shows(modal(page), "Pick the root cause to see what the playbook suggests");
    const note = field(page, "Note").locator("textarea");
    await note.fill("Buyer sent a photo of the frayed cable.");
    await field(page, "Root cause").locator("select").selectOption({ label: "Defect" });
    await shows(modal(page), "Suggested: Partial refund 5–10%");
    const resolution = field(page, "Resolution").locator("select");
    await expect.poll(() => picked(resolution)).toBe("Partial refund");
    await shows(field(page, "Amount").locator(".bk-hint"), /Suggested: 1\.25[^.]*2\.50 USD/);
    expect(await note.inputValue()).toBe("Buyer sent a photo of the frayed cable.");

    const severity = field(page, "How bad").locator("select");
    await severity.selectOption({ label: "Serious: unusable, unsafe, or not what was ordered" });
    await shows(modal(page), "Suggested: Replacement or a refund");
    await expect.poll(() => picked(resolution)).toBe("Replacement");
    await severity.selectOption({ label: "Minor: still usable, or only cosmetic" });
    await expect.poll(() => picked(resolution)).toBe("Partial refund");
    expect(await picked(field(page, "Root cause").locator("select"))).toBe("Defect");
    await field(page, "Amount").locator("input").fill("2.00");
    await page.screenshot({ path: `${SHOTS}/resolve-suggestion.png` });
    await page.click("#modal [data-submit]");
    await page.locator("#modal-backdrop").waitFor({ state: "hidden" });
    await shows(brooks, "Playbook suggested: Partial refund (followed)");
    expect(await brooks.textContent()).toContain("Buyer sent a photo of the frayed cable.");
  });

  it("lets a lead claim a whole return wave from its alert", async () => {
    await as("Lena Park");
    await goTo(page, "after-sales-crisis");
    const alert = page.locator(".message", { hasText: "B0C7WAVE42" }).first();
    await alert.getByRole("button", { name: "Claim all unclaimed" }).click();
    await shows(page.locator(".message.ephemeral").last(), /claimed/i);
    await page.screenshot({ path: `${SHOTS}/wave-alert.png` });
    await goTo(page, "after-sales-cases");
    await page.locator(".message", { hasText: "B0C7WAVE42" }).filter({ hasText: "Lena Park" }).first().waitFor();
  });

  it("shows the weekly triage's chart under it, and the return wave's chart in the alert's thread", async () => {
    await as("Lena Park");
    await goTo(page, "after-sales-weekly");
    const digestChart = page.locator("#messages .upload img").first();
    await digestChart.waitFor();
    // The picture itself loads (a PNG about 1000 pixels wide), with its figures as alt text.
    await expect.poll(() => digestChart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(800);
    expect(await digestChart.getAttribute("alt")).toMatch(/Cases opened per day/);
    await page.screenshot({ path: `${SHOTS}/digest-chart.png` });

    await goTo(page, "after-sales-crisis");
    await page.locator(".message", { hasText: "B0C7WAVE42" }).first().locator(".replies").click();
    const waveChart = page.locator("#thread-messages .upload img").first();
    await waveChart.waitFor();
    await expect.poll(() => waveChart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(800);
    expect(await waveChart.getAttribute("alt")).toContain("B0C7WAVE42");
  });

  it("shows an agent's Home tab: a search from its box, a claim that changes the card and then the tab", async () => {
    await as("Mei Chen");
    await goTo(page, "Home");
    // Opening the tab tells the app, which publishes it.
    await shows(homeTab(page), "My cases");
    await shows(homeTab(page), "Needs someone");
    expect(await homeTab(page).textContent()).not.toContain("The team today");

    // Enter in the search box: the matches show on the tab, the query stays in the box.
    await searchBox(page).fill("Jordan Miles");
    await searchBox(page).press("Enter");
    await shows(homeTab(page), "Cases matching “Jordan Miles”");
    expect(await searchBox(page).inputValue()).toBe("Jordan Miles");

    // Claim from Needs someone: Tom, in the cases channel, sees the card change at once; Mei's tab
    // follows a couple of seconds later, the search still on it.
    const tom = await open("U0SBXTOM");
    const before = await myCasesCount(page);
    const needing = homeTab(page)
      .locator(".bk-section")
      .filter({ has: page.getByRole("button", { name: "Claim", exact: true }) })
      .first();
    const taken = await caseNumberIn(needing);
    await card(tom, word(taken)).waitFor();
    await needing.getByRole("button", { name: "Claim", exact: true }).click();
    await shows(card(tom, word(taken)), "Mei Chen");
    await expect.poll(() => myCasesCount(page), { timeout: 15_000 }).toBe(before + 1);
    const mine = homeTab(page).locator(".bk-section", { hasText: word(taken) });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await homeTab(page).getByRole("button", { name: "Log reply" }).count()).toBe(before + 1);
    expect(await homeTab(page).textContent()).toContain("Cases matching “Jordan Miles”");
    expect(await searchBox(page).inputValue()).toBe("Jordan Miles");
    await page.screenshot({ path: `${SHOTS}/home-tab.png` });

    // What is being typed stays while the page follows what others do.
    await searchBox(page).fill("Priya");
    const followed = page.waitForResponse((r) => r.url().includes("/sandbox/state"));
    await typeInComposer(tom, "Back in ten minutes.");
    await followed;
    expect(await searchBox(page).inputValue()).toBe("Priya");
    await searchBox(page).press("Enter");
    await shows(homeTab(page), "Cases matching “Priya”");
    await tom.close();
  });

  it("answers /case find and /case show typed in a channel, and posts a note from a card's ⋯ in its thread", async () => {
    await as("Mei Chen");
    await goTo(page, "after-sales-cases");
    await typeInComposer(page, "/case find Chris Young");
    const found = lastEphemeral(page, "Cases matching “Chris Young”");
    await shows(found, "Only visible to you");
    const n = await caseNumberIn(found.locator(".message-body"));
    // The case's number opens its card, with its thread beside it.
    await found.getByRole("link", { name: n }).click();
    await shows(page.locator("#thread-messages .message").first(), "Chris Young");
    await page.click("#close-thread");

    await typeInComposer(page, `/case show ${n}`);
    const shown = lastEphemeral(page, "History");
    await shows(shown, `Open ${n} in the cases channel`);
    await shows(shown, "Chris Young");
    // Reassigning is for leads.
    expect(await shown.getByRole("button", { name: "Reassign" }).count()).toBe(0);

    const chris = card(page, "Chris Young");
    await chris.locator("select[data-type='overflow']").selectOption({ label: "Add a note" });
    await modal(page)
      .filter({ hasText: `Note on ${n}` })
      .waitFor();
    await field(page, "Note").locator("textarea").fill("Called the buyer: a photo of the box is on its way.");
    await page.click("#modal [data-submit]");
    await page.locator("#modal-backdrop").waitFor({ state: "hidden" });
    await chris.locator(".replies").click();
    await shows(page.locator("#thread-messages"), "noted on");
    await shows(page.locator("#thread-messages"), "a photo of the box is on its way");
    await page.click("#close-thread");
  });

  it("lets a lead hand cases to an agent from the Home tab and from /case show; the agent gets a direct message", async () => {
    // Tom keeps his Home tab open: it follows what is handed to him.
    const tom = await open("U0SBXTOM");
    await goTo(tom, "Home");
    await shows(homeTab(tom), "My cases");
    const tomsBefore = await myCasesCount(tom);

    // Lena takes over the screen on the Home tab: for the app, she opened it.
    await goTo(page, "Home");
    await as("Lena Park");
    await shows(homeTab(page), "The team today");
    const needing = homeTab(page)
      .locator(".bk-section")
      .filter({ has: page.getByRole("button", { name: "Assign", exact: true }) })
      .first();
    const fromHome = await caseNumberIn(needing);
    expect(await homeTab(page).getByRole("button", { name: "Claim", exact: true }).count()).toBe(0);
    await needing.getByRole("button", { name: "Assign", exact: true }).click();
    await modal(page)
      .filter({ hasText: `Reassign ${fromHome}` })
      .waitFor();
    // Someone outside the team is refused under the picker; an agent is taken.
    const owner = field(page, "New owner").locator("select");
    await owner.selectOption({ label: "Sam Ortiz" });
    await page.click("#modal [data-submit]");
    await shows(field(page, "New owner").locator(".bk-error"), "not an after-sales agent");
    expect(await picked(owner)).toBe("Sam Ortiz");
    await owner.selectOption({ label: "Tom Becker" });
    await page.click("#modal [data-submit]");
    await page.locator("#modal-backdrop").waitFor({ state: "hidden" });
    await expect.poll(() => myCasesCount(tom), { timeout: 15_000 }).toBe(tomsBefore + 1);
    await shows(homeTab(tom), word(fromHome));

    // /case show: a lead's answer has Reassign.
    await goTo(page, "after-sales-cases");
    const dana = await caseNumberIn(card(page, "Dana Scott").locator(".bk-header"));
    await typeInComposer(page, `/case show ${dana}`);
    const shown = lastEphemeral(page, `Open ${dana} in the cases channel`);
    await shown.getByRole("button", { name: "Reassign" }).click();
    await modal(page)
      .filter({ hasText: `Reassign ${dana}` })
      .waitFor();
    await field(page, "New owner").locator("select").selectOption({ label: "Tom Becker" });
    await page.click("#modal [data-submit]");
    await page.locator("#modal-backdrop").waitFor({ state: "hidden" });
    await shows(card(page, "Dana Scott"), "Tom Becker");

    // Tom's direct messages: both cases, each linking to its card.
    await openDm(tom, "U0SBXTOM");
    const handed = (n: string) => tom.locator(".message", { hasText: "handed you" }).filter({ hasText: word(n) });
    await shows(handed(fromHome), "Lena Park");
    await shows(handed(dana), "Lena Park");
    await tom.screenshot({ path: `${SHOTS}/handed-to-tom.png` });
    await handed(dana).getByRole("link", { name: dana }).click();
    await shows(tom.locator("#channel-name"), "after-sales-cases");
    await shows(tom.locator("#thread-messages .message").first(), "Dana Scott");
    await tom.close();
  });

  it("escalates a case nobody answers under the fast clock", async () => {
    // The switch answers once the bot runs again with the new clock.
    const switched = page.waitForResponse(
      (r) => r.url().endsWith("/sandbox/do") && !!r.request().postData()?.includes("fastClock"),
    );
    await page.click("#fast-clock");
    expect(await (await switched).json()).toEqual({ ok: true });
    await expect.poll(() => page.isChecked("#fast-clock")).toBe(true);
    await expect.poll(() => page.locator("#bot-status").textContent()).toBe("");
    await goTo(page, "after-sales-cases");
    await typeInComposer(page, "/case new 114-5555555-7654321");
    await page.locator("#modal", { hasText: "New after-sales case" }).waitFor();
    await field(page, "Case type").locator("select").selectOption({ label: "Complaint" });
    await field(page, "What happened").locator("textarea").fill("Nobody answers this one.");
    await page.click("#modal [data-submit]");
    await card(page, "114-5555555-7654321").waitFor();
    await goTo(page, "after-sales-escalations");
    await page.locator(".message", { hasText: "114-5555555-7654321" }).first().waitFor({ timeout: 60_000 });
  }, 90_000);
});
