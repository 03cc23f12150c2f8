// Amazon's account health per marketplace, as of the last report: read by the ODR query (its order
// count and rate) and by the digest (what it flags).
import type { MarketplaceHealth } from "../domain/accountHealth.ts";
import { odrSummary } from "../domain/accountHealth.ts";
import type { MarketplaceCode } from "../domain/amazon.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

export async function saveAccountHealth(
  prisma: PrismaClient,
  marketplace: MarketplaceCode,
  health: MarketplaceHealth,
  now: Date,
): Promise<void> {
  const s = odrSummary(health);
  const data = {
    reportedAt: now,
    orders: s?.orders ?? 0,
    defects: s?.defects ?? 0,
    percent: s?.worst?.percent ?? 0,
    detail: health as unknown as Prisma.InputJsonValue,
  };
  await prisma.accountHealth.upsert({ where: { marketplace }, create: { marketplace, ...data }, update: data });
}
