-- A routed case its owner has not answered by the reminder is offered to the group again, or kept
-- (waiting on the buyer, handed on, nobody else to take it): decided once, at the first sweep after
-- the reminder, and remembered here.
ALTER TABLE "Case" ADD COLUMN "reminderHandledAt" TIMESTAMP(3);

-- The sweep looks for the cases still to decide every time, through this small partial index (it
-- holds only routed, claimed cases without a first reply whose hand-off is not decided yet).
CREATE INDEX "Case_routed_unanswered_idx" ON "Case" ("id")
  WHERE "routedBy" IS NOT NULL AND status = 'claimed' AND "firstReplyAt" IS NULL AND "reminderHandledAt" IS NULL;

-- The rotation counts, as a person's load, the unclaimed cases waiting for them to claim (suggested
-- to them, or offered again naming them).
CREATE INDEX "Case_waiting_for_idx" ON "Case" ("routedTo") WHERE status = 'new' AND "routedTo" IS NOT NULL;
