import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeStuck, pendingOutboxEvents, stuckOutboxes } from "./outboxes.js";

// A --persist-to folder as wrangler dev leaves it: one SQLite file per ChatSession, and the
// runtime's alarm scheduler's metadata.sqlite beside them.
const root = mkdtempSync(path.join(tmpdir(), "outboxes-"));
const dir = path.join(root, "v3", "do", "teller-chat-ChatSession");
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOW = 1_800_000_000_000;
const ns = (ms: number) => `${ms}000000`;

function object(actorId: string, sql: string): void {
  const tables =
    "CREATE TABLE outbox (event_id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL);" +
    "CREATE TABLE outbox_sent (event_id TEXT PRIMARY KEY, confirm_at INTEGER NOT NULL, sends INTEGER NOT NULL);";
  execFileSync("sqlite3", [path.join(dir, `${actorId}.sqlite`), tables + sql]);
}
const event = (id: string, customerId: string, createdAt: number) =>
  `INSERT INTO outbox VALUES ('${id}', '{"type":"message.received","customerId":"${customerId}"}', ${createdAt});`;

object("aa01", event("e1", "cus_slow", NOW - 20_000) + `INSERT INTO outbox_sent VALUES ('e1', ${NOW + 3_000}, 1);` +
  `CREATE TABLE _cf_METADATA (key INTEGER PRIMARY KEY, value BLOB); INSERT INTO _cf_METADATA VALUES (1, ${ns(NOW + 3_000)});`);
object("bb02", event("e2", "cus_lost", NOW - 300_000) + event("e3", "cus_lost", NOW - 299_000) + `INSERT INTO outbox_sent VALUES ('e2', ${NOW - 290_000}, 3);` +
  `CREATE TABLE _cf_METADATA (key INTEGER PRIMARY KEY, value BLOB); INSERT INTO _cf_METADATA VALUES (1, ${ns(NOW - 290_000)});`);
object("cc03", event("e4", "cus_none", NOW - 60_000));
object("dd04", "");
execFileSync("sqlite3", [path.join(dir, "metadata.sqlite"), `CREATE TABLE _cf_ALARM (actor_id TEXT PRIMARY KEY, scheduled_time INTEGER); INSERT INTO _cf_ALARM VALUES ('aa01', ${ns(NOW + 3_000)});`]);

describe("the load run's outbox report", () => {
  it("counts the objects' files only, not the runtime's metadata.sqlite beside them", () => {
    expect(pendingOutboxEvents(root)).toEqual({ objects: 4, withEvents: 3, events: 4 });
  });

  it("tells an object with an alarm ahead (slow) from one whose alarm the runtime no longer has or that has none (stuck)", async () => {
    const rows = await stuckOutboxes(root);
    const byCustomer = new Map(rows.map((r) => [r.customerId, r]));
    expect(byCustomer.get("cus_lost")).toMatchObject({ events: 2, unsent: 1, sent: 1, maxSends: 3, objectAlarm: NOW - 290_000, schedulerAlarm: undefined, nextConfirmAt: NOW - 290_000 });
    expect(describeStuck(byCustomer.get("cus_slow")!, NOW)).toMatch(/alarm in the object's storage in 3 s, in the runtime's scheduler in 3 s — slow/);
    expect(describeStuck(byCustomer.get("cus_lost")!, NOW)).toMatch(/next confirmation due 290 s ago; .*STUCK: the object holds an alarm the runtime no longer schedules/);
    expect(describeStuck(byCustomer.get("cus_none")!, NOW)).toMatch(/1 unsent.*STUCK: no alarm/);
  });
});
