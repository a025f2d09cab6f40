import { message, type WireMessage } from "./pg-wire.js";

/**
 * Named (protocol-level) prepared statements across a transaction-mode pooler's server
 * connections, as PgBouncer ≥ 1.21 carries them (`max_prepared_statements`): a client's statement
 * outlives the transaction that parsed it, while its next transaction may run on another server
 * connection.
 *
 * - A client's Parse of a named statement is remembered (name → query text and parameter types)
 *   and sent to the server under a name of the pooler's, one per distinct text and types, so
 *   clients that prepare the same statement share it on each server connection and two clients'
 *   equal names never collide (the embedded PGlite is one session for every client).
 * - A Bind or Describe of that statement on a server connection that has not prepared it sends
 *   the Parse there first; its ParseComplete is not passed on. A Parse the server connection has
 *   already prepared is not sent; the client gets its ParseComplete in the right place.
 * - Close of a client's statement only forgets it (CloseComplete is answered in place): the
 *   server's copy may serve other clients.
 * - An error undoes what the failed or skipped messages would have prepared or forgotten (the
 *   server skips everything up to Sync after an error); DISCARD ALL and DEALLOCATE ALL forget the
 *   client's statements and everything the server connection had prepared.
 *
 * So answers stay in order, every message sent to the server is followed in a queue until its
 * answer completes (Parse '1', Bind '2', Close '3', Describe 'T'/'n', Execute 'C'/'I'/'s',
 * Sync and a simple Query 'Z').
 */

/** What one server connection has prepared (the pooler's names). Gone with the connection. */
export type ServerStatements = Set<string>;

/** The pooler's names for statement texts, shared by all its clients. */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private next = 1;

  nameFor(key: string): string {
    let name = this.names.get(key);
    if (!name) this.names.set(key, (name = `teller_pooler_${this.next++}`));
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

interface ClientStatement {
  serverName: string;
  /** The Parse body after the name: query text, parameter count and types. */
  rest: Buffer;
}

type Kind = "parse" | "bind" | "describe" | "execute" | "close" | "sync" | "query";

interface Entry {
  kind: Kind;
  /** Answered by the pooler (ParseComplete, CloseComplete) when it reaches the head. */
  synthetic?: Buffer;
  /** An injected Parse: its ParseComplete is not the client's. */
  swallow?: boolean;
  /** The server refused this message or skipped it after an earlier error. */
  onFail?: () => void;
}

const PARSE_COMPLETE = message("1");
const CLOSE_COMPLETE = message("3");
const COMPLETES: Record<Kind, string> = { parse: "1", bind: "2", close: "3", describe: "Tn", execute: "CIs", sync: "Z", query: "Z" };
const FORGETS_ALL = new Set(["DISCARD ALL", "DEALLOCATE ALL"]);

/** One client session's statements and the answers it awaits from its current server connection. */
export class SessionStatements {
  private readonly statements = new Map<string, ClientStatement>();
  private readonly queue: Entry[] = [];
  /** After an error, before the client's Sync: the server discards what the client sends. */
  private skipping = false;

  constructor(private readonly names: StatementNames) {}

  /** Whether nothing sent to the server is still unanswered (the lease may end). */
  get settled(): boolean {
    return this.queue.length === 0;
  }

  /**
   * What to write to the server for one client message, given what that server connection has
   * prepared; answers the pooler makes itself come out of `drain`.
   */
  toServer(m: WireMessage, prepared: ServerStatements): Buffer[] {
    if (this.skipping) {
      if (m.type !== "S") return [];
      this.skipping = false;
    }
    switch (m.type) {
      case "P":
        return this.parse(m, prepared);
      case "B": {
        const portalEnd = m.body.indexOf(0);
        const nameEnd = m.body.indexOf(0, portalEnd + 1);
        const name = m.body.toString("utf8", portalEnd + 1, nameEnd);
        const known = name ? this.statements.get(name) : undefined;
        if (!known) {
          this.queue.push({ kind: "bind" });
          return [m.raw];
        }
        const out = this.ensure(known, prepared);
        this.queue.push({ kind: "bind" });
        out.push(message("B", Buffer.concat([m.body.subarray(0, portalEnd + 1), cstring(known.serverName), m.body.subarray(nameEnd + 1)])));
        return out;
      }
      case "D": {
        const name = m.body.toString("utf8", 1, m.body.length - 1);
        const known = m.body[0] === 83 /* 'S' */ && name ? this.statements.get(name) : undefined;
        if (!known) {
          this.queue.push({ kind: "describe" });
          return [m.raw];
        }
        const out = this.ensure(known, prepared);
        this.queue.push({ kind: "describe" });
        out.push(message("D", Buffer.concat([Buffer.from("S"), cstring(known.serverName)])));
        return out;
      }
      case "C": {
        const name = m.body.toString("utf8", 1, m.body.length - 1);
        const known = m.body[0] === 83 && name ? this.statements.get(name) : undefined;
        if (!known) {
          this.queue.push({ kind: "close" });
          return [m.raw];
        }
        this.statements.delete(name);
        this.queue.push({ kind: "close", synthetic: CLOSE_COMPLETE, onFail: () => this.statements.set(name, known) });
        return [];
      }
      case "E":
        this.queue.push({ kind: "execute" });
        return [m.raw];
      case "S":
        this.queue.push({ kind: "sync" });
        return [m.raw];
      case "Q":
      case "F":
        this.queue.push({ kind: "query" });
        return [m.raw];
      default:
        // Flush, copy data: no answer of their own.
        return [m.raw];
    }
  }

  /**
   * One server message: appends what the client should see (answers the pooler owes first) to
   * `out`.
   */
  fromServer(m: WireMessage, prepared: ServerStatements, out: Buffer[]): void {
    this.drain(out);
    const head = this.queue[0];
    if (m.type === "C" && FORGETS_ALL.has(m.body.toString("utf8", 0, m.body.length - 1))) {
      prepared.clear();
      this.statements.clear();
    }
    if (!head) return void out.push(m.raw);
    if (m.type === "E" && head.kind !== "query") {
      out.push(m.raw);
      this.failUntilSync();
      return;
    }
    if (!COMPLETES[head.kind].includes(m.type)) return void out.push(m.raw);
    this.queue.shift();
    if (!head.swallow) out.push(m.raw);
    this.drain(out);
  }

  /** Answers the pooler makes itself, once everything sent before them is answered. */
  drain(out: Buffer[]): void {
    while (this.queue[0]?.synthetic) out.push(this.queue.shift()!.synthetic!);
  }

  private parse(m: WireMessage, prepared: ServerStatements): Buffer[] {
    const nameEnd = m.body.indexOf(0);
    const name = m.body.toString("utf8", 0, nameEnd);
    if (!name) {
      this.queue.push({ kind: "parse" });
      return [m.raw];
    }
    const rest = m.body.subarray(nameEnd + 1);
    const existing = this.statements.get(name);
    if (existing) {
      // Postgres refuses a second statement of the same name (42P05): let the server say so, on
      // a name it surely holds.
      const out = this.ensure(existing, prepared);
      this.queue.push({ kind: "parse" });
      out.push(message("P", Buffer.concat([cstring(existing.serverName), rest])));
      return out;
    }
    const statement = { serverName: this.names.nameFor(rest.toString("latin1")), rest: Buffer.from(rest) };
    this.statements.set(name, statement);
    const forget = () => {
      if (this.statements.get(name) === statement) this.statements.delete(name);
    };
    if (prepared.has(statement.serverName)) {
      this.queue.push({ kind: "parse", synthetic: PARSE_COMPLETE, onFail: forget });
      return [];
    }
    prepared.add(statement.serverName);
    this.queue.push({
      kind: "parse",
      onFail: () => {
        forget();
        prepared.delete(statement.serverName);
      },
    });
    return [message("P", Buffer.concat([cstring(statement.serverName), statement.rest]))];
  }

  /** The Parse to send first when this server connection has not prepared the statement. */
  private ensure(statement: ClientStatement, prepared: ServerStatements): Buffer[] {
    if (prepared.has(statement.serverName)) return [];
    prepared.add(statement.serverName);
    this.queue.push({ kind: "parse", swallow: true, onFail: () => prepared.delete(statement.serverName) });
    return [message("P", Buffer.concat([cstring(statement.serverName), statement.rest]))];
  }

  /** An error: the message at the head failed and the server skips the rest up to Sync. */
  private failUntilSync(): void {
    while (this.queue.length && this.queue[0]!.kind !== "sync") this.queue.shift()!.onFail?.();
    if (!this.queue.length) this.skipping = true;
  }
}

const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");
