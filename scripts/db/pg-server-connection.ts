import { createConnection, type Socket } from "node:net";
import { MessageReader, ServerAuth, errorText, simpleQuery, startupMessage, type WireMessage } from "./pg-wire.js";
import type { ServerStatements } from "./pg-statements.js";

/** Who holds a server connection now: every message the server sends goes to it. */
export type Lease = (messages: WireMessage[]) => void;

/**
 * One of a pooler's connections to the Postgres server (scripts/db/pg-pooler.ts): started up and
 * authenticated as the pooler's user, emptied of prepared statements, then lent to one client
 * session at a time.
 */
export class ServerConnection {
  readonly socket: Socket;
  readonly ready: Promise<void>;
  parameters: Buffer[] = [];
  broken = false;
  lease: Lease | undefined;
  onBroken: (() => void) | undefined;
  /** The pooler's named statements this connection has prepared (or has been sent). */
  readonly prepared: ServerStatements = new Set();
  private readonly reader = new MessageReader();

  constructor(host: string, port: number, user: string, password: string, database: string) {
    this.socket = createConnection({ host, port, noDelay: true });
    const auth = new ServerAuth(user, password);
    this.ready = new Promise<void>((resolve, reject) => {
      let authenticated = false;
      let isReady = false;
      let resetting = false;
      const fail = (error: Error) => {
        this.broken = true;
        this.socket.destroy();
        if (!isReady) reject(error);
        const onBroken = this.onBroken;
        this.onBroken = undefined;
        onBroken?.();
      };
      this.socket.on("connect", () => this.socket.write(startupMessage({ user, database })));
      this.socket.on("error", fail);
      this.socket.on("close", () => fail(new Error("server connection closed")));
      this.socket.on("data", (chunk) => {
        const messages = this.reader.push(chunk);
        if (isReady) return this.lease?.(messages);
        for (let i = 0; i < messages.length; i++) {
          const m = messages[i]!;
          if (m.type === "E") return fail(new Error(errorText(m.body)));
          if (m.type === "R" && !authenticated) {
            const reply = auth.answer(m.body);
            if (reply === "ok") authenticated = true;
            else if (reply) this.socket.write(reply);
          } else if (m.type === "S") this.parameters.push(Buffer.from(m.raw));
          else if (m.type === "Z" && !resetting) {
            // A new connection must hold no prepared statement: PGlite's one session outlives
            // its connections, so what an earlier connection prepared would still be there.
            resetting = true;
            this.socket.write(simpleQuery("DEALLOCATE ALL"));
          } else if (m.type === "Z") {
            isReady = true;
            resolve();
            const rest = messages.slice(i + 1);
            if (rest.length) this.lease?.(rest);
            return;
          }
        }
      });
    });
    this.ready.catch(() => {});
  }

  destroy(): void {
    this.broken = true;
    this.socket.destroy();
  }
}
