-- Owners per case type: routing rules, who is away, whose turn it is, and what a case was routed by.
CREATE TABLE "RoutingRule" (
    "id" SERIAL NOT NULL,
    "category" "Category" NOT NULL,
    "marketplace" TEXT NOT NULL DEFAULT '',
    "owners" TEXT[],
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RoutingRule_category_marketplace_key" ON "RoutingRule"("category", "marketplace");

ALTER TABLE "Person" ADD COLUMN "awayUntil" TIMESTAMP(3), ADD COLUMN "lastAssignedAt" TIMESTAMP(3);

ALTER TABLE "Case" ADD COLUMN "routedBy" TEXT, ADD COLUMN "routedTo" TEXT;
