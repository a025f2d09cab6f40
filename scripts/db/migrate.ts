import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const migrationsFolder = path.join(repoRoot, "migrations");

/**
 * Applies every pending drizzle-kit migration. Safe to run on every start. `folder`: another
 * checkout's migrations (the ledger bench's before/after comparison); the repository's by default.
 */
export async function migrateDatabase(databaseUrl: string, folder: string = migrationsFolder): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set; `npm start` migrates the embedded database itself.");
    process.exit(2);
  }
  await migrateDatabase(url);
  console.log("migrations applied");
}
