import type { SQL } from "drizzle-orm";
import type { Executor } from "./db.js";
import { sqlState } from "./db.js";

/**
 * A chat turn's hot reads (the balance list, the transactions page, the accounts and payees a
 * transfer is set up with) as named (protocol-level) prepared statements: Postgres parses, analyses
 * and plans each distinct statement once per connection, then only binds and executes it. Sent
 * unnamed, as drizzle's `execute` sends them, every read was parsed and planned again: 210–290 µs
 * of backend CPU a read against 33–57 µs named (perf26, one connection, 3,000 reads each, a
 * customer of the bench's size). The local pooler (scripts/db/pg-statements.ts) and Neon's
 * (PgBouncer ≥ 1.21) carry named statements across their server connections, as for the
 * transfer's CALL (transfer.ts, TRANSFER_STATEMENT).
 *
 * The statement is drizzle's own rendering of `query` (same text, same parameters), named after a
 * hash of its text: a statement with other filters is another text and another name, and a
 * migration that changes what a text reads changes the text. A read Postgres refuses as a named
 * statement (26000, 42P05, 0A000: a pooler that does not carry them, or a plan cached before a
 * migration) is sent once more unnamed; any other error is the read's. Inside a transaction
 * (no `$client`) it is drizzle's `execute` as before.
 *
 * Rows come from the driver's own type parsers, which differ from drizzle's `execute` only for
 * timestamp, date and interval columns (drizzle keeps them as text): the reads sent here return
 * none (times as epoch milliseconds, or inside json).
 */
export async function executeNamedRead<Row>(db: Executor, query: SQL): Promise<Row[]> {
  const client = namedQueryClient(db);
  const dialect = (db as unknown as { dialect?: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } } }).dialect;
  if (client && dialect) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    try {
      return (await client.query({ name: statementName(text), text, values: params })).rows as Row[];
    } catch (error) {
      if (!NAMED_STATEMENT_REFUSED.has(sqlState(error) ?? "")) throw error;
    }
  }
  // db.execute's result type is driver-specific; both drivers we use answer `{ rows }`.
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/**
 * SQLSTATEs with which Postgres refuses a named statement before executing it: 26000 (not prepared
 * on this connection: a pooler lent another one), 42P05 (already prepared under that name), 0A000
 * (its cached plan's result type changed under a migration).
 */
export const NAMED_STATEMENT_REFUSED: ReadonlySet<string> = new Set(["26000", "42P05", "0A000"]);

/** node-postgres's and Neon's Pool and Client both take `{ name, text, values }`. */
export interface NamedQueryClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** The driver's pool or client under a drizzle database (`$client`), when it has one (not a transaction). */
export function namedQueryClient(db: Executor): NamedQueryClient | undefined {
  const client = (db as unknown as { $client?: Partial<NamedQueryClient> }).$client;
  return typeof client?.query === "function" ? (client as NamedQueryClient) : undefined;
}

/**
 * `teller_read_` and 16 hex digits: two 32-bit FNV-1a hashes of the text (Postgres keeps 63 bytes
 * of a name). The driver refuses one name for two texts on a connection, so the hash is wide
 * enough that two statement texts of this code never share one.
 */
export function statementName(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return `teller_read_${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}
