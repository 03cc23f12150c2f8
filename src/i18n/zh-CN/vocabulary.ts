// 简体中文: the team's vocabularies, in the words Chinese sellers use on Amazon.
import type { Translation } from "../catalog.ts";
import type en from "../en/vocabulary.ts";

export default {
  category: {
    return: "退货",
    refund: "退款",
    replacement: "换货",
    reshipment: "补发",
    complaint: "投诉",
    a_to_z_claim: "A-to-z 索赔",
    negative_review: "差评",
    chargeback: "信用卡拒付",
    delivery_issue: "物流问题",
    other: "其他",
  },
  priority: { urgent: "紧急", high: "高", normal: "普通" },
  status: { new: "新建", claimed: "已认领", resolved: "已解决" },
  resolution: {
    refund: "全额退款",
    partial_refund: "部分退款",
    replacement: "换货",
    reshipment: "补发",
    return_accepted: "同意退货",
    coupon: "优惠券",
    repair: "维修",
    declined: "拒绝",
    appealed: "已向亚马逊申诉",
    claim_denied: "A-to-z 索赔被驳回",
    claim_withdrawn: "买家撤回索赔",
  },
  rootCause: {
    defect: "质量缺陷",
    not_as_described: "与描述不符",
    wrong_item: "发错货",
    damaged_in_transit: "运输损坏",
    late_or_lost: "延误/丢件",
    buyer_remorse: "买家后悔",
    suspected_abuse: "疑似滥用",
    other: "其他",
  },
} satisfies Translation<typeof en>;
