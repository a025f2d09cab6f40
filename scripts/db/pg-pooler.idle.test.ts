import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { TransactionPooler } from "./pg-pooler.js";
import { listenPooler, type PoolerFront } from "./pooler-front.js";

// The embedded Postgres has one server connection: a client that opens a transaction and then
// goes quiet (a Worker stuck mid-transaction with its socket still open) would hold every other
// client back until its socket closes. The pooler ends such a session as PostgreSQL's
// idle_in_transaction_session_timeout does (SQLSTATE 25P03), rolls it back and serves the next.
let embedded: EmbeddedPostgres;
let front: PoolerFront;
let url: string;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({});
  const pooler = new TransactionPooler({ target: `127.0.0.1:${embedded.port}`, size: 1, user: "postgres", password: "postgres", connectAttempts: 20, idleInTransactionMs: 300 });
  front = await listenPooler(pooler);
  url = `postgres://postgres:postgres@127.0.0.1:${front.port}/postgres`;
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query("CREATE TABLE IF NOT EXISTS idle_rows (n int)");
  await setup.end();
}, 60_000);

afterAll(async () => {
  await front?.close();
  await embedded?.stop();
});

describe("a client idle inside a transaction", () => {
  it("is ended with 25P03, its transaction rolled back, and the next client served", async () => {
    const quiet = new pg.Client({ connectionString: url });
    const ended = new Promise<string | undefined>((resolve) => quiet.on("error", (error) => resolve((error as { code?: string }).code)));
    await quiet.connect();
    await quiet.query("BEGIN");
    await quiet.query("INSERT INTO idle_rows VALUES (1)");

    const next = new pg.Client({ connectionString: url });
    await next.connect();
    const started = Date.now();
    const { rows } = await next.query("SELECT count(*)::int AS c FROM idle_rows");
    expect(rows[0]).toEqual({ c: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await ended).toBe("25P03");
    await next.end();
  });

  it("keeps a transaction whose client keeps talking, however long it lasts in all", async () => {
    const busy = new pg.Client({ connectionString: url });
    await busy.connect();
    await busy.query("BEGIN");
    for (let i = 0; i < 4; i++) {
      await busy.query("INSERT INTO idle_rows VALUES (2)");
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await busy.query("COMMIT");
    const { rows } = await busy.query("SELECT count(*)::int AS c FROM idle_rows WHERE n = 2");
    expect(rows[0]).toEqual({ c: 4 });
    await busy.end();
  });
});
