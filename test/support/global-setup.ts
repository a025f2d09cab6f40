import type { TestProject } from "vitest/node";
import { startTestDatabase, type TestDatabasePlan } from "./test-database.js";

/**
 * Starts the test database before the workerd tests and stops it after. The ports were chosen
 * by vitest.config.ts, which also handed them to the Workers as bindings.
 */
export default async function setup(project: TestProject) {
  const database = await startTestDatabase(JSON.parse(process.env.TELLER_TEST_DB_PLAN!) as TestDatabasePlan);
  process.env.TELLER_TEST_DATABASE_URL = database.url;
  project.provide("databaseKind", database.kind);
  project.provide("databaseUrl", database.url);
  console.log(`[tests] Postgres: ${database.kind === "server" ? "server at TEST_DATABASE_URL" : "embedded PGlite"}`);
  return async () => {
    await database.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "server" | "embedded";
    databaseUrl: string;
  }
}
