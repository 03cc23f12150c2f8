// The check an agent's reply passes before it goes to a buyer through Amazon's messaging.
import { describe, expect, it } from "vitest";
import {
  checkReply as check,
  POLICY_RULES,
  type PolicyRule,
  policyRuleText,
} from "../../src/domain/messagingPolicy.ts";
import { ENGLISH, say, words } from "../../src/i18n/i18n.ts";

/** The problems with their reasons said in English. */
const checkReply = (text: string) => check(text).map((p) => ({ ...p, why: say(ENGLISH, p.why) }));

const FLAGGED: [PolicyRule, string][] = [
  ["link", "You can find the manual at http://www.amazon.com/gp/help/manual."],
  ["link", "The size chart is on https://www.our-shop.com/sizes"],
  ["link", "Please see www.example.com for the setup video."],
  ["link", "Our spare parts page: shop.example.de/parts"],
  ["link", "Track it here: https://amazon.com.evil.io/track"],
  ["link", "Download the driver from ftp://files.example.net/driver.zip"],
  ["email", "Write to care@shop-example.com and we will help."],
  ["email", "Send the photos to returns.team+eu@example.co.uk please."],
  ["email", "Our address is support [at] example [dot] com"],
  ["phone", "Call us on +49 30 1234 5678 if anything is unclear."],
  ["phone", "Our hotline (555) 123-4567 is open all day."],
  ["phone", "Please ring 030 1234 5678 between 9 and 5."],
  ["phone", "You can reach the team at 555-123-4567."],
  ["phone", "UK buyers: +44 7911 123456"],
  ["phone", "Phone: 07911123456"],
  ["phone", "Appelez le 01 23 45 67 89."],
  ["review_request", "We would be grateful for a 5-star review!"],
  ["review_request", "If you like the item, please leave us positive feedback."],
  ["review_request", "A good review would mean a lot to our small team."],
  ["review_request", "Could you please update your review now that the replacement arrived?"],
  ["review_request", "We kindly ask you to remove the negative feedback."],
  ["review_request", "Would you consider revising your feedback?"],
  ["review_request", "Please rate us five stars ⭐⭐⭐⭐⭐"],
  ["review_request", "If you are happy with the replacement, please leave a review."],
  ["review_request", "Please contact us before leaving a negative review."],
  ["review_request", "Wir würden uns über eine positive Bewertung freuen."],
  ["review_request", "Un avis positif nous aiderait beaucoup."],
  ["review_request", "Nos encantaría una reseña positiva."],
  ["review_request", "Ci lasci 5 stelle se è soddisfatto."],
  ["review_incentive", "We will send you a $10 gift card for your review."],
  ["review_incentive", "You get a full refund once you've updated your feedback."],
  ["review_incentive", "Leave a review and get a free phone case."],
  ["review_incentive", "Remove the feedback for a 20% discount."],
  ["review_incentive", "We can send a replacement if you change your rating."],
  ["marketing", "Check out our other products on our Amazon store."],
  ["marketing", "Visit our website for more ideas."],
  ["marketing", "Follow us for weekly tips."],
  ["marketing", "Subscribe to our newsletter to hear about new products."],
  ["marketing", "Enjoy 15% off your next order with code SAVE15."],
  ["marketing", "Use the promo code WINTER on any future purchase."],
  ["marketing", "Don't miss our Black Friday deals!"],
  ["marketing", "We offer free shipping on your next order."],
  ["off_amazon_contact", "Add us on WhatsApp so we can sort it out faster."],
  ["off_amazon_contact", "Send the photos via WeChat please."],
  ["off_amazon_contact", "Message our page on Facebook or Instagram."],
  ["off_amazon_contact", "Please call us tomorrow morning."],
  ["off_amazon_contact", "Just text us a photo of the label."],
  ["off_amazon_contact", "Please contact us directly so we can help faster."],
  ["off_amazon_contact", "Our customer service phone number is in the manual."],
  ["off_amazon_contact", "Reach us on Telegram or Skype."],
];

const PASSING: string[] = [
  "If you have a moment, you can share your experience on the order page.",
  "We are sorry for the trouble. We can offer a 10% partial refund or a coupon for the inconvenience.",
  "Please use the Amazon messaging system to send us photos of the damage.",
  "You can see the order here: https://www.amazon.com/gp/css/order-history",
  "Return it through https://www.amazon.de/gp/orc/returns/homepage.html and we will refund you.",
  "Your order 114-2962899-5762619 for the item B00TZ73MUY was refunded.",
  "We refunded 12.50 EUR today; the order total was 1,299.00 USD ($1,299.00).",
  "The return window ends on 2026-11-27 (27.11.2026, 11/27/2026) at 14:30.",
  "The parcel's tracking numbers are 1Z999AA10123456784 and TBA123456789012.",
  "USPS tracking: 9400111899223856928499 (9400 1118 9922 3856 9284 99).",
  "Tracking number: 1234 5678 9012",
  "Your case is AS-1042; please quote AS-1042 if you write again.",
  "We have refunded 15% of the price, about 3.5 EUR.",
  "Thank you for shopping on Amazon.com.",
  "e.g. the v2.1 model, No.5 or Mr. Smith's order; i.e. 3.5 out of 10.",
  "We will update you on the review of your claim within 2 business days.",
  "We have issued a full refund, and thank you for your feedback.",
  "We have refunded the broken item. Your feedback helps us improve the product.",
  "We will send a free replacement for the damaged item and a prepaid return label.",
  "We are sorry it arrived late. We will make sure your next order is packed with more care.",
  "As an apology for the trouble, we would like to offer you a coupon for your next order.",
  "Please contact us here through Amazon messages at any time.",
  "We have contacted the carrier and will update you within 2 business days.",
  "The item measures 30 x 40 cm and weighs 2.5 kg; it ships in 1 to 2 days.",
  "Please pack the item well and use the prepaid label from Amazon's Online Return Center.",
  "We received 3 of the 5 parts you listed and sent the other 2 today.",
  "Store the battery at 15-25 °C and charge it for 2-3 hours.",
  "The discount of 5.00 EUR has been applied to this order.",
  "The boots come in sizes 36 38 40 42.",
  "DHL tracking 1234567890; Sendungsnummer 00340434161094042557.",
  "We answer within 24 hours, 9-17, Monday to Friday.",
  "Thank you for your 5-star review!",
  "The refund of 1.299,00 € was sent on 01.12.2026.",
];

describe("messaging policy", () => {
  it.each(FLAGGED)("flags %s: %s", (rule, text) => {
    expect(checkReply(text).map((p) => p.rule)).toContain(rule);
  });

  it.each(PASSING)("passes: %s", (text) => {
    expect(checkReply(text)).toEqual([]);
  });

  it("has at least three flagged examples for every rule", () => {
    for (const rule of Object.keys(POLICY_RULES)) {
      expect(FLAGGED.filter(([r]) => r === rule).length, rule).toBeGreaterThanOrEqual(3);
    }
  });

  it("says what it found and why, in order of appearance", () => {
    const problems = checkReply("Call us on +1 555 123 4567 or help@example.com. Visit our store at www.example.com!");
    expect(problems.map((p) => p.rule)).toEqual(["off_amazon_contact", "phone", "email", "marketing", "link"]);
    expect(problems[1]).toEqual({
      rule: "phone",
      found: "+1 555 123 4567",
      why: "Phone numbers let the buyer contact you off Amazon, which Amazon forbids.",
    });
    expect(problems[2].found).toBe("help@example.com");
    expect(problems[4].found).toBe("www.example.com");
  });

  it("reports an e-mail address once, not also as a link", () => {
    expect(checkReply("Write to care@shop.com")).toEqual([
      expect.objectContaining({ rule: "email", found: "care@shop.com" }),
    ]);
  });

  it("reports the same finding once", () => {
    const problems = checkReply("See www.example.com. Again: www.example.com. Or WWW.EXAMPLE.COM");
    expect(problems).toHaveLength(1);
  });

  it("asks for https on an Amazon link sent over http", () => {
    const [problem] = checkReply("Your order: http://www.amazon.co.uk/gp/css/order-history");
    expect(problem.rule).toBe("link");
    expect(problem.why).toContain("https://");
  });

  it("accepts secure links to every Amazon marketplace, with any subdomain", () => {
    for (const host of ["amazon.com", "www.amazon.ca", "www.amazon.com.mx", "smile.amazon.co.uk", "amazon.co.jp"]) {
      expect(checkReply(`https://${host}/gp/your-account`), host).toEqual([]);
    }
  });

  it("does not take another site disguised as Amazon for Amazon", () => {
    expect(checkReply("https://www.amazon.com@example.net/login")[0]?.rule).toBe("link");
    expect(checkReply("https://amazon-returns.com/label")[0]?.rule).toBe("link");
  });

  it("cuts a long finding to about 60 characters", () => {
    const [problem] = checkReply(`https://example.com/${"a".repeat(200)}`);
    expect(problem.found.length).toBeLessThanOrEqual(60);
    expect(problem.found.endsWith("…")).toBe(true);
  });

  it("reads a long reply with long runs of letters and digits", () => {
    const text = `${"Sorry for the trouble with order 114-2962899-5762619. ".repeat(80)}${"a".repeat(5000)} ${"1,".repeat(2000)}`;
    expect(checkReply(text)).toEqual([]);
  });

  it("explains every rule in one line", () => {
    for (const text of Object.values(POLICY_RULES)) {
      expect(text).not.toContain("\n");
      expect(text.length).toBeGreaterThan(20);
    }
  });
});

describe("the problems in the agent's language", () => {
  it("says each rule and each reason in Chinese as well", () => {
    const zh = words("zh-CN");
    const problem = check("Call us on +1 555 123 4567").find((p) => p.rule === "phone");
    expect(problem && say(zh, problem.why)).toBe("电话号码会让买家绕开亚马逊联系你，亚马逊禁止这样做。");
    for (const rule of Object.keys(POLICY_RULES) as PolicyRule[]) {
      expect(policyRuleText(ENGLISH, rule)).toBe(POLICY_RULES[rule]);
      expect(policyRuleText(zh, rule)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
