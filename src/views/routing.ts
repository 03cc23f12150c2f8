// What routing looks like: the line on a routed card, the routed person's direct message,
// /case routing with its rules, and the form leads edit them in.
import { createHash } from "node:crypto";
import type { types } from "@slack/bolt";
import { MARKETPLACE_CODES } from "../domain/amazon.ts";
import { EVERY_MARKETPLACE, isAway, type RoutingMode, type RoutingRule } from "../domain/routing.ts";
import { CATEGORIES, type Category, keysOf } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Words } from "../i18n/i18n.ts";
import { categoryName } from "../i18n/labels.ts";
import { ACTIONS, CALLBACKS, ROUTING_BLOCKS } from "../ids.ts";
import { caseLink } from "./lists.ts";
import { VARIANT } from "./modalParts.ts";
import { mrkdwnSection, plain, slackDate } from "./text.ts";

/** "A-to-z claim" or "Return (DE)": a rule as people read it, from its type and marketplace or from a case's `routedBy`. */
export function ruleName(rule: Pick<RoutingRule, "category" | "marketplace"> | string, w: Words): string {
  const [category, marketplace] =
    typeof rule === "string" ? (rule.split(":") as [Category, string?]) : [rule.category, rule.marketplace];
  const type = categoryName(w, category);
  return marketplace ? w.t("routing.ruleIn", { type, marketplace }) : w.t("routing.rule", { type });
}

/** The card's line: whom the rule gave the case to, or suggests; none once someone else holds it. */
export function routingCardLine(c: Pick<Case, "routedBy" | "routedTo" | "ownerId" | "status">, w: Words) {
  if (!c.routedBy || !c.routedTo || c.status === "resolved") return undefined;
  const rule = ruleName(c.routedBy, w);
  if (c.ownerId === c.routedTo) return w.t("routing.card.assigned", { to: c.routedTo, rule });
  if (c.status === "new") return w.t("routing.card.suggested", { to: c.routedTo, rule });
  return undefined;
}

/** The routed person's direct message, linking to the card. */
export function routedMessage(c: Case, w: Words): string {
  const values = {
    link: caseLink(c),
    due: c.responseDueAt ? slackDate(c.responseDueAt) : "—",
    type: categoryName(w, c.category),
    orderId: c.orderId,
    rule: ruleName(c.routedBy ?? c.category, w),
  };
  return w.t(c.ownerId === c.routedTo ? "routing.dm.assigned" : "routing.dm.suggested", values);
}

export type OwnerView = { userId: string; open: number; awayUntil: Date | null };

/** /case routing: every rule with its owners' load and absence; leads get the button to edit. */
export function routingRulesMessage(
  rules: RoutingRule[],
  people: OwnerView[],
  o: { mode: RoutingMode; fromFile: boolean; isLead: boolean; now: Date },
  w: Words,
): { text: string; blocks: types.KnownBlock[] } {
  const byId = new Map(people.map((p) => [p.userId, p]));
  const owner = (id: string) => {
    const p = byId.get(id);
    const away =
      p && isAway(p, o.now) && p.awayUntil ? `, ${w.t("routing.list.away", { until: slackDate(p.awayUntil) })}` : "";
    return `<@${id}> (${w.t("routing.list.open", { count: p?.open ?? 0 })}${away})`;
  };
  const title = w.t("routing.list.title", {
    mode: w.t(o.mode === "assign" ? "routing.list.modeAssign" : "routing.list.modeSuggest"),
  });
  const lines = rules.map((r) =>
    w.t("routing.list.line", { rule: ruleName(r, w), owners: r.owners.map(owner).join(", ") }),
  );
  const body = lines.length ? lines.join("\n") : w.t("routing.list.none");
  const blocks: types.KnownBlock[] = [mrkdwnSection(title), ...chunks(body).map(mrkdwnSection)];
  if (o.fromFile) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: w.t("routing.list.fromFile") }] });
  if (o.isLead)
    blocks.push({
      type: "actions",
      elements: [{ type: "button", action_id: ACTIONS.editRouting, text: plain(w.t("routing.list.edit")) }],
    });
  return { text: `${title}\n${body}`.slice(0, 3000), blocks };
}

/** A section holds 3,000 characters: long rule lists are split by whole lines. */
function chunks(text: string, max = 2900): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (current && current.length + line.length + 1 > max) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}\n${line.slice(0, max)}` : line.slice(0, max);
  }
  return current ? [...out, current] : out;
}

/** The form: a marketplace, then one people picker per case type, filled with that marketplace's owners. */
export function routingModal(rules: RoutingRule[], marketplace: string, w: Words): types.ModalView {
  const owners = (category: Category) =>
    rules.find((r) => r.category === category && r.marketplace === marketplace)?.owners ?? [];
  const everywhere = { text: plain(w.t("routing.form.everyMarketplace")), value: EVERY_MARKETPLACE || "all" };
  const markets = [everywhere, ...MARKETPLACE_CODES.map((m) => ({ text: plain(m), value: m }))];
  return {
    type: "modal",
    callback_id: CALLBACKS.routing,
    title: plain(w.t("routing.form.title"), 24),
    submit: plain(w.t("routing.form.submit"), 24),
    close: plain(w.t("routing.form.close"), 24),
    private_metadata: JSON.stringify({
      marketplace,
      shown: Object.fromEntries(keysOf(CATEGORIES).map((c) => [c, ownersMark(owners(c))])),
    }),
    blocks: [
      mrkdwnSection(w.t("routing.form.intro")),
      {
        type: "input",
        block_id: ROUTING_BLOCKS.marketplace,
        dispatch_action: true,
        label: plain(w.t("routing.form.marketplace"), 2000),
        hint: plain(w.t("routing.form.marketplaceHint"), 2000),
        element: {
          type: "static_select",
          action_id: ACTIONS.routingMarketplace,
          options: markets,
          initial_option: markets.find((m) => m.value === (marketplace || "all")) ?? everywhere,
        },
      },
      ...keysOf(CATEGORIES).map(
        (category): types.InputBlock => ({
          type: "input",
          // The marketplace is in the id: a picker of another marketplace is a new input, which
          // Slack fills from initial_users instead of keeping what the previous one held.
          block_id: ownersBlock(category, marketplace),
          optional: true,
          label: plain(w.t("routing.form.owners", { type: categoryName(w, category) }), 2000),
          element: {
            type: "multi_users_select",
            action_id: "owners",
            placeholder: plain(w.t("routing.form.pickPeople"), 150),
            ...(owners(category).length ? { initial_users: owners(category) } : {}),
          },
        }),
      ),
    ],
  };
}

/** The people picker of one case type in the form for one marketplace. */
export const ownersBlock = (category: Category, marketplace: string) =>
  `${ROUTING_BLOCKS.ownersPrefix}${category}${VARIANT}${marketplace || "all"}`;

/** The marketplace a form's menu value stands for. */
export function marketplaceOfValue(value: string | undefined): string | undefined {
  if (!value || value === "all") return EVERY_MARKETPLACE;
  return (MARKETPLACE_CODES as readonly string[]).includes(value) ? value : undefined;
}

/**
 * A short mark of a type's owners as the form showed them (the form's metadata has room for marks,
 * not for every id): a submission saves only the types whose owners the lead changed, so two leads
 * editing at once keep each other's changes.
 */
export const ownersMark = (owners: string[]) =>
  createHash("sha256")
    .update([...owners].sort().join(","))
    .digest("base64url")
    .slice(0, 10);

/** What a submitted form was filled for: its marketplace (undefined when it is not one) and each type's owners' mark. */
export function formShown(metadata: string): { marketplace?: string; shown: Record<string, unknown> } {
  try {
    const { marketplace: m, shown } = JSON.parse(metadata) as { marketplace?: unknown; shown?: unknown };
    return {
      marketplace: typeof m === "string" ? marketplaceOfValue(m || "all") : undefined,
      shown: shown && typeof shown === "object" ? (shown as Record<string, unknown>) : {},
    };
  } catch {
    return { shown: {} };
  }
}
