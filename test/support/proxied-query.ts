import { Pool, neonConfig } from "@neondatabase/serverless";
import { WebSocket } from "ws";

/**
 * One query from Node through the stack's WebSocket proxy, on a connection closed right after.
 * Going through the proxy matters for the embedded PGlite: it has one session, and the proxy is
 * what queues its clients.
 */
export async function proxiedQuery<T = Record<string, unknown>>(
  proxyAddress: string,
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  neonConfig.webSocketConstructor = WebSocket;
  neonConfig.wsProxy = (host, port) => `${proxyAddress}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return (await pool.query(sql, params)).rows as T[];
  } finally {
    await pool.end();
  }
}
