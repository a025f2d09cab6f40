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

function sessionDirs(persistDir: string): string[] {
  const root = path.join(persistDir, "v3", "do");
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((dir) => /ChatSession$/.test(dir))
    .map((dir) => path.join(root, dir));
}

/** Each ChatSession's SQLite file (not the runtime's metadata.sqlite beside them). */
function sessionFiles(persistDir: string): string[] {
  return sessionDirs(persistDir).flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")
      .map((f) => path.join(dir, f)),
  );
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
function eachObject(persistDir: string, query: string | ((actorId: string) => string)): Promise<string[] | undefined> {
  const files = sessionFiles(persistDir);
  if (files.length === 0) return Promise.resolve([]);
  const sql = (f: string) => (typeof query === "string" ? query : query(path.basename(f, ".sqlite").replace(/[^0-9a-f]/gi, "")));
  const script = files.map((f) => `.open --readonly '${f.replace(/'/g, "''")}'\n${sql(f)}`).join("\n");
  return new Promise((resolve) => {
    const child = execFile("sqlite3", ["-batch", "-separator", "\t"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      // sqlite3 exits non-zero when a file had no outbox table; what it printed is still complete.
      if ((error as NodeJS.ErrnoException | null)?.code === "ENOENT") resolve(undefined);
      else resolve(String(stdout).split("\n").filter(Boolean));
    });
    child.stdin?.end(script);
  });
}

/**
 * One object that still holds events, as the failed check prints it: what waits (unsent, sent and
 * how often, the oldest's age, how overdue the next confirmation is) and its alarm twice over: as
 * the object's own storage holds it (`_cf_METADATA`, what `getAlarm()` returns) and as the local
 * runtime's scheduler holds it (`metadata.sqlite`, what will actually run). Told apart, they say
 * "slow" (an alarm ahead) from "stuck" (no alarm, or one the scheduler no longer has).
 */
export interface StuckOutbox {
  customerId: string;
  actorId: string;
  events: number;
  unsent: number;
  sent: number;
  maxSends: number;
  oldestCreatedAt: number;
  /** The earliest confirmation due among the sent events. */
  nextConfirmAt: number | undefined;
  /** The object's alarm (ms since the epoch), as its storage holds it. */
  objectAlarm: number | undefined;
  /** The scheduler's alarm for this object (ms), as the local runtime persisted it. */
  schedulerAlarm: number | undefined;
}

export async function stuckOutboxes(persistDir: string, limit = 20): Promise<StuckOutbox[]> {
  // Two statements per file: an object without the runtime's metadata table fails only the second.
  const query = (actorId: string) =>
    `SELECT 'o', '${actorId}', (SELECT json_extract(body, '$.customerId') FROM outbox LIMIT 1), count(*), ` +
    "count(*) - (SELECT count(*) FROM outbox_sent), (SELECT count(*) FROM outbox_sent), coalesce((SELECT max(sends) FROM outbox_sent), 0), " +
    "min(created_at), (SELECT min(confirm_at) FROM outbox_sent) FROM outbox HAVING count(*) > 0;\n" +
    `SELECT 'a', '${actorId}', value FROM _cf_METADATA WHERE key = 1;`;
  const lines = (await eachObject(persistDir, query)) ?? [];
  const objectAlarms = new Map<string, number | undefined>();
  for (const line of lines.filter((l) => l.startsWith("a\t"))) {
    const [, actorId = "", ns] = line.split("\t");
    objectAlarms.set(actorId, nsToMs(ns));
  }
  const scheduler = await schedulerAlarms(persistDir);
  const rows: StuckOutbox[] = [];
  for (const line of lines.filter((l) => l.startsWith("o\t")).slice(0, limit)) {
    const [, actorId = "", customerId = "", events, unsent, sent, maxSends, oldest, nextConfirm] = line.split("\t");
    rows.push({
      actorId,
      customerId,
      events: Number(events),
      unsent: Number(unsent),
      sent: Number(sent),
      maxSends: Number(maxSends),
      oldestCreatedAt: Number(oldest),
      nextConfirmAt: nextConfirm ? Number(nextConfirm) : undefined,
      objectAlarm: objectAlarms.get(actorId),
      schedulerAlarm: scheduler.get(actorId),
    });
  }
  return rows;
}

/** A stuck object as one line: `now` is the check's time; times are said relative to it. */
export function describeStuck(row: StuckOutbox, now: number): string {
  const rel = (at: number | undefined) => (at === undefined ? "none" : at >= now ? `in ${((at - now) / 1000).toFixed(0)} s` : `${((now - at) / 1000).toFixed(0)} s ago`);
  const verdict =
    row.objectAlarm === undefined
      ? "STUCK: no alarm"
      : row.schedulerAlarm === undefined
        ? "STUCK: the object holds an alarm the runtime no longer schedules"
        : row.schedulerAlarm < now - 10_000
          ? "STUCK: the alarm is overdue (a handler that never ends?)"
          : "slow: an alarm is ahead";
  return (
    `${row.customerId} (${row.actorId.slice(0, 12)}…): ${row.events} events (${row.unsent} unsent, ${row.sent} sent, up to ×${row.maxSends}), oldest ${rel(row.oldestCreatedAt)}, ` +
    `next confirmation due ${rel(row.nextConfirmAt)}; alarm in the object's storage ${rel(row.objectAlarm)}, in the runtime's scheduler ${rel(row.schedulerAlarm)} — ${verdict}`
  );
}

function nsToMs(ns: string | undefined): number | undefined {
  return ns ? Math.floor(Number(ns) / 1e6) : undefined;
}

/** The local runtime's alarm scheduler's rows for the ChatSessions: actor id → scheduled time (ms). */
function schedulerAlarms(persistDir: string): Promise<Map<string, number>> {
  const file = sessionDirs(persistDir).map((dir) => path.join(dir, "metadata.sqlite")).find((f) => existsSync(f));
  if (!file) return Promise.resolve(new Map());
  return new Promise((resolve) => {
    execFile("sqlite3", ["-readonly", "-batch", "-separator", "\t", file, "SELECT actor_id, scheduled_time FROM _cf_ALARM;"], { encoding: "utf8" }, (_error, stdout) => {
      const alarms = new Map<string, number>();
      for (const line of String(stdout ?? "").split("\n").filter(Boolean)) {
        const [actorId, ns] = line.split("\t");
        const ms = nsToMs(ns);
        if (actorId && ms !== undefined) alarms.set(actorId, ms);
      }
      resolve(alarms);
    });
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
