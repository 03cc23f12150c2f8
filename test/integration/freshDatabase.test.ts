// A brand-new install: the embedded database is created and migrated by the bot as it starts, and
// answers every query at once, including those that pass lists of the team's vocabulary.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db.ts";
import { readOdr, recordOrders } from "../../src/store/odr.ts";
import { backend } from "../support/database.ts";

describe.runIf(backend === "pglite")("a brand-new embedded database", () => {
  it("reads the Order Defect Rate right after the migrations that created its enums", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "aftersales-fresh-"));
    const db = await openDatabase({ dataDir });
    try {
      const now = new Date("2026-11-26T12:00:00Z");
      await db.prisma.case.create({
        data: {
          category: "negative_review",
          priority: "high",
          orderId: "114-2962899-5762619",
          marketplace: "US",
          description: "One star: arrived broken",
          source: "test",
          createdAt: now,
        },
      });
      await recordOrders(db.prisma, { marketplace: "US", date: "2026-11-26", orders: 200, span: "60d" });
      const reading = await readOdr(db.prisma, "US", now, 1);
      expect(reading).toMatchObject({ orders: 200, defects: 1, negativeReviews: 1, percent: 0.5 });
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
