-- Cases handed to someone by a rule and not answered yet: the sweep looks for those whose reminder
-- has come, every time, through this small partial index (it holds only routed, claimed cases
-- without a first reply).
CREATE INDEX "Case_routed_unanswered_idx" ON "Case" ("id") WHERE "routedBy" IS NOT NULL AND status = 'claimed' AND "firstReplyAt" IS NULL;
