-- The agent's workspace: the Home tab's people, waiting on the buyer, and finding any case.
CREATE TABLE "Person" (
  "userId" TEXT NOT NULL PRIMARY KEY,
  "homeOpenedAt" TIMESTAMP(3),
  "updatedAt" TIMESTAMP(3) NOT NULL
);

ALTER TABLE "Case" ADD COLUMN "waitingUntil" TIMESTAMP(3);

-- /case find: SKUs exactly, and words of what happened, the buyer and the product (whole words,
-- any language whose words are separated by spaces; a Chinese name is found whole).
CREATE INDEX "Case_sku_idx" ON "Case" (sku);
CREATE INDEX "Case_words_idx" ON "Case" USING GIN (
  to_tsvector('simple', coalesce(description, '') || ' ' || coalesce("buyerName", '') || ' ' || coalesce("productName", ''))
);

-- The Home tab's "Needs someone": unclaimed cases by first-reply deadline.
CREATE INDEX "Case_status_responseDueAt_idx" ON "Case" (status, "responseDueAt");
