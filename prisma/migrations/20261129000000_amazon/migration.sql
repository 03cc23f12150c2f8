-- The connection to Amazon's Selling Partner API: what is pulled, the reports asked for, and
-- Amazon's own account health.
CREATE TABLE "AmazonFeed" (
  "id" SERIAL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "marketplace" TEXT NOT NULL,
  "cursor" TIMESTAMP(3),
  "lastPullAt" TIMESTAMP(3),
  "lastRows" INTEGER,
  "lastCreated" INTEGER,
  "lastError" TEXT,
  "lastErrorAt" TIMESTAMP(3),
  "failures" INTEGER NOT NULL DEFAULT 0,
  "retryAt" TIMESTAMP(3),
  "leaseOwner" TEXT,
  "leaseUntil" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "AmazonFeed_kind_marketplace_key" ON "AmazonFeed" ("kind", "marketplace");

CREATE TABLE "AmazonReport" (
  "id" SERIAL PRIMARY KEY,
  "feedId" INTEGER NOT NULL REFERENCES "AmazonFeed" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "reportId" TEXT,
  "dataStart" TIMESTAMP(3) NOT NULL,
  "dataEnd" TIMESTAMP(3) NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'requested',
  "polls" INTEGER NOT NULL DEFAULT 0,
  "rows" INTEGER,
  "created" INTEGER,
  "error" TEXT,
  "createdAt" TIMESTAMP(3) NOT NULL,
  "finishedAt" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "AmazonReport_reportId_key" ON "AmazonReport" ("reportId");
CREATE INDEX "AmazonReport_feedId_status_idx" ON "AmazonReport" ("feedId", "status");

CREATE TABLE "AccountHealth" (
  "marketplace" TEXT NOT NULL PRIMARY KEY,
  "reportedAt" TIMESTAMP(3) NOT NULL,
  "orders" INTEGER NOT NULL,
  "defects" INTEGER NOT NULL,
  "percent" DOUBLE PRECISION NOT NULL,
  "detail" JSONB NOT NULL
);
