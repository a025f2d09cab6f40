import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Events still waiting in ChatSession outboxes, read from the Durable Objects' SQLite files that
 * `wrangler dev` keeps under its --persist-to folder (the local stack only). Undefined when the
 * sqlite3 command is missing.
 */
export function pendingOutboxEvents(persistDir: string): { objects: number; withEvents: number; events: number } | undefined {
  const files = sessionFiles(persistDir);
  if (files.length === 0) return { objects: 0, withEvents: 0, events: 0 };
  // One sqlite3 process for every file: `.open` each, count its outbox.
  const script = files.map((f) => `.open --readonly '${f.replace(/'/g, "''")}'\nSELECT count(*) FROM outbox;`).join("\n");
  let output: string;
  try {
    output = execFileSync("sqlite3", ["-batch", "-bail"], { input: script, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["pipe", "pipe", "ignore"] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // An object that never created its tables (no outbox table) stops -bail; count file by file.
    output = files
      .map((f) => {
        try {
          return execFileSync("sqlite3", ["-readonly", f, "SELECT count(*) FROM outbox;"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
        } catch {
          return "0\n";
        }
      })
      .join("");
  }
  const counts = output.trim().split("\n").filter(Boolean).map(Number);
  return { objects: files.length, withEvents: counts.filter((n) => n > 0).length, events: counts.reduce((a, b) => a + b, 0) };
}

function sessionFiles(persistDir: string): string[] {
  const root = path.join(persistDir, "v3", "do");
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((dir) => /ChatSession$/.test(dir))
    .flatMap((dir) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".sqlite")).map((f) => path.join(root, dir, f)));
}

/**
 * What the ChatSession outboxes hold, as "customerId\nmessageId" for received messages and
 * "customerId\nidempotencyKey" for transfer audit events. Read right after a kill -9, it is
 * exactly what survived in Durable Object storage and must still drain: only what is in
 * neither Postgres nor an outbox at that moment was in the local queue's memory. Undefined when
 * the sqlite3 command is missing.
 */
export function outboxContents(persistDir: string): { messages: Set<string>; audits: Set<string>; customers: Set<string> } | undefined {
  const files = sessionFiles(persistDir);
  const messages = new Set<string>();
  const audits = new Set<string>();
  /** Customers whose object holds any event. */
  const customers = new Set<string>();
  const query =
    "SELECT json_extract(body, '$.type'), json_extract(body, '$.customerId'), " +
    "coalesce(json_extract(body, '$.messageId'), ''), coalesce(json_extract(body, '$.payload.effect.idempotencyKey'), '') FROM outbox;";
  for (const file of files) {
    let output: string;
    try {
      output = execFileSync("sqlite3", ["-readonly", "-separator", "\t", file, query], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      continue; // an object that never created its outbox table
    }
    for (const line of output.split("\n")) {
      const [type, customerId, messageId, idempotencyKey] = line.split("\t");
      if (type && customerId) customers.add(customerId);
      if (type === "message.received" && messageId) messages.add(`${customerId}\n${messageId}`);
      if (type === "audit.transfer" && idempotencyKey) audits.add(`${customerId}\n${idempotencyKey}`);
    }
  }
  return { messages, audits, customers };
}
