import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL here (`npm run db:generate`); migrations are applied by
// scripts/db/migrate.ts, from Node, never inside a Worker.
export default defineConfig({
  dialect: "postgresql",
  schema: "./packages/db/schema/index.ts",
  out: "./migrations",
  strict: true,
});
