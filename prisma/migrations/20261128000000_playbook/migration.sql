-- The playbook in the flow: the return check and refund clock, the suggested remedy and whether it
-- was followed, whether the buyer stayed, suspected abuse, and appeals to Amazon.
CREATE TYPE "ItemCondition" AS ENUM ('unopened', 'opened_resellable', 'damaged_by_buyer');
CREATE TYPE "BuyerOutcome" AS ENUM ('kept', 'bought_again', 'lost', 'unknown');
CREATE TYPE "AppealStage" AS ENUM ('preparing', 'filed', 'won', 'lost');

ALTER TABLE "Case"
  ADD COLUMN "orderDate" TIMESTAMP(3),
  ADD COLUMN "deliveredAt" TIMESTAMP(3),
  ADD COLUMN "itemCondition" "ItemCondition",
  ADD COLUMN "returnCheckedAt" TIMESTAMP(3),
  ADD COLUMN "returnReceivedAt" TIMESTAMP(3),
  ADD COLUMN "refundDueAt" TIMESTAMP(3),
  ADD COLUMN "suggestedRemedy" "Resolution",
  ADD COLUMN "suggestionFollowed" BOOLEAN,
  ADD COLUMN "buyerOutcome" "BuyerOutcome",
  ADD COLUMN "suggestedProduct" TEXT,
  ADD COLUMN "abuseSuspectedAt" TIMESTAMP(3),
  ADD COLUMN "abuseEvidence" TEXT,
  ADD COLUMN "appealStage" "AppealStage",
  ADD COLUMN "appealDecisionAt" TIMESTAMP(3),
  ADD COLUMN "appealDueAt" TIMESTAMP(3),
  ADD COLUMN "appealFiledAt" TIMESTAMP(3),
  ADD COLUMN "appealClosedAt" TIMESTAMP(3);

-- A buyer's other cases are found by name whatever its case (the abuse form shows them), and by
-- order id (already indexed).
CREATE INDEX "Case_buyerName_lower_idx" ON "Case" (lower("buyerName"));
