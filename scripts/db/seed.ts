import { fileURLToPath } from "node:url";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../../packages/db/schema/index.js";
import { DEMO_CUSTOMERS } from "../../workers/gateway/dev-idp/demo-customers.js";
import { demoCustomerSpec } from "./demo-data.js";
import { insertAccountFacts, insertCustomer } from "./fixtures.js";

/**
 * Creates the demo customers' accounts, cards, payees and ~90 days of history, booked through the
 * ledger. Idempotent: a customer that exists is left exactly as it is, so this runs on every
 * `npm start`. One client (the embedded PGlite serves one session at a time).
 */
export async function seedDemoData(databaseUrl: string, now = new Date()): Promise<{ created: string[]; existing: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const created: string[] = [];
  const existing: string[] = [];
  try {
    const db = drizzle(client, { schema });
    for (const [index, customer] of DEMO_CUSTOMERS.entries()) {
      const spec = demoCustomerSpec(customer, index, now);
      const inserted = await insertCustomer(db, spec);
      // A customer seeded before migration 0004 gets its account facts now; later runs change nothing.
      if (!inserted) await insertAccountFacts(db, spec);
      (inserted ? created : existing).push(customer.id);
    }
  } finally {
    await client.end();
  }
  return { created, existing };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set");
    process.exit(2);
  }
  const { created, existing } = await seedDemoData(url);
  console.log(`demo data: created ${created.join(", ") || "none"}; already there: ${existing.join(", ") || "none"}`);
}
