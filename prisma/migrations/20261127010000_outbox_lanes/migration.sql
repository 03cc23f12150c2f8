-- Urgent messages (reminders, escalations, alerts, digests, summaries) go before an import's cards
-- in the same channel; the time of the last attempt bounds the search for a post whose outcome
-- was not known (Slack may have taken it before the connection broke).
ALTER TABLE "OutboxMessage"
  ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "attemptedAt" TIMESTAMP(3);
