-- The product's name as a returns report (or the intake API) gives it, for replies to the buyer.
ALTER TABLE "Case" ADD COLUMN "productName" TEXT;
