// A case as the intake API returns it. Money stays a decimal string.

import { caseNumber } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";

export function caseJson(c: Case) {
  return {
    id: c.id,
    number: caseNumber(c.number),
    status: c.status,
    category: c.category,
    priority: c.priority,
    orderId: c.orderId,
    asin: c.asin,
    sku: c.sku,
    marketplace: c.marketplace,
    orderValue: c.orderValue?.toFixed(2) ?? null,
    currency: c.currency,
    buyerName: c.buyerName,
    productName: c.productName,
    description: c.description,
    source: c.source,
    externalId: c.externalId,
    ownerId: c.ownerId,
    createdAt: c.createdAt.toISOString(),
    claimedAt: c.claimedAt?.toISOString() ?? null,
    firstReplyAt: c.firstReplyAt?.toISOString() ?? null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolution: c.resolution,
    slack: c.messageTs ? { channel: c.channelId, ts: c.messageTs } : null,
  };
}
