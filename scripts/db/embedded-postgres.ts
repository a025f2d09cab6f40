import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { TransactionPooler } from "./pg-pooler.js";
import { listenPooler, type PoolerFront } from "./pooler-front.js";

/**
 * The embedded default: PostgreSQL (PGlite, in WASM) served on a loopback TCP port, so a fresh
 * machine needs no database install.
 *
 * PGlite is a single session: its socket server takes one connection and turns the next away
 * ("Too many connections", or Node closes it unread), and with more it interleaves clients'
 * statements. So PGlite listens on an inner port for one connection only, and the advertised port
 * is a transaction-mode pooler of size 1 in front of it (scripts/db/pg-pooler.ts): any number of
 * clients connect, and each transaction (or statement outside one) has the session to itself while
 * the others wait in order. A transaction a client left open is rolled back. Concurrency is queued,
 * never exercised: the real server is where races are tested.
 */
export interface EmbeddedPostgres {
  url: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  /** A folder for the data, or undefined for a throwaway in-memory database. */
  dataDir?: string;
  port?: number;
}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? "memory://");
  const session = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: 1,
    // The pooler is its only client and rolls back what a vanished client left open; an idle
    // connection it holds and PGlite cuts is reopened on the next transaction.
    idleTimeout: 60_000,
  });
  let innerPort = 0;
  session.addEventListener("listening", (event) => {
    innerPort = (event as CustomEvent<{ port: number }>).detail.port;
  });
  await session.start();

  // One connection serves every client, so a client gone quiet inside a transaction (its socket
  // still open) would hold all the others back: after 15 s its session is ended and rolled back.
  const pooler = new TransactionPooler({
    target: `127.0.0.1:${innerPort}`,
    size: 1,
    user: "postgres",
    password: "postgres",
    connectAttempts: 20,
    idleInTransactionMs: 15_000,
  });
  let front: PoolerFront;
  try {
    front = await listenPooler(pooler, options.port ?? 0);
  } catch (error) {
    await session.stop();
    await db.close();
    throw error;
  }
  const port = front.port;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    host: "127.0.0.1",
    port,
    async stop() {
      await front.close();
      await session.stop();
      await db.close();
    },
  };
}
