-- The team's vocabularies become enum types, so the database refuses a value the bot has no label for.
CREATE TYPE "Category" AS ENUM ('return', 'refund', 'replacement', 'reshipment', 'complaint', 'a_to_z_claim', 'negative_review', 'chargeback', 'delivery_issue', 'other');
CREATE TYPE "Priority" AS ENUM ('urgent', 'high', 'normal');
CREATE TYPE "CaseStatus" AS ENUM ('new', 'claimed', 'resolved');
CREATE TYPE "Resolution" AS ENUM ('refund', 'partial_refund', 'replacement', 'reshipment', 'return_accepted', 'coupon', 'repair', 'declined', 'appealed', 'claim_denied', 'claim_withdrawn');
CREATE TYPE "RootCause" AS ENUM ('defect', 'not_as_described', 'wrong_item', 'damaged_in_transit', 'late_or_lost', 'buyer_remorse', 'suspected_abuse', 'other');
CREATE TYPE "AmazonDeadline" AS ENUM ('buyer_message', 'a_to_z_claim', 'chargeback');
CREATE TYPE "AlertKind" AS ENUM ('wave', 'risk', 'odr_warning', 'odr_alert');
CREATE TYPE "AlertStatus" AS ENUM ('active', 'cleared');

ALTER TABLE "Case"
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "category" TYPE "Category" USING "category"::"Category",
  ALTER COLUMN "priority" TYPE "Priority" USING "priority"::"Priority",
  ALTER COLUMN "status" TYPE "CaseStatus" USING "status"::"CaseStatus",
  ALTER COLUMN "resolution" TYPE "Resolution" USING "resolution"::"Resolution",
  ALTER COLUMN "rootCause" TYPE "RootCause" USING "rootCause"::"RootCause",
  ALTER COLUMN "amazonDeadline" TYPE "AmazonDeadline" USING "amazonDeadline"::"AmazonDeadline",
  ALTER COLUMN "status" SET DEFAULT 'new';

ALTER TABLE "CrisisAlert"
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "kind" TYPE "AlertKind" USING "kind"::"AlertKind",
  ALTER COLUMN "status" TYPE "AlertStatus" USING "status"::"AlertStatus",
  ALTER COLUMN "status" SET DEFAULT 'active';
