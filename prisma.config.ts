// Prisma CLI configuration: bundled WASM engines through a driver adapter, so the CLI
// never downloads native engines. Embedded PGlite unless DATABASE_URL names PostgreSQL.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://embedded-pglite"; // lets the schema's env() resolve

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    if (url && /^postgres(ql)?:\/\//.test(url)) return new PrismaPg({ connectionString: url });
    // The embedded database, through its folder's lock like the bot (refused while the bot runs).
    // PGlite has a single connection: the CLI's advisory lock would wait on itself forever.
    process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK ??= "1";
    embedded ??= import("./src/db.ts").then(async ({ openEmbedded }) => {
      const opened = await openEmbedded(process.env.DATA_DIR, { command: "npx prisma" });
      process.once("beforeExit", () => void opened.close());
      return opened;
    });
    return new PrismaPg({ ...(await embedded).connection, max: 1 });
  },
});

// A command may ask for the adapter more than once; the folder is opened once per process.
let embedded: ReturnType<typeof import("./src/db.ts").openEmbedded> | undefined;
