// The sandbox page's rendering of what the bot sends: mrkdwn and Block Kit as HTML.
import { describe, expect, it } from "vitest";
import { elementAt, renderBlocks } from "../../src/sandbox/page/blockKit.ts";
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

  it("leaves a lone asterisk alone and shows the emoji the bot writes as codes", () => {
    expect(mrkdwnHtml("2 * 3 = 6", dir)).toBe("2 * 3 = 6");
    expect(mrkdwnHtml(":rotating_light: wave at 10:30:00 :not_an_emoji:", dir)).toBe(
      "🚨 wave at 10:30:00 :not_an_emoji:",
    );
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

  it("says so when it meets a block or element it cannot show", () => {
    expect(renderBlocks([{ type: "video" }], ctx)).toContain("cannot show a “video” block");
    expect(renderBlocks([{ type: "actions", elements: [{ type: "rating" }] }], ctx)).toContain(
      "cannot show a “rating” element",
    );
  });
});
