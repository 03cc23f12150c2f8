// The sandbox page's rendering of what the bot sends: mrkdwn and Block Kit as HTML.
import { describe, expect, it } from "vitest";
import { elementAt, enteredKept, renderBlocks } from "../../src/sandbox/page/blockKit.ts";
import { mrkdwnHtml } from "../../src/sandbox/page/mrkdwn.ts";

const dir = {
  userName: (id: string) => ({ U1: "Mei Chen" })[id] ?? id,
  channelName: (id: string) => ({ C1: "after-sales-cases" })[id] ?? id,
  timeZone: "UTC",
};
const ctx = { dir, people: [{ id: "U1", name: "Mei Chen" }], channels: [{ id: "C1", name: "after-sales-cases" }] };

describe("mrkdwn", () => {
  it("formats bold, italic, strike, code and quotes", () => {
    expect(mrkdwnHtml("*Claimed* by _someone_ ~late~ `AS-12`", dir)).toBe(
      "<strong>Claimed</strong> by <em>someone</em> <del>late</del> <code>AS-12</code>",
    );
    expect(mrkdwnHtml("> the buyer said\n> twice\nthen", dir)).toBe(
      "<blockquote>the buyer said<br>twice</blockquote>then",
    );
    expect(mrkdwnHtml("```a *b*\n<c>```", dir)).toBe('<pre class="code-block">a *b*\n&lt;c&gt;</pre>');
  });

  it("shows mentions, channels and links by name, and escapes everything else", () => {
    expect(mrkdwnHtml("<@U1> in <#C1> see <https://example.com/x?a=1&amp;b=2|the order>", dir)).toBe(
      '<span class="mention" data-user="U1">@Mei Chen</span> in <span class="mention">#after-sales-cases</span> see <a href="https://example.com/x?a=1&amp;b=2" target="_blank" rel="noopener">the order</a>',
    );
    expect(mrkdwnHtml("&lt;script&gt;alert(1)&lt;/script&gt; & <javascript:alert(1)|x>", dir)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; <a href="#" target="_blank" rel="noopener">x</a>',
    );
  });

  it("never makes a script link or breaks out of an attribute", () => {
    expect(mrkdwnHtml("<!date^1700000000^{date}^javascript:alert(1)|x>", dir)).toContain('<a href="#"');
    expect(mrkdwnHtml("<data:text/html,hi|x>", dir)).toContain('<a href="#"');
    expect(mrkdwnHtml(`<https://example.com/'"onmouseover=x|x>`, dir)).toContain(
      'href="https://example.com/&#39;&quot;onmouseover=x"',
    );
    expect(mrkdwnHtml("\uE0000\uE001 stays text", dir)).toBe("0 stays text");
  });

  it("writes date tokens in the reader's time zone, with the fallback for a bad one", () => {
    const html = mrkdwnHtml("due <!date^1700000000^{date_short} at {time}|Nov 14>", dir);
    expect(html).toContain(">Nov 14, 2023 at 10:13 PM</time>");
    expect(mrkdwnHtml("<!date^nope^{time}|soon>", dir)).toBe("soon");
  });

  it("opens a link to a message (a case's card) on the page, in its channel and thread", () => {
    expect(mrkdwnHtml("<https://slack.com/archives/C1/p1700000000123456|AS-1042>", dir)).toBe(
      '<a href="#C1/1700000000.123456" class="message-link">AS-1042</a>',
    );
    // A reply in a thread opens its thread; the workspace's own address is a Slack address too.
    expect(
      mrkdwnHtml(
        "<https://stand-in.slack.com/archives/C1/p1700000001000200?thread_ts=1700000000.123456&amp;cid=C1|the reminder>",
        dir,
      ),
    ).toContain('href="#C1/1700000000.123456"');
    // Anything else is a link out, as before.
    expect(mrkdwnHtml("<https://slack.com.example.com/archives/C1/p1700000000123456|x>", dir)).toContain(
      'target="_blank"',
    );
  });

  it("leaves a lone asterisk alone and shows the emoji the bot writes as codes", () => {
    expect(mrkdwnHtml("2 * 3 = 6", dir)).toBe("2 * 3 = 6");
    expect(mrkdwnHtml(":rotating_light: wave at 10:30:00 :not_an_emoji:", dir)).toBe(
      "🚨 wave at 10:30:00 :not_an_emoji:",
    );
    const playbook =
      ":bulb: :male-detective: :scales: :package: :money_with_wings: :no_entry_sign: :grey_question: :trophy:";
    expect(mrkdwnHtml(playbook, dir)).not.toMatch(/:[a-z_-]+:/);
    // A note, a case waiting on the buyer, a reassignment.
    expect(mrkdwnHtml(":memo: noted · :speech_balloon: waiting · :busts_in_silhouette:", dir)).toBe(
      "📝 noted · 💬 waiting · 👥",
    );
    // Plain text shows emoji too (a header, a button), unless it says not to.
    expect(
      renderBlocks([{ type: "header", text: { type: "plain_text", text: ":rotating_light: Wave" } }], ctx),
    ).toContain("🚨 Wave");
    expect(
      renderBlocks([{ type: "header", text: { type: "plain_text", text: ":bulb: <b>", emoji: false } }], ctx),
    ).toContain(":bulb: &lt;b&gt;");
  });
});

describe("Block Kit", () => {
  const card = [
    { type: "header", text: { type: "plain_text", text: "AS-1 · Return" } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*Order*\n114-1" },
        { type: "mrkdwn", text: "*Owner*\n<@U1>" },
      ],
    },
    { type: "context", elements: [{ type: "mrkdwn", text: "Reply due <!date^1700000000^{time}|soon>" }] },
    { type: "divider" },
    {
      type: "actions",
      block_id: "case_actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Claim" },
          style: "primary",
          action_id: "claim",
          value: "1",
        },
        { type: "users_select", action_id: "assign", placeholder: { type: "plain_text", text: "Assign…" } },
      ],
    },
  ];

  it("renders a card's header, fields, context, divider and buttons with their style", () => {
    const html = renderBlocks(card, ctx);
    expect(html).toContain('<div class="bk-header">AS-1 · Return</div>');
    expect(html).toContain("<strong>Order</strong><br>114-1");
    expect(html).toContain("@Mei Chen");
    expect(html).toContain('<hr class="bk-divider">');
    expect(html).toMatch(/<button type="button" class="bk-button primary" data-el="4:0"[^>]*>Claim<\/button>/);
    expect(html).toContain('<option value="U1">Mei Chen</option>');
    expect(elementAt(card, "4:0")?.element.action_id).toBe("claim");
    expect(elementAt(card, "4:1")?.block.block_id).toBe("case_actions");
  });

  it("renders modal inputs with their initial values, optional marks, hints and inline errors", () => {
    const blocks = [
      {
        type: "input",
        block_id: "order",
        label: { type: "plain_text", text: "Order ID" },
        hint: { type: "plain_text", text: "3-7-7 digits" },
        element: { type: "plain_text_input", action_id: "v", initial_value: "11<4", max_length: 19 },
      },
      {
        type: "input",
        block_id: "kind",
        optional: true,
        label: { type: "plain_text", text: "Type" },
        element: {
          type: "static_select",
          action_id: "v",
          options: [
            { text: { type: "plain_text", text: "Return" }, value: "return" },
            { text: { type: "plain_text", text: "Refund" }, value: "refund" },
          ],
          initial_option: { text: { type: "plain_text", text: "Refund" }, value: "refund" },
        },
      },
      {
        type: "input",
        block_id: "when",
        label: { type: "plain_text", text: "When" },
        element: { type: "datepicker", action_id: "v", initial_date: "2026-11-27" },
      },
      {
        type: "input",
        block_id: "c",
        label: { type: "plain_text", text: "Condition" },
        element: {
          type: "radio_buttons",
          action_id: "v",
          options: [
            { text: { type: "plain_text", text: "Unopened" }, value: "u" },
            { text: { type: "plain_text", text: "Opened" }, value: "o" },
          ],
        },
      },
      {
        type: "input",
        block_id: "f",
        label: { type: "plain_text", text: "Report" },
        element: { type: "file_input", action_id: "v", filetypes: ["txt"] },
      },
    ];
    const html = renderBlocks(blocks, { ...ctx, errors: { order: "Order IDs look like 114-…" } });
    expect(html).toContain('value="11&lt;4"');
    expect(html).toContain('maxlength="19"');
    expect(html).toContain('<div class="bk-error" role="alert">Order IDs look like 114-…</div>');
    expect(html).toContain('<span class="bk-optional">(optional)</span>');
    expect(html).toContain('<option value="1" selected>Refund</option>');
    expect(html).toContain('type="date" class="bk-date"');
    expect(html).toContain('value="2026-11-27"');
    expect(html).toContain('type="radio"');
    expect(html).toContain('accept=".txt"');
    expect(html).not.toContain("data-live"); // inputs are read on submit, not sent one by one
  });

  describe("a form that changes as the person picks (dispatch_action)", () => {
    const option = (value: string, text: string) => ({ text: { type: "plain_text", text }, value });
    const causes = [option("defect", "Defect"), option("damaged_in_transit", "Damaged in transit")];
    const resolutions = [option("refund", "Refund"), option("partial_refund", "Partial refund")];
    const form = (resolutionBlock: string, initial?: Record<string, any>) => [
      {
        type: "input",
        block_id: "root_cause",
        dispatch_action: true,
        label: { type: "plain_text", text: "Root cause" },
        element: { type: "static_select", action_id: "resolve_recompute", options: causes },
      },
      {
        type: "input",
        block_id: resolutionBlock,
        label: { type: "plain_text", text: "Resolution" },
        element: { type: "static_select", action_id: "v", options: resolutions, initial_option: initial },
      },
      {
        type: "input",
        block_id: "note",
        label: { type: "plain_text", text: "Note" },
        element: { type: "plain_text_input", action_id: "v", multiline: true, initial_value: "first" },
      },
      {
        type: "input",
        block_id: "search",
        dispatch_action: true,
        label: { type: "plain_text", text: "Order" },
        element: {
          type: "plain_text_input",
          action_id: "find",
          dispatch_action_config: { trigger_actions_on: ["on_character_entered"] },
        },
      },
    ];

    it("sends a pick in a dispatching input at once, and reads the other inputs on submit", () => {
      const html = renderBlocks(form("resolution"), ctx);
      const tag = (at: string) => html.match(new RegExp(`<(select|textarea|input)[^>]*data-el="${at}"[^>]*>`))?.[0];
      expect(tag("0:e")).toContain('data-live="1" data-dispatch="change"');
      expect(tag("1:e")).not.toContain("data-live");
      expect(tag("2:e")).not.toContain("data-live");
      expect(tag("3:e")).toContain('data-dispatch="character"');
    });

    it("shows what the person entered instead of the initial values", () => {
      const html = renderBlocks(form("resolution", resolutions[0]), {
        ...ctx,
        entered: { root_cause: { value: "1" }, resolution: { value: "1" }, note: { value: "typed <here>" } },
      });
      expect(html).toContain('<option value="1" selected>Damaged in transit</option>');
      expect(html).toContain('<option value="1" selected>Partial refund</option>');
      expect(html).not.toContain('<option value="0" selected>Refund</option>');
      expect(html).toContain(">typed &lt;here&gt;</textarea>");
      // A select the person emptied shows its placeholder, not its initial option.
      expect(
        renderBlocks(form("resolution", resolutions[0]), { ...ctx, entered: { resolution: { value: null } } }),
      ).toContain('<option value="" selected>Choose…</option><option value="0">Refund</option>');
    });

    it("keeps what was entered where block and action ids stay, and shows the new initial value where the block id changed", () => {
      const entered = { root_cause: { value: "0" }, resolution: { value: "0" }, note: { value: "typed" } };
      // The app answered the pick with views.update: a new suggestion, under a new block id.
      const after = form("resolution~partial_refund", resolutions[1]);
      const kept = enteredKept(form("resolution"), after, entered);
      expect(kept).toEqual({ root_cause: { value: "0" }, note: { value: "typed" } });
      const html = renderBlocks(after, { ...ctx, entered: kept });
      expect(html).toContain('<option value="0" selected>Defect</option>');
      expect(html).toContain('<option value="1" selected>Partial refund</option>');
      expect(html).toContain(">typed</textarea>");

      // The same block id with a new initial option: Slack keeps the person's pick.
      expect(enteredKept(form("resolution"), form("resolution", resolutions[1]), entered).resolution).toEqual({
        value: "0",
      });
      // A pick follows its option's value when the options move, and is dropped when it is gone.
      const reordered = form("resolution");
      reordered[1].element.options = [resolutions[1], resolutions[0]];
      expect(enteredKept(form("resolution"), reordered, entered).resolution).toEqual({ value: "1" });
      reordered[1].element.options = [resolutions[1]];
      expect(enteredKept(form("resolution"), reordered, entered).resolution).toBeUndefined();
      // Another action id is another input.
      const renamed = form("resolution");
      renamed[2].element.action_id = "w";
      expect(enteredKept(form("resolution"), renamed, entered).note).toBeUndefined();
    });
  });

  describe("the Home tab", () => {
    const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
    const button = (text: string, actionId: string, style?: string) => ({
      type: "button",
      text: { type: "plain_text", text },
      action_id: actionId,
      value: "7",
      ...(style ? { style } : {}),
    });
    const home = (results?: string) => [
      { type: "header", text: { type: "plain_text", text: "Needs someone (1)" } },
      { type: "section", text: mrkdwn("AS-1007 · *Chargeback*"), accessory: button("Claim", "case_claim", "primary") },
      { type: "divider" },
      {
        type: "input",
        block_id: "home_search",
        dispatch_action: true,
        optional: true,
        label: { type: "plain_text", text: "Find a case" },
        element: {
          type: "plain_text_input",
          action_id: "home_search",
          placeholder: { type: "plain_text", text: "Order id, ASIN…" },
          dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] },
        },
      },
      ...(results ? [{ type: "section", text: mrkdwn(results) }] : []),
    ];

    it("shows a section's button beside its text, sent at once when pressed", () => {
      const html = renderBlocks(home(), ctx);
      expect(html).toMatch(
        /<div class="bk-accessory"><button type="button" class="bk-button primary" data-el="1:a" data-type="button" data-action-id="case_claim" data-live="1">Claim<\/button><\/div>/,
      );
      expect(elementAt(home(), "1:a")?.element.action_id).toBe("case_claim");
    });

    it("shows a section's datepicker beside its text, sent at once when a day is picked", () => {
      const away = [
        {
          type: "section",
          block_id: "home_away",
          text: mrkdwn("*Away?* Pick the day you are back."),
          accessory: {
            type: "datepicker",
            action_id: "home_away_until",
            placeholder: { type: "plain_text", text: "Pick a day" },
          },
        },
      ];
      const picker = renderBlocks(away, ctx).match(/<div class="bk-accessory">(.*?)<\/div>/)?.[1];
      expect(picker).toBe(
        '<input type="date" class="bk-date" data-el="0:a" data-type="datepicker" data-action-id="home_away_until" data-live="1" value="">',
      );
      expect(elementAt(away, "0:a")?.element.action_id).toBe("home_away_until");
    });

    it("sends the search box when Enter is pressed, not as the person types, and keeps the query when the tab is published again", () => {
      const html = renderBlocks(home(), { ...ctx, entered: { home_search: { value: "Jordan" } } });
      const box = html.match(/<input[^>]*data-el="3:e"[^>]*>/)?.[0];
      expect(box).toContain('data-live="1" data-dispatch="enter"');
      expect(box).toContain('value="Jordan"');
      expect(box).toContain('placeholder="Order id, ASIN…"');
      expect(html).toContain('<span class="bk-optional">(optional)</span>');
      // The bot publishes the tab with the matches below the box: the query stays in it.
      const after = home("*Cases matching “Jordan”* (1, newest first)");
      const kept = enteredKept(home(), after, { home_search: { value: "Jordan" } });
      expect(kept).toEqual({ home_search: { value: "Jordan" } });
      expect(renderBlocks(after, { ...ctx, entered: kept })).toContain("Cases matching “Jordan”");
    });
  });

  describe("picking a person in a form (users_select)", () => {
    const people = [
      { id: "U1", name: "Mei Chen" },
      { id: "U2", name: "Tom Becker" },
    ];
    const reassign = [
      {
        type: "input",
        block_id: "assignee",
        label: { type: "plain_text", text: "New owner" },
        element: {
          type: "users_select",
          action_id: "value",
          placeholder: { type: "plain_text", text: "Pick an agent" },
          initial_user: "U1",
        },
      },
    ];

    it("offers the workspace's people, the current owner picked, read on submit", () => {
      const html = renderBlocks(reassign, { ...ctx, people });
      expect(html).toContain('<option value="">Pick an agent</option>');
      expect(html).toContain('<option value="U1" selected>Mei Chen</option><option value="U2">Tom Becker</option>');
      expect(html).not.toContain("data-live");
    });

    it("shows the person picked, and keeps the pick when the form is shown again", () => {
      const entered = { assignee: { value: "U2" } };
      const html = renderBlocks(reassign, { ...ctx, people, entered });
      expect(html).toContain('<option value="U2" selected>Tom Becker</option>');
      expect(html).not.toContain('<option value="U1" selected>');
      expect(enteredKept(reassign, reassign, entered)).toEqual(entered);
    });
  });

  it("says so when it meets a block or element it cannot show", () => {
    expect(renderBlocks([{ type: "video" }], ctx)).toContain("cannot show a “video” block");
    expect(renderBlocks([{ type: "actions", elements: [{ type: "rating" }] }], ctx)).toContain(
      "cannot show a “rating” element",
    );
  });
});
