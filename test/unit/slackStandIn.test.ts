// The stand-in for Slack answers what Slack would, and never stops answering on a payload it
// cannot read: the tests and the sandbox depend on it to catch what Slack would refuse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
