-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "returnReason" TEXT;

