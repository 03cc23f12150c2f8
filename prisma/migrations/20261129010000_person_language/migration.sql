-- Each person's own language for what only they see (/case language).
ALTER TABLE "Person" ADD COLUMN "language" TEXT;
