import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../db/schema/index.js";
import type { Db } from "../db/client.js";
import { migrateDatabase, migrationsFolder } from "../../scripts/db/migrate.js";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "../../test/support/test-database.js";
import { selectCustomerTransaction, selectDisputes } from "./disputes.repo.js";
import { selectSpending, selectTransactionPage, type TransactionPageRow } from "./transactions.repo.js";
import type { TransactionFilter } from "./validation.js";

// A transfer's history rows as every reader sees them, against the schema before they were
// derived from the ledger (migration 0020): the same rows (ids, columns, order, cursor pages,
// spending, lookups, disputes) for transfers made before the upgrade and after it, on the server
// (TEST_DATABASE_URL) or the embedded PGlite.

const ALL: TransactionFilter = { accountId: undefined, after: null, limit: 50, pattern: null, fromMs: null, toMsExclusive: null };
const DAY = Date.UTC(2026, 2, 3);

interface Database {
  client: pg.Client;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

let folder0020: string;
let old: Database; // at 0020, then upgraded
let ref: Database; // at 0020 for good: main's behaviour

async function openDatabase(prefix: string): Promise<Omit<Database, "client" | "db">> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const database = await createThrowawayDatabase(server, throwawayDatabaseName(prefix));
    return { url: database.url, stop: database.drop };
  }
  const embedded = await startEmbeddedPostgres({});
  return { url: embedded.url, stop: embedded.stop };
}

async function connect(opened: Omit<Database, "client" | "db">): Promise<Database> {
  const client = new pg.Client({ connectionString: opened.url });
  await client.connect();
  return { ...opened, client, db: drizzle(client, { schema }) as unknown as Db };
}

/** Migrates through a connection of its own: PGlite serves one session at a time, so ours closes meanwhile. */
async function upgrade(database: Database, folder?: string): Promise<void> {
  await database.client.end();
  await migrateDatabase(database.url, folder);
  Object.assign(database, await connect(database));
}

/** The repository's migrations up to and including 0020. */
function migrationsUpTo0020(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "teller-0020-"));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx <= 20);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** Two customers (checking, savings, a payee; one with a card purchase and a salary), as raw SQL at 0020. */
async function seed(client: pg.Client): Promise<void> {
  await client.query(`INSERT INTO customers (id, name) VALUES ('cus_h1', 'One'), ('cus_h2', 'Two')`);
  await client.query(`INSERT INTO accounts (id, customer_id, type, name, mask, currency, balance) VALUES
    ('acc_h1c', 'cus_h1', 'checking', 'Everyday', '1001', 'USD', 0), ('acc_h1s', 'cus_h1', 'savings', 'Rainy day', '1002', 'USD', 0),
    ('acc_h2c', 'cus_h2', 'checking', 'Main', '2001', 'USD', 0)`);
  await client.query(`INSERT INTO payees (id, customer_id, name, mask, currency) VALUES ('pay_h1', 'cus_h1', 'Landlord', '4321', 'USD')`);
  const bookings: Array<[string, string, string, string, string, number, number]> = [
    ["ltx_b1", "txn_b1", "cus_h1", "acc_h1c", "Salary", 5_000_00, 0],
    ["ltx_b2", "txn_b2", "cus_h1", "acc_h1c", "Bakery", -4_00, 1],
    ["ltx_b3", "txn_b3", "cus_h2", "acc_h2c", "Salary", 3_000_00, 0],
  ];
  for (const [ltx, txn, customer, account, merchant, amount, hours] of bookings) {
    const at = new Date(DAY + hours * 3_600_000).toISOString();
    await client.query(`INSERT INTO ledger_transactions (id, kind, description, booked_at) VALUES ($1, 'external', $2, $3)`, [ltx, merchant, at]);
    await client.query(`INSERT INTO ledger_entries (ledger_transaction_id, account_id, amount, currency) VALUES ($1, $2, $3, 'USD'), ($1, 'sys_clearing_usd', $4, 'USD')`, [
      ltx, account, amount, -amount,
    ]);
    await client.query(
      `INSERT INTO transactions (id, customer_id, account_id, ledger_transaction_id, merchant, category, amount, currency, status, posted_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'USD', 'posted', $8, $8)`,
      [txn, customer, account, ltx, merchant, amount > 0 ? "Income" : "Dining", amount, at],
    );
    await client.query(`UPDATE accounts SET balance = balance + $1 WHERE id = $2`, [amount, account]);
  }
}

interface Move {
  n: number;
  customer: string;
  from: string;
  to?: string;
  payee?: string;
  amount: number;
  /** Through teller_transfer inside the caller's transaction (the scheduled runner's path). */
  inTransaction?: boolean;
}

/** A transfer with the ids the application would generate, the same on every database. */
async function move(client: pg.Client, m: Move): Promise<void> {
  const body = `${m.n}`.padStart(20, "0");
  const args = [m.customer, `history-key-${m.n}`, m.from, m.to ?? null, m.payee ?? null, m.amount, "USD", null, 2_500_000,
    `trf_${body}`, `ltx_${body}`, `txn_d${body.slice(1)}`, m.to ? `txn_c${body.slice(1)}` : null];
  const params = args.map((_, i) => `$${i + 1}`).join(", ");
  if (m.inTransaction) {
    await client.query("BEGIN");
    await client.query(`SELECT * FROM teller_transfer(${params})`, args);
    await client.query("COMMIT");
  } else {
    await client.query(`CALL teller_transfer_commit(${params}, NULL)`, args);
  }
}

const EARLY: Move[] = [
  { n: 1, customer: "cus_h1", from: "acc_h1c", to: "acc_h1s", amount: 100_00 },
  { n: 2, customer: "cus_h1", from: "acc_h1c", payee: "pay_h1", amount: 1_200_00 },
  { n: 3, customer: "cus_h1", from: "acc_h1s", to: "acc_h1c", amount: 25_00, inTransaction: true },
];
const LATE: Move[] = [
  { n: 5, customer: "cus_h1", from: "acc_h1s", to: "acc_h1c", amount: 10_00 },
  { n: 6, customer: "cus_h1", from: "acc_h1c", payee: "pay_h1", amount: 30_00, inTransaction: true },
  { n: 7, customer: "cus_h1", from: "acc_h1c", to: "acc_h1s", amount: 1 },
];

/** Everything the readers answer for a customer: all rows, every cursor page of 2, per account too, spending, lookups. */
async function readerView(db: Db, customer: string, accounts: string[]) {
  const all = await selectTransactionPage(db, customer, ALL);
  const paged: Record<string, TransactionPageRow[][]> = {};
  for (const accountId of [undefined, ...accounts]) {
    let after: TransactionFilter["after"] = null;
    const pages: TransactionPageRow[][] = (paged[accountId ?? "all"] = []);
    for (let guard = 0; guard < 20; guard++) {
      const page = await selectTransactionPage(db, customer, { ...ALL, accountId, after, limit: 2 });
      pages.push(page.slice(0, 2));
      if (page.length <= 2) break;
      after = { postedAtMs: page[1]!.postedAt.getTime(), id: page[1]!.id };
    }
  }
  const transfersOnly = await selectTransactionPage(db, customer, { ...ALL, pattern: "transfer%" });
  const spending = await selectSpending(db, customer, { fromMs: DAY, toMsExclusive: Date.now() + 86_400_000 });
  const lookups = [];
  const foreign = [];
  for (const row of all) {
    lookups.push(await selectCustomerTransaction(db, customer, row.id));
    foreign.push(await selectCustomerTransaction(db, customer === "cus_h1" ? "cus_h2" : "cus_h1", row.id));
  }
  return { all, paged, transfersOnly, spending, lookups, foreign };
}

/** Timestamps of transfer rows differ between two databases; everything else must not. */
function withoutTransferTimes(view: Awaited<ReturnType<typeof readerView>>) {
  const strip = (row: TransactionPageRow | undefined) => (row && row.transferId ? { ...row, postedAt: null, createdAt: null } : row);
  return { ...view, all: view.all.map(strip), paged: Object.fromEntries(Object.entries(view.paged).map(([k, pages]) => [k, pages.map((p) => p.map(strip))])), transfersOnly: view.transfersOnly.map(strip), lookups: view.lookups.map(strip) };
}

async function transferTimesMatch(client: pg.Client): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM transactions x JOIN transfers t ON t.id = x.transfer_id
    WHERE x.posted_at <> t.created_at OR x.created_at <> t.created_at`);
  return rows[0].n as number;
}

beforeAll(async () => {
  folder0020 = migrationsUpTo0020();
  [old, ref] = await Promise.all([connect(await openDatabase("teller_hist_old")), connect(await openDatabase("teller_hist_ref"))]);
  for (const database of [old, ref]) {
    await upgrade(database, folder0020);
    await seed(database.client);
  }
}, 120_000);

afterAll(async () => {
  for (const database of [old, ref]) {
    await database?.client.end();
    await database?.stop();
  }
  if (folder0020) rmSync(folder0020, { recursive: true, force: true });
});

describe("a transfer's history rows, derived from the ledger", () => {
  it("read the same before and after the upgrade, and a new transfer's rows read as at 0020", async () => {
    for (const m of EARLY) {
      await move(ref.client, m);
      await move(old.client, m);
    }
    const before = await readerView(old.db, "cus_h1", ["acc_h1c", "acc_h1s"]);
    const beforeOther = await readerView(old.db, "cus_h2", ["acc_h2c"]);
    expect(before.all).toHaveLength(2 + 5);
    expect(before.paged.all!.flat()).toEqual(before.all);

    await upgrade(old); // 0021 and later: the rows move into the ledger's transfers
    expect(await readerView(old.db, "cus_h1", ["acc_h1c", "acc_h1s"])).toEqual(before);
    expect(await readerView(old.db, "cus_h2", ["acc_h2c"])).toEqual(beforeOther);
    // No transfer's history is stored as rows of its own any more.
    const stored = await old.client.query(`SELECT count(*)::int AS n FROM booked_transactions WHERE transfer_id IS NOT NULL`);
    expect(stored.rows[0].n).toBe(0);

    for (const m of LATE) {
      await move(ref.client, m);
      await move(old.client, m);
    }
    const upgraded = await readerView(old.db, "cus_h1", ["acc_h1c", "acc_h1s"]);
    expect(upgraded.all).toHaveLength(2 + 5 + 5);
    expect(upgraded.paged.all!.flat()).toEqual(upgraded.all);
    expect(upgraded.paged.acc_h1s!.flat()).toEqual(upgraded.all.filter((r) => r.accountId === "acc_h1s"));
    expect(withoutTransferTimes(upgraded)).toEqual(withoutTransferTimes(await readerView(ref.db, "cus_h1", ["acc_h1c", "acc_h1s"])));
    expect(await readerView(old.db, "cus_h2", ["acc_h2c"])).toEqual(beforeOther);
    expect(await transferTimesMatch(old.client)).toBe(0);
    expect(await transferTimesMatch(ref.client)).toBe(0);
    const columns = async (d: Database) => (await d.client.query(`SELECT * FROM transactions WHERE customer_id = 'cus_h1' ORDER BY posted_at DESC, id DESC`)).fields.map((f) => f.name);
    expect(await columns(old)).toEqual(await columns(ref));
  });

  it("can be disputed like any other row, and a dispute names a row of the customer's or is refused", async () => {
    const { rows } = await old.client.query(`SELECT id FROM transactions WHERE customer_id = 'cus_h1' AND transfer_id IS NOT NULL ORDER BY id LIMIT 1`);
    const id = rows[0].id as string;
    await old.client.query(`INSERT INTO disputes (id, customer_id, transaction_id, reference, reason) VALUES ('dsp_h1', 'cus_h1', $1, 'DSP-AAAAAA', 'other')`, [id]);
    const listed = await selectDisputes(old.db, "cus_h1", 10);
    expect(listed.map((d) => d.transaction.id)).toEqual([id]);
    for (const [customer, transaction] of [["cus_h1", "txn_nothing"], ["cus_h2", id]]) {
      const refused = await old.client
        .query(`INSERT INTO disputes (id, customer_id, transaction_id, reference, reason) VALUES ('dsp_h2', $1, $2, 'DSP-BBBBBB', 'other')`, [customer, transaction])
        .then(() => null, (e: { code?: string; constraint?: string }) => [e.code, e.constraint]);
      expect(refused).toEqual(["23503", "disputes_transaction_id_transactions_id_fk"]);
    }
  });

  it("keeps a disputed booking: deleting it, or moving it to another id or customer, is refused as the dispute's key refused it", async () => {
    await old.client.query(`INSERT INTO disputes (id, customer_id, transaction_id, reference, reason) VALUES ('dsp_h3', 'cus_h1', 'txn_b2', 'DSP-CCCCCC', 'unrecognised')`);
    const refusal = (e: { code?: string; constraint?: string }) => [e.code, e.constraint];
    for (const change of [
      `DELETE FROM booked_transactions WHERE id = 'txn_b2'`,
      `UPDATE booked_transactions SET id = 'txn_b2x' WHERE id = 'txn_b2'`,
      `UPDATE booked_transactions SET customer_id = 'cus_h2', account_id = 'acc_h2c' WHERE id = 'txn_b2'`,
    ]) {
      expect(await old.client.query(change).then(() => null, refusal)).toEqual(["23503", "disputes_transaction_id_transactions_id_fk"]);
    }
    expect(await old.client.query(`TRUNCATE booked_transactions`).then(() => null, refusal)).toEqual(["0A000", undefined]);
    // Other changes to a disputed row, and an undisputed row's deletion, go through as before.
    await old.client.query(`UPDATE booked_transactions SET merchant = 'Bakery & Co' WHERE id = 'txn_b2'`);
    await old.client.query(`INSERT INTO booked_transactions (id, customer_id, account_id, ledger_transaction_id, merchant, category, amount, currency, status, posted_at, created_at)
      SELECT 'txn_b9', customer_id, account_id, ledger_transaction_id, merchant, category, amount, currency, status, posted_at, created_at FROM booked_transactions WHERE id = 'txn_b2'`);
    expect((await old.client.query(`DELETE FROM booked_transactions WHERE id = 'txn_b9'`)).rowCount).toBe(1);
    expect((await old.client.query(`SELECT merchant FROM transactions WHERE id = 'txn_b2'`)).rows).toEqual([{ merchant: "Bakery & Co" }]);
  });
});
