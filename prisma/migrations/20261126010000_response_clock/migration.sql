-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "amazonDeadline" TEXT,
ADD COLUMN     "amazonDueAt" TIMESTAMP(3),
ADD COLUMN     "breachedAt" TIMESTAMP(3),
ADD COLUMN     "responseDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CaseTimer" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fireAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "firedAt" TIMESTAMP(3),

    CONSTRAINT "CaseTimer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: only pending timers are ever looked up by time (written by hand: Prisma's schema
-- language has no partial indexes).
CREATE INDEX "CaseTimer_pending_fireAt_idx" ON "CaseTimer"("fireAt") WHERE "status" = 'pending';

-- CreateIndex
CREATE UNIQUE INDEX "CaseTimer_caseId_kind_key" ON "CaseTimer"("caseId", "kind");

-- AddForeignKey
ALTER TABLE "CaseTimer" ADD CONSTRAINT "CaseTimer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
