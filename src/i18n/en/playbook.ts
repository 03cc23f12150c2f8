// English words of the bot: playbook. Keys are grouped by what they are for; {{name}} is filled in,
// a key ending in _one/_other is chosen by {{count}}.
import { POLICY_RULES } from "../../domain/messagingPolicy.ts";
import { REPLY_STAGES } from "../../domain/replyTemplates.ts";
export default {
  severity: {
    minor: "Minor: still usable, or only cosmetic",
    serious: "Serious: unusable, unsafe, or not what was ordered",
  },
  remedy: {
    summary: {
      abuse:
        "Collect evidence (proof of delivery, photos, QC report, buyer history) and appeal to Amazon; do not argue with the buyer",
      wrongItem: "Replacement with a prepaid return, or a refund",
      notAsDescribed: "Replacement with a prepaid return, or a refund; correct the listing",
      lateOrLost: "Reshipment, or a refund if the buyer no longer wants it; ask the carrier where the parcel is",
      damagedInTransit: "Replacement (or reshipment, or a refund); file a claim with the carrier",
      buyerRemorse: "Accept the return if it is inside the return window and resellable; decline if outside the window",
      claimRefund: "Full refund ({{amount}}): it stops the claim; appeal only with proof",
      claimRefundNoAmount: "Full refund: it stops the claim; appeal only with proof",
      claimContest: "Answer Amazon with proof of delivery and the return you offered; refund only if that fails",
      replaceRepairRefund: "Replacement, a free repair, or a refund",
      partialOrCoupon: "Partial refund {{refundPct}} if low-priced; a coupon {{couponPct}} or a free repair if not",
      partialRefund: "Partial refund {{refundPct}} (≈ {{range}}) or a small gift",
      replaceOrRefund: "Replacement or a refund",
      coupon: "A larger coupon {{couponPct}} (≈ {{range}}) or a free repair",
    },
    reason: {
      abuse: "Suspected abuse: Amazon decides on evidence, and arguing only escalates",
      wrongItem: "Wrong item sent: the seller's mistake, so the buyer gets what was ordered at no cost",
      notAsDescribed: "Not as described: the listing promised something else, so the buyer pays nothing for it",
      lateOrLost: "Late or lost delivery: the buyer still has nothing",
      damagedInTransit: "Damaged in transit: not the buyer's doing, and the carrier pays through a claim",
      buyerRemorse: "Buyer-side reason: check the return window and the item's condition first",
      claimAbuse: {
        a_to_z_claim: "A-to-z claim with suspected abuse: answer Amazon within 72 hours with the evidence",
        chargeback: "Chargeback with suspected abuse: answer within 7 days with the evidence",
      },
      claimSellerFault: {
        a_to_z_claim:
          "A-to-z claim with a seller-fault cause ({{cause}}): the buyer is likely to win it; answer Amazon within 72 hours",
        chargeback:
          "Chargeback with a seller-fault cause ({{cause}}): the buyer is likely to win it; answer within 7 days",
      },
      claimBuyerSide: {
        a_to_z_claim: "A-to-z claim for a buyer-side reason: the seller is not at fault; answer Amazon within 72 hours",
        chargeback: "Chargeback for a buyer-side reason: the seller is not at fault; answer within 7 days",
      },
      noValue: {
        minor: "Minor defect; order value unknown: add it for amounts",
        serious: "Serious defect; order value unknown: add it for amounts",
      },
      noCurrency: {
        minor: "Minor defect; currency unknown: add it for amounts",
        serious: "Serious defect; currency unknown: add it for amounts",
      },
      noLimit: {
        minor: "Minor defect; no low-price limit is set for {{currency}}, so the price tier is unknown",
        serious: "Serious defect; no low-price limit is set for {{currency}}, so the price tier is unknown",
      },
      low: {
        minor: "Low-priced item ({{value}} is under the {{limit}} limit) with a minor defect",
        serious: "Low-priced item ({{value}} is under the {{limit}} limit) with a serious defect",
      },
      high: {
        minor: "Higher-priced item ({{value}} is at or over the {{limit}} limit) with a minor defect",
        serious: "Higher-priced item ({{value}} is at or over the {{limit}} limit) with a serious defect",
      },
    },
  },
  returns: {
    condition: {
      unopened: "Unopened",
      opened_resellable: "Opened, resellable",
      damaged_by_buyer: "Damaged by the buyer",
    },
    summary: {
      unknown: "Unknown: enter the delivery or order date",
      outside_one: "Outside the window by {{count}} day (it ended {{day}})",
      outside_other: "Outside the window by {{count}} days (it ended {{day}})",
      outsideEstimated_one:
        "Outside the window by {{count}} day (it ended {{day}}) (delivery estimated from the order date)",
      outsideEstimated_other:
        "Outside the window by {{count}} days (it ended {{day}}) (delivery estimated from the order date)",
      eligible: "Eligible: returnable until {{day}}",
      eligibleEstimated: "Eligible: returnable until {{day}} (delivery estimated from the order date)",
      holiday: "Eligible — holiday window: returnable until {{day}}",
      holidayEstimated: "Eligible — holiday window: returnable until {{day}} (delivery estimated from the order date)",
    },
    advice: {
      resellable: "Accept the return and remind the buyer to pack it well.",
      conditionUnknown:
        "Accept the return if the item is undamaged and resellable, and remind the buyer to pack it well.",
      damaged:
        "Ask the buyer for photos of the damage, then accept the return with a partial refund that deducts for the damage.",
      outside: "Decline politely, or offer a partial refund instead.",
      unknown:
        "Find the delivery date in the order's tracking (Seller Central → Manage Orders → the order), or at least the order date on the order page, and enter it.",
    },
  },
  evidence: {
    qc_report: "QC report of the batch",
    tracking: "Tracking / proof of delivery",
    buyer_history: "The buyer's case history",
    photos: "Photos (item as shipped, item as returned)",
    notes: "Notes of what the buyer said",
  },
  appealStage: {
    preparing: "Preparing the appeal",
    filed: "Filed with Amazon",
    won: "Won: Amazon decided for us",
    lost: "Lost: Amazon kept its decision",
  },
  abuseRule: "Collect evidence and appeal to Amazon; do not argue with the buyer. Keep the reply short and factual.",
  lines: {
    suggested: ":bulb: *Suggested remedy:* {{summary}} — {{reason}}",
    suggestedLikely: ":bulb: *Suggested remedy:* {{summary}} — {{reason}} (likely cause: {{cause}})",
    returnVerdict: "{{mark}} *Return:* {{summary}}.",
    returnVerdictAdvice: "{{mark}} *Return:* {{summary}}. {{advice}}",
    refundDue: ":money_with_wings: Return received {{received}}: *refund due by {{due}}*",
    refundOverdue: ":rotating_light: *Refund overdue:* it was due {{due}} (return received {{received}})",
    abuse: ":male-detective: *Suspected abuse* (marked {{marked}}), evidence: {{evidence}}. {{rule}}",
    abuseNoEvidence: ":male-detective: *Suspected abuse* (marked {{marked}}), no evidence yet. {{rule}}",
    evidenceSeparator: ", ",
    appealPreparing: ":scales: *Appeal to Amazon:* being prepared",
    appealDue: ":scales: *Appeal to Amazon:* file it by {{due}} ({{left}} left)",
    appealMissed: ":warning: *Appeal to Amazon:* the last day to file was {{due}}",
    appealFiled: ":scales: *Appeal to Amazon:* filed {{filed}}, waiting for Amazon's decision",
    appealFiledUndated: ":scales: *Appeal to Amazon:* filed, waiting for Amazon's decision",
    appealWon: ":trophy: *Appeal to Amazon:* won",
    appealLost: ":scales: *Appeal to Amazon:* lost, Amazon kept its decision",
  },
  returnForm: {
    title: "Return",
    submit: "Check",
    window: "Returns are accepted for {{days}} days from delivery, counted to the day the buyer asked ({{asked}}).",
    windowHoliday:
      "Returns are accepted for {{days}} days from delivery, counted to the day the buyer asked ({{asked}}). Items shipped {{from}}–{{to}} may be returned until {{until}}.",
    deliveredOn: "Delivered on",
    deliveredHint: "Not known? Leave it empty and give the order day: delivery is taken as {{days}} days after it.",
    orderedOn: "Ordered on",
    condition: "The item is",
    verdictTitle: "Return {{number}}",
    done: "Done",
    estimated: "_Delivery estimated from the order day._",
    needDay: "Give the delivery day, or the order day if the delivery day is not known.",
    deliveredBeforeOrdered: "The delivery day is before the order day; check both.",
    future: "That day is still to come; pick a day that has passed.",
  },
  abuseForm: {
    title: "Abuse?",
    submit: "Save",
    rule: ":male-detective: *The playbook:* {{rule}}",
    whoOrder: "order {{order}}",
    whoOrderBuyer: "order {{order}} or buyer “{{buyer}}”",
    lookingUp: ":hourglass_flowing_sand: Looking up other cases of {{who}}…",
    others: "*Other cases of {{who}}* (newest first)",
    none: "*Other cases of {{who}}:* none.",
    sameOrder: "same order",
    sameBuyer: "same buyer name",
    flagged: " · :male-detective: suspected abuse",
    outcome: "{{status}} ({{resolution}})",
    evidence: "Evidence collected",
    note: "Note",
    notePlaceholder: "What points to abuse: tracking shows delivered, item returned used, serial number differs…",
  },
  appealForm: {
    title: "Appeal",
    submit: "Save",
    about:
      "Amazon takes appeals of its decisions for {{days}} days. While the appeal is being prepared, the owner is reminded {{reminder}} days before the last day. {{rule}}",
    stage: "Stage",
    decidedOn: "Amazon decided on",
    decidedHint: "The day of the decision being appealed (e.g. the A-to-z claim granted to the buyer).",
    note: "Note",
    needStage: "Choose the stage of the appeal.",
    needDay: "Pick the day Amazon decided.",
    future: "That day is still to come; pick the day Amazon decided.",
  },
  menu: {
    failed: "that step could not be started",
    gone: "That case no longer exists.",
    again: "Please pick it again from ⋯.",
    noteForm: "the note form",
    waitingForm: "the waiting form",
    returnForm: "the return check",
    appealForm: "the appeal form",
    abuseFormLate: "Slack did not let me open the abuse form in time. Please pick it again from ⋯.",
    noReturn: "Only returns, refunds and replacements have a return to receive.",
    unknownChoice: "That choice is not known any more; the card may be old. Pick again from the case's card.",
    returnNotChecked: "the return was not checked",
    notMarked: "the case was not marked",
    appealNotRecorded: "the appeal was not recorded",
  },
  refusal: {
    notAgent: {
      addNote:
        "Only after-sales agents can add notes on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
      waiting:
        "Only after-sales agents can mark waiting on the buyer on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
      checkReturn:
        "Only after-sales agents can check returns on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
      receiveReturn:
        "Only after-sales agents can mark returns received on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
      suspectAbuse:
        "Only after-sales agents can mark suspected abuse on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
      appeal:
        "Only after-sales agents can record appeals on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
    },
    notOwner: {
      addNote: "{{number}} is owned by <@{{owner}}>; only the owner or a lead can add notes on it.",
      waiting: "{{number}} is owned by <@{{owner}}>; only the owner or a lead can mark waiting on the buyer on it.",
      checkReturn: "{{number}} is owned by <@{{owner}}>; only the owner or a lead can check returns on it.",
      receiveReturn: "{{number}} is owned by <@{{owner}}>; only the owner or a lead can mark returns received on it.",
      suspectAbuse: "{{number}} is owned by <@{{owner}}>; only the owner or a lead can mark suspected abuse on it.",
      appeal: "{{number}} is owned by <@{{owner}}>; only the owner or a lead can record appeals on it.",
    },
    resolved: "{{number}} is already resolved. Reopen it from its card first.",
    received: "The return of {{number}} is already marked received.",
  },
  policy: {
    rule: POLICY_RULES,
    why: {
      httpLink: "Links must be secure: write the Amazon link with https://.",
      bareAmazonLink: "Write Amazon links in full, starting with https://, or leave the link out.",
      otherSite: "Links to sites other than Amazon are not allowed in messages to buyers.",
      email: "E-mail addresses let the buyer contact you off Amazon, which Amazon forbids.",
      phone: "Phone numbers let the buyer contact you off Amazon, which Amazon forbids.",
      positiveReview:
        "Asking for a positive or 5-star review or feedback is forbidden; a neutral invitation to share their experience is fine.",
      changeReview:
        "Asking a buyer to change or remove a review or feedback is forbidden; solve the problem and let them decide.",
      steerReview: "Asking only happy buyers for a review, or steering unhappy ones away from one, is forbidden.",
      incentive:
        "Offering something for a review, or for changing one, is forbidden; offer remedies for the problem itself.",
      marketing: "Promoting other products, purchases, your store or your pages is forbidden in messages to buyers.",
      offAmazon: "Messages must keep the buyer on Amazon; other channels (apps, calls, social media) are forbidden.",
    },
    problem: "“{{found}}”: {{why}}",
    more: "…and {{count}} more.",
  },
  replyStage: REPLY_STAGES,
  templateTitle: {
    acknowledge: "We're on it",
    "return-instructions": "How to return the item",
    "partial-refund-offer": "Offer a partial refund and keep the item",
    "replacement-sent": "Replacement on its way",
    "carrier-contacted": "We contacted the carrier",
    "claim-acknowledged": "We received your claim",
  },
  templateGloss: {
    acknowledge: "We received the buyer's message about the order, are sorry for the trouble and are looking into it.",
    "return-instructions":
      "How to return the item through Amazon's Online Return Center with a prepaid label; refund or replacement within two business days of receipt.",
    "partial-refund-offer":
      "Offers a partial refund of the amount to the original payment method; the buyer keeps the item, or may ask for a return or replacement instead.",
    "replacement-sent": "A replacement was sent at no cost; the buyer can follow it in Your Orders.",
    "carrier-contacted":
      "We asked the carrier where the parcel is and will answer within two business days; if it is lost, a replacement or full refund.",
    "claim-acknowledged":
      "We know about the claim, are looking into it and ask the buyer to reply with what happened; a replacement or refund if the item is faulty or missing.",
  },
  draft: {
    title: "Reply {{number}}",
    submit: "Sent: log reply",
    close: "Close",
    intro:
      "*{{number}}* · order {{order}}\nCopy the text into the buyer's message in Seller Central, send it there, then press *Sent: log reply*.",
    introBuyer:
      "*{{number}}* · order {{order}} · {{buyer}}\nCopy the text into the buyer's message in Seller Central, send it there, then press *Sent: log reply*.",
    template: "Template",
    templateOption: "{{stage}}: {{title}}",
    gloss: ":information_source: What it says: {{gloss}}",
    text: "Reply to the buyer",
    breaks: ":warning: This text breaks Amazon's messaging rules: {{problems}}",
    passes:
      ":white_check_mark: Passes Amazon's messaging rules (no outside links, contact details, review requests or marketing).",
    alreadySent: "Already sent?",
    sentAnyway: "I sent it as it is: log it anyway",
    notAgent: "Only after-sales agents write to buyers. Ask a lead to add you to the agents.",
    form: "the reply draft",
    again: "Please press Draft reply again.",
    notOpened: "the reply draft could not be opened",
    notLogged: "the reply was not logged",
    caseGone: "This draft's case is not known any more; close it.",
    rulesBroken:
      "Amazon's messaging rules: {{problems}} Change the text before you send it. Already sent? Tick “log it anyway”.",
  },
  check: {
    title: "Check a reply",
    submit: "Check",
    close: "Close",
    done: "Done",
    intro:
      "Paste what you want to send a buyer. It is checked against Amazon's buyer-seller messaging rules: no links but the order's own Amazon pages, no e-mail addresses or phone numbers, no asking for a positive review or offering anything for one, no marketing, no contact outside Amazon.",
    text: "Your reply",
    passed: ":white_check_mark: *This reply follows Amazon's messaging rules.*",
    rules: "Amazon's messaging rules: {{problems}}",
    notChecked: "the text was not checked",
  },
} as const;
