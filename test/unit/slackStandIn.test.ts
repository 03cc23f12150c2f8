// The stand-in for Slack answers what Slack would, and never stops answering on a payload it
// cannot read: the tests and the sandbox depend on it to catch what Slack would refuse.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { peopleActions } from "../../src/sandbox/interactions.ts";
import { type SlackStandIn, startSlackStandIn } from "../../src/sandbox/slackStandIn.ts";

describe("the stand-in for Slack's Web API", () => {
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await startSlackStandIn();
  });
  afterAll(() => slack.close());

  const call = async (method: string, args: Record<string, unknown>) =>
    (
      await fetch(`${slack.url}${method}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer xoxb-test-token" },
        body: JSON.stringify(args),
      })
    ).json();
  const modal = (title: string) => ({ type: "modal", title: { type: "plain_text", text: title }, blocks: [] });

  it("refuses what Slack refuses, saying why", async () => {
    expect(await call("chat.postMessage", { channel: "C1" })).toMatchObject({ ok: false, error: "no_text" });
    const many = Array.from({ length: 51 }, () => ({ type: "divider" }));
    const tooMany = await call("chat.postMessage", { channel: "C1", text: "x", blocks: many });
    expect(tooMany).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect(tooMany.response_metadata.messages[0]).toContain("51 blocks > 50");
    expect(await call("chat.postMessage", { channel: "C1", text: "x", blocks: "nope" })).toMatchObject({
      ok: false,
      error: "invalid_blocks",
    });
    const noElement = await call("views.open", {
      trigger_id: slack.trigger("U1"),
      view: { ...modal("Form"), blocks: [{ type: "input", label: { type: "plain_text", text: "x" } }] },
    });
    expect(noElement).toMatchObject({ ok: false, error: "invalid_arguments" });
    expect(slack.messages()).toEqual([]);
  });

  it("keeps what people see: a message updated in place, a person's modal stack up to three", async () => {
    const posted = await call("chat.postMessage", { channel: "C1", text: "first" });
    await call("chat.update", { channel: "C1", ts: posted.ts, text: "second" });
    expect(slack.messages("C1").map((m) => [m.text, m.edited])).toEqual([["second", true]]);
    await call("views.open", { trigger_id: slack.trigger("U2"), view: modal("One") });
    await call("views.push", { trigger_id: slack.trigger("U2"), view: modal("Two") });
    await call("views.push", { trigger_id: slack.trigger("U2"), view: modal("Three") });
    expect(await call("views.push", { trigger_id: slack.trigger("U2"), view: modal("Four") })).toMatchObject({
      ok: false,
      error: "push_limit_reached",
    });
    expect(slack.modals("U2").map((v) => v.view.title.text)).toEqual(["One", "Two", "Three"]);
  });

  it("refuses a views.update made for an older version of the form (hash_conflict)", async () => {
    await call("views.open", { trigger_id: slack.trigger("U3"), view: modal("Form") });
    const [open] = slack.modals("U3");
    const seen = open.hash;
    const first = await call("views.update", { view_id: open.id, hash: seen, view: modal("Second") });
    expect(first).toMatchObject({ ok: true, view: { id: open.id } });
    expect(first.view.hash).not.toBe(seen);
    expect(await call("views.update", { view_id: open.id, hash: seen, view: modal("Third") })).toMatchObject({
      ok: false,
      error: "hash_conflict",
    });
    expect(await call("views.update", { view_id: open.id, view: modal("Third") })).toMatchObject({ ok: true });
    expect(slack.modals("U3")[0].view.title.text).toBe("Third");
  });
});

describe("Block Kit limits on forms that change as people pick", () => {
  const option = (value: string) => ({ text: { type: "plain_text", text: value }, value });
  const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: "modal",
    title: { type: "plain_text", text: "Form" },
    submit: { type: "plain_text", text: "Save" },
    blocks: [{ type: "input", block_id: "b", label: { type: "plain_text", text: "Pick" }, element, ...extra }],
  });
  const select = { type: "static_select", action_id: "recompute", options: [option("a"), option("b")] };

  it("takes dispatch_action on an input, but not with a file input or as anything but true or false", () => {
    expect(blockKitProblems(input(select, { dispatch_action: true }), "modal")).toEqual([]);
    const text = {
      type: "plain_text_input",
      action_id: "t",
      dispatch_action_config: { trigger_actions_on: ["on_character_entered"] },
    };
    expect(blockKitProblems(input(text, { dispatch_action: true }), "modal")).toEqual([]);
    expect(blockKitProblems(input({ type: "file_input", action_id: "f" }, { dispatch_action: true }), "modal")).toEqual(
      ["block 0 (input): dispatch_action with a file_input"],
    );
    expect(blockKitProblems(input(select, { dispatch_action: "yes" }), "modal")).toEqual([
      "block 0 (input): dispatch_action is not true or false",
    ]);
    expect(
      blockKitProblems(input({ ...text, dispatch_action_config: { trigger_actions_on: ["on_blur"] } }), "modal"),
    ).toEqual(["block 0 (input): unknown dispatch trigger on_blur"]);
  });

  it("takes an overflow menu of one to five options in a message, never as an input", () => {
    const card = (options: unknown[]) => ({
      text: "card",
      blocks: [{ type: "actions", elements: [{ type: "overflow", action_id: "case_more", options }] }],
    });
    expect(blockKitProblems(card([option("a"), option("b")]), "message")).toEqual([]);
    expect(blockKitProblems(card([1, 2, 3, 4, 5, 6].map((n) => option(String(n)))), "message")).toEqual([
      "block 0 (actions): 6 overflow options (1–5)",
    ]);
    expect(blockKitProblems(card([option("x".repeat(76))]), "message")).toEqual([
      "block 0 (actions) option: text 76 > 75",
    ]);
    expect(blockKitProblems(input({ type: "overflow", options: [option("a")] }), "modal")).toEqual([
      "block 0 (input): overflow cannot be an input",
    ]);
  });

  it("takes a Home tab's search box that tells the app on Enter, and Claim buttons beside its sections", () => {
    const search = {
      type: "input",
      block_id: "home_search",
      dispatch_action: true,
      optional: true,
      label: { type: "plain_text", text: "Find a case" },
      element: {
        type: "plain_text_input",
        action_id: "home_search",
        dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
      },
    };
    const claim = { type: "button", text: { type: "plain_text", text: "Claim" }, action_id: "case_claim", value: "7" };
    const section = (accessory: Record<string, unknown>) => ({
      type: "section",
      text: { type: "mrkdwn", text: "AS-1007" },
      accessory,
    });
    expect(blockKitProblems({ type: "home", blocks: [section(claim), search] }, "home")).toEqual([]);
    expect(
      blockKitProblems(
        { type: "home", blocks: [{ ...search, element: { ...search.element, dispatch_action_config: {} } }] },
        "home",
      ),
    ).toEqual([]);
    expect(
      blockKitProblems(
        {
          type: "home",
          blocks: [{ ...search, element: { ...search.element, dispatch_action_config: { trigger_actions_on: [] } } }],
        },
        "home",
      ),
    ).toEqual(["block 0 (input): dispatch_action_config without triggers"]);
    // A text box only lives in an input block.
    expect(blockKitProblems({ type: "home", blocks: [section(search.element)] }, "home")).toEqual([
      "block 0 (section): plain_text_input cannot be an accessory",
    ]);
    expect(
      blockKitProblems({ text: "x", blocks: [{ type: "actions", elements: [search.element] }] }, "message"),
    ).toEqual(["block 0 (actions): plain_text_input belongs in an input block"]);
  });

  it("checks that a person picker starts on a person", () => {
    const picker = { type: "users_select", action_id: "value", placeholder: { type: "plain_text", text: "Pick" } };
    expect(blockKitProblems(input({ ...picker, initial_user: "U0SBXTOM" }), "modal")).toEqual([]);
    expect(blockKitProblems(input(picker), "modal")).toEqual([]);
    expect(blockKitProblems(input({ ...picker, initial_user: "Tom" }), "modal")).toEqual([
      "block 0 (input): initial_user Tom is not a user id",
    ]);
    expect(
      blockKitProblems(input({ type: "multi_users_select", action_id: "v", initial_users: ["U1A", ""] }), "modal"),
    ).toEqual(["block 0 (input): initial_users  is not a user id"]);
  });

  it("checks a datepicker's day and that initial choices are among the choices", () => {
    expect(blockKitProblems(input({ type: "datepicker", initial_date: "27/11/2026" }), "modal")).toEqual([
      "block 0 (input): initial_date 27/11/2026 is not YYYY-MM-DD",
    ]);
    const radio = { type: "radio_buttons", options: [option("a")], initial_option: option("b") };
    expect(blockKitProblems(input(radio), "modal")).toEqual([
      "block 0 (input): initial option b is not among the options",
    ]);
  });
});

describe("what people do, sent to the app as Slack sends it", () => {
  let slack: SlackStandIn;
  let app: http.Server;
  const received: Record<string, any>[] = [];

  beforeAll(async () => {
    slack = await startSlackStandIn();
    app = http.createServer(async (req, res) => {
      let body = "";
      for await (const c of req) body += c;
      received.push(JSON.parse(new URLSearchParams(body).get("payload") ?? "{}"));
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    app.closeAllConnections();
    await new Promise((r) => app.close(r));
    await slack.close();
  });

  it("carries the view's current state: the pick and everything entered so far, by block id", async () => {
    const option = (value: string, text: string) => ({ text: { type: "plain_text", text }, value });
    const view = {
      type: "modal",
      callback_id: "resolve",
      title: { type: "plain_text", text: "Resolve" },
      submit: { type: "plain_text", text: "Resolve" },
      blocks: [
        {
          type: "input",
          block_id: "root_cause",
          dispatch_action: true,
          label: { type: "plain_text", text: "Root cause" },
          element: {
            type: "static_select",
            action_id: "resolve_recompute",
            placeholder: { type: "plain_text", text: "Choose…" },
            options: [option("defect", "Defect"), option("wrong_item", "Wrong item")],
          },
        },
        {
          type: "input",
          block_id: "currency",
          label: { type: "plain_text", text: "Currency" },
          element: {
            type: "static_select",
            action_id: "v",
            options: [option("USD", "USD")],
            initial_option: option("USD", "USD"),
          },
        },
        {
          type: "input",
          block_id: "note",
          label: { type: "plain_text", text: "Note" },
          element: { type: "plain_text_input", action_id: "v" },
        },
      ],
    };
    await fetch(`${slack.url}views.open`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ trigger_id: slack.trigger("U4"), view }),
    });
    const [open] = slack.modals("U4");
    const { port } = app.address() as AddressInfo;
    const people = peopleActions({
      slack,
      manifest: {},
      bot: () => ({ url: `http://127.0.0.1:${port}`, signingSecret: "s" }),
    });
    const outcome = await people.act(
      "U4",
      { surface: "view", viewId: open.id },
      "0:e",
      { value: "1" },
      {
        root_cause: { value: "1" },
        note: { value: "Buyer sent photos" },
      },
    );
    expect(outcome).toEqual({ ok: true });
    const payload = received.at(-1)!;
    expect(payload).toMatchObject({
      type: "block_actions",
      container: { type: "view", view_id: open.id },
      view: { id: open.id, hash: open.hash, callback_id: "resolve" },
      actions: [
        {
          type: "static_select",
          action_id: "resolve_recompute",
          block_id: "root_cause",
          selected_option: option("wrong_item", "Wrong item"),
        },
      ],
    });
    expect(payload.view.state.values).toEqual({
      root_cause: { resolve_recompute: { type: "static_select", selected_option: option("wrong_item", "Wrong item") } },
      // Not reported by the page: its initial value, as Slack's state has it.
      currency: { v: { type: "static_select", selected_option: option("USD", "USD") } },
      note: { v: { type: "plain_text_input", value: "Buyer sent photos" } },
    });
  });

  it("sends what happens on a Home tab with the tab's search box in its state", async () => {
    const home = {
      type: "home",
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "AS-1007" },
          accessory: {
            type: "button",
            text: { type: "plain_text", text: "Claim" },
            action_id: "case_claim",
            value: "7",
          },
        },
        {
          type: "input",
          block_id: "home_search",
          dispatch_action: true,
          optional: true,
          label: { type: "plain_text", text: "Find a case" },
          element: {
            type: "plain_text_input",
            action_id: "home_search",
            dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
          },
        },
      ],
    };
    const published = await (
      await fetch(`${slack.url}views.publish`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user_id: "U6", view: home }),
      })
    ).json();
    expect(published).toMatchObject({ ok: true });
    const tab = slack.home("U6")!;
    const { port } = app.address() as AddressInfo;
    const people = peopleActions({
      slack,
      manifest: {},
      bot: () => ({ url: `http://127.0.0.1:${port}`, signingSecret: "s" }),
    });
    const place = { surface: "view" as const, viewId: tab.id };
    // Enter in the search box.
    await people.act("U6", place, "1:e", { value: "Jordan Miles" }, { home_search: { value: "Jordan Miles" } });
    expect(received.at(-1)).toMatchObject({
      type: "block_actions",
      container: { type: "view", view_id: tab.id },
      view: {
        id: tab.id,
        type: "home",
        state: { values: { home_search: { home_search: { value: "Jordan Miles" } } } },
      },
      actions: [{ type: "plain_text_input", action_id: "home_search", block_id: "home_search", value: "Jordan Miles" }],
    });
    // Claim beside a section, the box still holding the query.
    await people.act("U6", place, "0:a", {}, { home_search: { value: "Jordan Miles" } });
    expect(received.at(-1)).toMatchObject({
      view: { state: { values: { home_search: { home_search: { value: "Jordan Miles" } } } } },
      actions: [{ type: "button", action_id: "case_claim", block_id: tab.view.blocks[0].block_id, value: "7" }],
    });
  });

  it("sends the button the person pressed, even if the app changed the message since", async () => {
    const button = (text: string, actionId: string) => ({
      type: "button",
      text: { type: "plain_text", text },
      action_id: actionId,
      value: "7",
    });
    const card = (b: Record<string, unknown>) => [{ type: "actions", block_id: "case_actions", elements: [b] }];
    const post = async (method: string, args: Record<string, unknown>) =>
      (
        await fetch(`${slack.url}${method}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(args),
        })
      ).json();
    const { ts } = await post("chat.postMessage", {
      channel: "C5",
      text: "card",
      blocks: card(button("Claim", "case_claim")),
    });
    // Another agent's claim changed the card before this person's press arrived.
    await post("chat.update", { channel: "C5", ts, text: "card", blocks: card(button("Take over", "case_take_over")) });
    const { port } = app.address() as AddressInfo;
    const people = peopleActions({
      slack,
      manifest: {},
      bot: () => ({ url: `http://127.0.0.1:${port}`, signingSecret: "s" }),
    });
    const place = { surface: "message" as const, channel: "C5", ts };
    await people.act("U5", place, "0:0", {}, {}, { blockId: "case_actions", element: button("Claim", "case_claim") });
    expect(received.at(-1)?.actions).toMatchObject([{ action_id: "case_claim", block_id: "case_actions", value: "7" }]);
    // Without the element as shown, the one now in its place.
    await people.act("U5", place, "0:0", {});
    expect(received.at(-1)?.actions).toMatchObject([{ action_id: "case_take_over" }]);
  });
});
