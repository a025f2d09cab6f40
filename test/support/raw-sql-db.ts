/**
 * A database that only runs raw SQL, answering as the drivers do (int8 as text), and keeps each
 * statement as Postgres would receive it: for the repositories that read with one flat statement
 * instead of drizzle's select builder (rebuilt on every read turn), to show the statement is one.
 */
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type { Db } from "../../packages/db/client.js";

const dialect = new PgDialect();

export function rawOnly(rows: unknown[]): { db: Db; seen: Array<{ sql: string; params: unknown[] }> } {
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const db = {
    execute: async (query: SQL) => {
      seen.push(dialect.sqlToQuery(query));
      return { rows };
    },
  } as unknown as Db;
  return { db, seen };
}
