import { execFile, execFileSync } from "node:child_process";
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
 * "customerId\nidempotencyKey" for transfer audit events, each split into those not sent yet and
 * those sent to the queue but not yet confirmed in Postgres. Read right after a kill -9, it is
 * what survived in Durable Object storage and must still drain; the sent ones were also in the
 * local queue's memory, which the kill lost. Undefined when the sqlite3 command is missing.
 */
export interface OutboxContents {
  messages: Set<string>;
  /** Of `messages`, those the queue accepted (awaiting confirmation). */
  sentMessages: Set<string>;
  audits: Set<string>;
  /** Customers whose object holds any event. */
  customers: Set<string>;
}

export async function outboxContents(persistDir: string): Promise<OutboxContents | undefined> {
  const contents: OutboxContents = { messages: new Set(), sentMessages: new Set(), audits: new Set(), customers: new Set() };
  const query =
    "SELECT json_extract(body, '$.type'), json_extract(body, '$.customerId'), " +
    "coalesce(json_extract(body, '$.messageId'), ''), coalesce(json_extract(body, '$.payload.effect.idempotencyKey'), ''), " +
    "EXISTS (SELECT 1 FROM outbox_sent s WHERE s.event_id = outbox.event_id) FROM outbox;";
  const lines = await eachObject(persistDir, query);
  if (lines === undefined) return undefined;
  for (const line of lines) {
    const [type, customerId, messageId, idempotencyKey, sent] = line.split("\t");
    if (type && customerId) contents.customers.add(customerId);
    if (type === "message.received" && messageId) {
      contents.messages.add(`${customerId}\n${messageId}`);
      if (sent === "1") contents.sentMessages.add(`${customerId}\n${messageId}`);
    }
    if (type === "audit.transfer" && idempotencyKey) contents.audits.add(`${customerId}\n${idempotencyKey}`);
  }
  return contents;
}

/**
 * Customers whose object is overdue: it holds events unsent for more than `graceMs`, or sent
 * events whose confirmation was due more than `graceMs` ago. After a kill -9 the local runtime
 * may not run an object's alarm until the object is next addressed (Cloudflare's alarms are
 * durable); these are the objects to address. Undefined when the sqlite3 command is missing.
 */
export async function overdueOutboxes(persistDir: string, now: number, graceMs: number): Promise<Set<string> | undefined> {
  const cutoff = Math.floor(now - graceMs);
  const query =
    "SELECT DISTINCT json_extract(o.body, '$.customerId') FROM outbox o LEFT JOIN outbox_sent s ON s.event_id = o.event_id " +
    `WHERE (s.event_id IS NULL AND o.created_at < ${cutoff}) OR s.confirm_at < ${cutoff};`;
  const lines = await eachObject(persistDir, query);
  return lines === undefined ? undefined : new Set(lines);
}

/**
 * The query's output lines from every ChatSession's SQLite file, in one sqlite3 process (`.open`
 * each in turn; an object that never created its outbox tables only prints an error, ignored).
 * Asynchronous: the local proxy to Postgres runs in this process and must not stall meanwhile.
 * Undefined when the sqlite3 command is missing.
 */
function eachObject(persistDir: string, query: string): Promise<string[] | undefined> {
  const files = sessionFiles(persistDir);
  if (files.length === 0) return Promise.resolve([]);
  const script = files.map((f) => `.open --readonly '${f.replace(/'/g, "''")}'\n${query}`).join("\n");
  return new Promise((resolve) => {
    const child = execFile("sqlite3", ["-batch", "-separator", "\t"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      // sqlite3 exits non-zero when a file had no outbox table; what it printed is still complete.
      if ((error as NodeJS.ErrnoException | null)?.code === "ENOENT") resolve(undefined);
      else resolve(String(stdout).split("\n").filter(Boolean));
    });
    child.stdin?.end(script);
  });
}

/** What the outboxes still hold, for a failed check: customer, event type, and whether sent (due in how many s, after how many sends). */
export async function outboxLeftovers(persistDir: string, now: number, limit = 5): Promise<string[]> {
  const query =
    "SELECT json_extract(o.body, '$.customerId'), json_extract(o.body, '$.type'), s.confirm_at, s.sends FROM outbox o " +
    "LEFT JOIN outbox_sent s ON s.event_id = o.event_id;";
  const rows: string[] = [];
  for (const line of ((await eachObject(persistDir, query)) ?? []).slice(0, limit)) {
    const [customerId, type, confirmAt, sends] = line.split("\t");
    rows.push(`${customerId} ${type} ${confirmAt ? `sent ×${sends}, confirm due in ${((Number(confirmAt) - now) / 1000).toFixed(0)} s` : "not sent"}`);
  }
  return rows;
}
