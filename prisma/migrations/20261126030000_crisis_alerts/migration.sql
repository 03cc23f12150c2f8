-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "riskPhrases" TEXT;

-- CreateTable
CREATE TABLE "CrisisAlert" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "windowKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "channelId" TEXT,
    "messageTs" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "clearedAt" TIMESTAMP(3),
    "detail" JSONB,

    CONSTRAINT "CrisisAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderVolume" (
    "id" SERIAL NOT NULL,
    "marketplace" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "span" TEXT NOT NULL DEFAULT 'day',
    "orders" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderVolume_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CrisisAlert_kind_status_idx" ON "CrisisAlert"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CrisisAlert_kind_subject_windowKey_key" ON "CrisisAlert"("kind", "subject", "windowKey");

-- CreateIndex
CREATE UNIQUE INDEX "OrderVolume_marketplace_date_span_key" ON "OrderVolume"("marketplace", "date", "span");

-- CreateIndex
CREATE INDEX "Case_marketplace_category_createdAt_idx" ON "Case"("marketplace", "category", "createdAt");
