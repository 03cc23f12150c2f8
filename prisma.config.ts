// Prisma CLI configuration: bundled WASM engines through a driver adapter, so the CLI
// never downloads native engines. Embedded PGlite unless DATABASE_URL names PostgreSQL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://embedded-pglite"; // lets the schema's env() resolve

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    if (url && /^postgres(ql)?:\/\//.test(url)) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    // PGlite has a single connection: the CLI's advisory lock would wait on itself forever.
    process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK ??= "1";
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = path.resolve(process.env.DATA_DIR ?? "./data", "pglite");
    mkdirSync(path.dirname(dir), { recursive: true });
    return new PrismaPGlite(new PGlite(dir)) as never; // typed against an older adapter-utils
  },
});
