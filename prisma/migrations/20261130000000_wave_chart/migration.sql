-- When a return wave's chart was last queued, so a running wave gets a new one at most hourly.
ALTER TABLE "CrisisAlert" ADD COLUMN "chartedAt" TIMESTAMP(3);
