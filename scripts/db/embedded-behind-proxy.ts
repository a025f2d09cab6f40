import { afterAll, beforeAll } from "vitest";
import { neonConfig } from "@neondatabase/serverless";
import { WebSocket } from "ws";
import { useLocalProxy } from "../../packages/db/client.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { startWsProxy, type WsProxy, type WsProxyOptions } from "./ws-proxy.js";

/**
 * Test setup shared by the proxy suites: an embedded Postgres behind the WebSocket proxy, with the
 * driver settings the Workers use (packages/db/client.ts), started before the file's tests and
 * stopped after them. Read `pg` and `proxy` inside tests (they are set by beforeAll).
 */
export function embeddedBehindProxy(options: Omit<WsProxyOptions, "allowedTargets">): { pg: EmbeddedPostgres; proxy: WsProxy } {
  const stack = {} as { pg: EmbeddedPostgres; proxy: WsProxy };
  beforeAll(async () => {
    stack.pg = await startEmbeddedPostgres({});
    stack.proxy = await startWsProxy({ allowedTargets: [`127.0.0.1:${stack.pg.port}`], ...options });
    neonConfig.webSocketConstructor = WebSocket;
    useLocalProxy(stack.proxy.address);
    // PGlite's WASM start takes seconds on a busy 2-core machine.
  }, 60_000);
  afterAll(async () => {
    await stack.proxy?.close();
    await stack.pg?.stop();
  });
  return stack;
}
