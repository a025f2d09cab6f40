import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";

// The embedded PGlite is one Postgres session, but what `npm run load` and the tests do to it is
// what one does to a server: a kept client and a pool of several, side by side. None may be
// turned away, and no transaction may see another's statements.
let server: EmbeddedPostgres;

beforeAll(async () => {
  server = await startEmbeddedPostgres({});
  const setup = new pg.Client({ connectionString: server.url });
  await setup.connect();
  await setup.query("CREATE TABLE embedded_concurrent (client int, n int)");
  await setup.end();
  // PGlite's WASM start takes seconds on a busy 2-core machine.
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("the embedded Postgres under several clients at once", () => {
  it("serves a kept client and a pool of 8 at once, each client's transactions whole", async () => {
    const kept = new pg.Client({ connectionString: server.url });
    await kept.connect();
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      await Promise.all(
        Array.from({ length: 8 }, async (_, client) => {
          for (let n = 0; n < 5; n++) {
            const connection = await pool.connect();
            try {
              await connection.query("BEGIN");
              await connection.query("INSERT INTO embedded_concurrent VALUES ($1, $2)", [client, n]);
              // Inside the transaction the client sees exactly its own rows so far.
              const { rows } = await connection.query("SELECT count(*)::int AS c FROM embedded_concurrent WHERE client = $1", [client]);
              expect(rows[0].c).toBe(n + 1);
              await connection.query("COMMIT");
            } finally {
              connection.release();
            }
          }
        }),
      );
      const { rows } = await kept.query("SELECT count(*)::int AS c FROM embedded_concurrent");
      expect(rows[0].c).toBe(40);
    } finally {
      await pool.end();
      await kept.end();
    }
  }, 60_000);

  it("rolls back a transaction whose client went away, and serves the next client", async () => {
    const quitter = new pg.Client({ connectionString: server.url });
    quitter.on("error", () => {});
    await quitter.connect();
    await quitter.query("BEGIN");
    await quitter.query("INSERT INTO embedded_concurrent VALUES (99, 1)");
    // Cut without COMMIT (a process killed mid-transaction).
    (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const next = new pg.Client({ connectionString: server.url });
    await next.connect();
    const { rows } = await next.query("SELECT count(*)::int AS c FROM embedded_concurrent WHERE client = 99");
    expect(rows[0].c).toBe(0);
    await next.end();
  }, 60_000);
});
