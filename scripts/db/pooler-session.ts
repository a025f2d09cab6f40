import {
  CANCEL_REQUEST,
  MessageReader,
  authenticationOk,
  backendKeyData,
  errorResponse,
  isEncryptionRequest,
  parseStartup,
  readyForQuery,
  simpleQuery,
  type WireMessage,
} from "./pg-wire.js";
import { SessionStatements, type StatementNames } from "./pg-statements.js";
import type { Lease, ServerConnection } from "./pg-server-connection.js";

/**
 * A client session as the pooler sees it: a WebSocket from the proxy (Neon's wire format, one
 * frame of protocol after another), or a TCP socket wrapped by `socketClient` (pooler-front.ts).
 */
export interface PoolerClient {
  readonly readyState: number;
  readonly OPEN: number;
  readonly CONNECTING: number;
  send(data: Buffer): void;
  close(): void;
  terminate(): void;
  on(event: "message", listener: (data: Buffer) => void): unknown;
  on(event: "close" | "error", listener: () => void): unknown;
}

/** What a client session asks of the pooler (scripts/db/pg-pooler.ts). */
export interface SessionPool {
  /** A server connection for one transaction; waits in order while every one is lent. */
  acquire(): Promise<ServerConnection>;
  /** Gives a connection back (a broken one is dropped, and a waiter gets a new one). */
  release(server: ServerConnection): void;
  /** The server's ParameterStatus messages, for the startup answer. */
  serverParameters(database: string): Promise<Buffer[]>;
  /** The secret key the startup answer's BackendKeyData carries. */
  backendKey(): number;
}

/**
 * Serves one client session arriving on `ws` (Neon's wire format: binary frames of protocol): the
 * pooler answers its startup itself, then lends it a server connection from its first message
 * until ReadyForQuery says idle, and rolls back a transaction it leaves open. `onEnd` runs once,
 * when the session ends. With `idleInTransactionMs`, a session that holds its connection inside a
 * transaction that long without a word is ended with 25P03 (and rolled back, as above).
 */
export function serveSession(
  ws: PoolerClient,
  pool: SessionPool,
  names: StatementNames,
  log: (line: string) => void,
  onEnd: () => void,
  idleInTransactionMs?: number,
): void {
  const reader = new MessageReader();
  let started = false;
  let closed = false;
  let server: ServerConnection | undefined;
  let acquiring = false;
  let expected = 0;
  let inTransaction = false;
  const pending: WireMessage[] = [];
  const statements = new SessionStatements(names);
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const quiet = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
  };
  // Armed when the server has answered everything and the transaction waits on the client.
  const armIdleTimer = () => {
    quiet();
    if (!idleInTransactionMs || !server || expected !== 0 || !inTransaction) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (closed || !server || expected !== 0 || !inTransaction) return;
      log(`pooler: a session idle in its transaction for ${idleInTransactionMs} ms was ended`);
      sendToClient(errorResponse("25P03", "terminating connection due to idle-in-transaction timeout"));
      finish();
    }, idleInTransactionMs);
    idleTimer.unref?.();
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    quiet();
    onEnd();
    // A connection still lent here is inside a transaction the client left open, or mid-query.
    // The first is rolled back and goes back to the pool (as PgBouncer resets it); the second
    // cannot be trusted and is closed.
    if (server) {
      const lent = server;
      server = undefined;
      lent.onBroken = undefined;
      if (expected === 0 && inTransaction) {
        lent.lease = (messages) => {
          if (!messages.some((m) => m.type === "Z")) return;
          lent.lease = undefined;
          pool.release(lent);
        };
        lent.onBroken = () => pool.release(lent);
        lent.socket.write(simpleQuery("ROLLBACK"));
      } else {
        lent.lease = undefined;
        lent.destroy();
        pool.release(lent);
      }
    }
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
  };
  const sendToClient = (data: Buffer) => {
    if (!closed && ws.readyState === ws.OPEN) ws.send(data);
  };

  const onServerMessages: Lease = (messages) => {
    const prepared = server?.prepared ?? new Set<string>();
    const out: Buffer[] = [];
    let done = false;
    for (const m of messages) {
      statements.fromServer(m, prepared, out);
      if (m.type !== "Z") continue;
      expected = Math.max(0, expected - 1);
      inTransaction = m.body[0] !== 73;
      if (expected === 0 && m.body[0] === 73 /* 'I' */) {
        done = true;
        break;
      }
    }
    if (out.length) sendToClient(out.length === 1 ? out[0]! : Buffer.concat(out));
    if (!done) armIdleTimer();
    if (done && server) {
      const lent = server;
      server = undefined;
      lent.lease = undefined;
      lent.onBroken = undefined;
      pool.release(lent);
      if (pending.length) void acquire();
    }
  };

  const acquire = async () => {
    if (acquiring || server) return;
    acquiring = true;
    try {
      const lent = await pool.acquire();
      acquiring = false;
      if (closed) return pool.release(lent);
      server = lent;
      lent.lease = onServerMessages;
      lent.onBroken = () => {
        server = undefined;
        pool.release(lent);
        finish();
      };
      writeToServer(lent, pending.splice(0));
    } catch (error) {
      acquiring = false;
      log(`pooler: no server connection: ${(error as Error).message}`);
      sendToClient(errorResponse("08006", `server unreachable: ${(error as Error).message}`));
      finish();
    }
  };

  // Named statements are translated for the connection they are written to (see pg-statements).
  const writeToServer = (lent: ServerConnection, messages: WireMessage[]) => {
    const data: Buffer[] = [];
    for (const m of messages) data.push(...statements.toServer(m, lent.prepared));
    if (data.length) lent.socket.write(data.length === 1 ? data[0]! : Buffer.concat(data));
    const owed: Buffer[] = [];
    statements.drain(owed);
    if (owed.length) sendToClient(Buffer.concat(owed));
  };

  const onClientMessages = (messages: WireMessage[]) => {
    quiet();
    const now: WireMessage[] = [];
    for (const m of messages) {
      if (m.type === "X") {
        if (server && !acquiring && now.length) writeToServer(server, now);
        return finish();
      }
      // A password nobody asked for (a pipelined connect): the pooler authenticated the session.
      if (m.type === "p") continue;
      if (m.type === "Q" || m.type === "S") expected++;
      if (server && !acquiring) now.push(m);
      else pending.push(m);
    }
    if (server && !acquiring && now.length) writeToServer(server, now);
    if (!server && pending.length) void acquire();
  };

  const startup = async (chunk: Buffer | undefined) => {
    for (let packet = reader.takeUntyped(chunk); packet; packet = reader.takeUntyped()) {
      const { code, parameters } = parseStartup(packet);
      if (isEncryptionRequest(code)) {
        sendToClient(Buffer.from("N"));
        continue;
      }
      if (code === CANCEL_REQUEST) return finish();
      started = true;
      try {
        const serverParameters = await pool.serverParameters(parameters.database ?? parameters.user ?? "postgres");
        sendToClient(Buffer.concat([authenticationOk(), ...serverParameters, backendKeyData(process.pid, pool.backendKey()), readyForQuery("I")]));
      } catch (error) {
        sendToClient(errorResponse("08006", `server unreachable: ${(error as Error).message}`));
        return finish();
      }
      const rest = reader.rest();
      if (rest.length) onClientMessages(reader.push(rest));
      return;
    }
  };

  let starting: Promise<void> = Promise.resolve();
  ws.on("message", (data: Buffer) => {
    const chunk = Buffer.from(data);
    // Messages arriving while the startup answer is still being prepared wait for it; a
    // failure ends the session rather than silently stopping the chain behind it.
    starting = starting.then(() => (started ? onClientMessages(reader.push(chunk)) : startup(chunk))).catch((error: unknown) => {
      log(`pooler: client session failed: ${(error as Error).message}`);
      finish();
    });
  });
  ws.on("close", finish);
  ws.on("error", finish);
}
