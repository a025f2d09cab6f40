import { createServer, type AddressInfo, type Socket } from "node:net";
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
  const silent = await startSilentServer();
  project.provide("silentAddress", silent.address);
  return async () => {
    await silent.stop();
    await database.stop();
  };
}

/**
 * An endpoint that accepts connections and never answers (a database or proxy that hangs): the
 * tests point a Durable Object's DB_WS_PROXY at it to prove no await waits on it for good.
 */
async function startSilentServer(): Promise<{ address: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "server" | "embedded";
    databaseUrl: string;
    /** "host:port" of an endpoint that accepts connections and never answers. */
    silentAddress: string;
  }
}
