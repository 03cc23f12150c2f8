// The playbook in both languages: the card's lines in the team's, the forms in the agent's; the
// reply to the buyer stays in the marketplace's language, with a Chinese gloss for the agent.
import { describe, expect, it } from "vitest";
import { checkReply } from "../../src/domain/messagingPolicy.ts";
import { DEFAULT_PLAYBOOK } from "../../src/domain/playbook.ts";
import { ENGLISH, words } from "../../src/i18n/i18n.ts";
import { draftReplyModal, policyProblemsText } from "../../src/views/draftReplyModal.ts";
import { playbookLines } from "../../src/views/playbookLines.ts";
import { abuseModal, appealModal, returnCheckModal } from "../../src/views/playbookModals.ts";
import { sampleCase } from "../support/recordArbitraries.ts";

const zh = words("zh-CN");
const settings = { playbook: DEFAULT_PLAYBOOK, zone: "UTC" };
const now = new Date("2026-11-27T08:00:00Z");
const hasChinese = /[\u4e00-\u9fff]/;

describe("the playbook's card lines", () => {
  const c = {
    ...sampleCase,
    rootCause: "defect" as const,
    returnCheckedAt: now,
    deliveredAt: new Date("2026-11-20T08:00:00Z"),
    abuseSuspectedAt: now,
    abuseEvidence: "tracking,photos",
    appealStage: "filed" as const,
    appealFiledAt: now,
  };

  it("speak the team's language", () => {
    const english = playbookLines(c, now, { ...settings, words: ENGLISH });
    expect(english.join("\n")).toContain("*Suggested remedy:*");
    expect(english.join("\n")).toContain("evidence: tracking / proof of delivery, photos");
    const chinese = playbookLines(c, now, { ...settings, words: zh });
    expect(chinese).toHaveLength(english.length);
    for (const line of chinese) expect(line).toMatch(hasChinese);
    expect(chinese.join("\n")).not.toMatch(/\{\{|Suggested|Return:|Appeal to/);
  });
});

describe("the playbook's forms", () => {
  it("speak the agent's language", () => {
    for (const view of [
      returnCheckModal(sampleCase, DEFAULT_PLAYBOOK, "UTC", zh),
      abuseModal(sampleCase, { cases: [], total: 0 }, zh),
      appealModal(sampleCase, DEFAULT_PLAYBOOK, "UTC", now, zh),
    ]) {
      const text = JSON.stringify(view);
      expect(text).toMatch(hasChinese);
      expect(text).not.toMatch(/\{\{|Evidence collected|Delivered on|Amazon decided on/);
    }
  });
});

describe("the reply draft", () => {
  it("keeps the reply in the marketplace's language and glosses it for a Chinese-speaking agent", () => {
    const view = draftReplyModal(sampleCase, settings, "acknowledge", zh);
    const text = JSON.stringify(view);
    expect(text).toContain("Thank you for your message about order 114-2962899-5762619");
    expect(text).toContain("内容大意：");
    expect(text).toContain("首次回复：正在处理");
    expect(JSON.stringify(draftReplyModal(sampleCase, settings, "acknowledge"))).not.toContain("What it says");
  });

  it("says what breaks Amazon's rules in the agent's language", () => {
    const problems = checkReply("Write to care@shop.com");
    expect(policyProblemsText(problems)).toBe(
      "“care@shop.com”: E-mail addresses let the buyer contact you off Amazon, which Amazon forbids.",
    );
    expect(policyProblemsText(problems, zh)).toBe(
      "“care@shop.com”：邮箱地址会让买家绕开亚马逊联系你，亚马逊禁止这样做。",
    );
  });
});
