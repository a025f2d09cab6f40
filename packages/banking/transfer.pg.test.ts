import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { accounts, customers, ledgerEntries, ledgerTransactions, transfers } from "../db/schema/banking.js";
import * as banking from "./transfer.js";
import { idempotencyKey, makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";
import { sqlState } from "./db.js";

/** The database itself refuses what would break the ledger, whatever code sends it. */
const FILE = "ledger";

async function transferOnce() {
  const c = await makeCustomer(FILE, { checking: 100_00 });
  const result = await withTestDb((db) =>
    banking.transfer(db, c.customerId, {
      idempotencyKey: idempotencyKey("guard"),
      fromAccountId: c.checkingId,
      to: { accountId: c.savingsId },
      amount: { minor: 10_00, currency: "USD" },
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return { c, transfer: result.value.transfer };
}

/**
 * What the database refused a statement with: its SQLSTATE and the constraint it names (through
 * drizzle's wrapper). Refusals are told apart by these, never by message text.
 */
async function refusal(fn: () => Promise<unknown>): Promise<{ code: string | undefined; constraint: string | undefined }> {
  try {
    await fn();
  } catch (error) {
    let constraint: string | undefined;
    for (let e: unknown = error, depth = 0; e && depth < 4 && !constraint; e = (e as { cause?: unknown }).cause, depth++) {
      const named = (e as { constraint?: unknown }).constraint;
      if (typeof named === "string") constraint = named;
    }
    return { code: sqlState(error), constraint };
  }
  throw new Error("expected the statement to be refused");
}

const APPEND_ONLY = { code: "23001", constraint: undefined }; // restrict_violation, raised by 0002's trigger

describe("ledger guards in Postgres", () => {
  it("writes a transfer as two entries that sum to zero", async () => {
    const { c, transfer } = await transferOnce();
    const entries = await withTestDb((db) =>
      db
        .select({ accountId: ledgerEntries.accountId, amount: ledgerEntries.amount })
        .from(ledgerEntries)
        .innerJoin(transfers, eq(transfers.ledgerTransactionId, ledgerEntries.ledgerTransactionId))
        .where(eq(transfers.id, transfer.id)),
    );
    expect(entries.sort((x, y) => x.amount - y.amount)).toEqual([
      { accountId: c.checkingId, amount: -10_00 },
      { accountId: c.savingsId, amount: 10_00 },
    ]);
  });

  it("refuses to update or delete ledger entries and transfers", async () => {
    const { transfer } = await transferOnce();
    const [entry] = await withTestDb((db) =>
      db.select({ id: ledgerEntries.id }).from(ledgerEntries).innerJoin(transfers, eq(transfers.ledgerTransactionId, ledgerEntries.ledgerTransactionId)).where(eq(transfers.id, transfer.id)),
    );
    expect(await refusal(() => withTestDb((db) => db.update(ledgerEntries).set({ amount: 1 }).where(eq(ledgerEntries.id, entry!.id))))).toEqual(APPEND_ONLY);
    expect(await refusal(() => withTestDb((db) => db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry!.id))))).toEqual(APPEND_ONLY);
    expect(await refusal(() => withTestDb((db) => db.update(transfers).set({ amount: 1 }).where(eq(transfers.id, transfer.id))))).toEqual(APPEND_ONLY);
    expect(await refusal(() => withTestDb((db) => db.delete(transfers).where(eq(transfers.id, transfer.id))))).toEqual(APPEND_ONLY);
  });

  it("refuses, at commit, a ledger transaction whose entries do not sum to zero", async () => {
    const c = await makeCustomer(FILE);
    const id = `ltx_unbalanced_${Date.now()}`;
    const refused = await refusal(() =>
      withTestDb((db) =>
        db.transaction(async (tx) => {
          await tx.insert(ledgerTransactions).values({ id, kind: "external", description: "bad" });
          await tx.insert(ledgerEntries).values({ ledgerTransactionId: id, accountId: c.checkingId, amount: 500, currency: "USD" });
        }),
      ),
    );
    expect(refused).toEqual({ code: "23514", constraint: "ledger_entries_balanced" });
    const kept = await withTestDb((db) => db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id)));
    expect(kept).toHaveLength(0);
  });

  it("refuses an entry in a currency other than its account's", async () => {
    const c = await makeCustomer(FILE);
    const id = `ltx_currency_${Date.now()}`;
    const refused = await refusal(() =>
      withTestDb((db) =>
        db.transaction(async (tx) => {
          await tx.insert(ledgerTransactions).values({ id, kind: "external", description: "bad" });
          await tx.insert(ledgerEntries).values([
            { ledgerTransactionId: id, accountId: c.checkingId, amount: 500, currency: "EUR" },
            { ledgerTransactionId: id, accountId: "sys_clearing_eur", amount: -500, currency: "EUR" },
          ]);
        }),
      ),
    );
    expect(refused).toEqual({ code: "23514", constraint: "ledger_entries_account_currency" });
  });

  it("refuses an entry for an unknown account at once: only the transfer procedure checks it at its commit", async () => {
    const id = `ltx_no_account_${Date.now()}`;
    let wentOn = false;
    const refused = await refusal(() =>
      withTestDb((db) =>
        db.transaction(async (tx) => {
          await tx.insert(ledgerTransactions).values({ id, kind: "external", description: "bad" });
          await tx.insert(ledgerEntries).values([
            { ledgerTransactionId: id, accountId: "acc_00000000000000000000", amount: 500, currency: "USD" },
            { ledgerTransactionId: id, accountId: "sys_clearing_usd", amount: -500, currency: "USD" },
          ]);
          wentOn = true;
        }),
      ),
    );
    expect(refused).toEqual({ code: "23503", constraint: "ledger_entries_account_id_accounts_id_fk" });
    expect(wentOn).toBe(false);
  });

  it("refuses a transfer from an account to itself even if code skipped the validation", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const key = idempotencyKey("self");
    const refused = await refusal(() =>
      withTestDb((db) =>
        db.execute(sql`SELECT * FROM teller_transfer(${c.customerId}, ${key}, ${c.checkingId}, ${c.checkingId}, NULL, ${10_00}, 'USD', NULL,
          ${1_000_000_00}, ${`tr_self_${Date.now()}`}, ${`ltx_self_${Date.now()}`}, ${`txn_self_d_${Date.now()}`}, ${`txn_self_c_${Date.now()}`})`),
      ),
    );
    expect(refused).toEqual({ code: "23514", constraint: "transfers_distinct_accounts" });
    const [account] = await withTestDb((db) => db.execute(sql`SELECT balance FROM accounts WHERE id = ${c.checkingId}`)).then((r) => (r as unknown as { rows: Array<{ balance: string | number }> }).rows);
    expect(Number(account!.balance)).toBe(100_00);
  });

  it("refuses a transfer row on another customer's account even if code skipped the scoping", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    const id = `${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const refused = await refusal(() =>
      withTestDb((db) =>
        db.transaction(async (tx) => {
          await tx.insert(ledgerTransactions).values({ id: `ltx_scope_${id}`, kind: "transfer", description: "bad" });
          await tx.insert(transfers).values({
            id: `tr_scope_${id}`, customerId: a.customerId, idempotencyKey: `scope-${id}`, fromAccountId: b.checkingId,
            toAccountId: a.savingsId, amount: 1_00, currency: "USD", ledgerTransactionId: `ltx_scope_${id}`,
          });
        }),
      ),
    );
    expect(refused).toEqual({ code: "23503", constraint: "transfers_from_account_id_accounts_id_fk" });
  });

  it("refuses a balance below zero on checking even if code tried to write one", async () => {
    const c = await makeCustomer(FILE, { checking: 5_00 });
    const refused = await refusal(() =>
      withTestDb((db) => db.execute(sql`UPDATE accounts SET balance = -1 WHERE id = ${c.checkingId}`)),
    );
    expect(refused).toEqual({ code: "23514", constraint: "accounts_no_overdraft" });
  });

  it("refuses an account row that breaks the account rules, written or changed, naming the rule", async () => {
    const c = await makeCustomer(FILE, { checking: 5_00 });
    const id = `acc_rules_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    // Each row breaks one rule only: which of several a refusal names is not part of the contract.
    const insert = (type: string, mask: string | null, currency: string, creditLimit: number, balance: number | null = 0) =>
      refusal(() =>
        withTestDb((db) =>
          db.execute(sql`INSERT INTO accounts (id, customer_id, type, name, mask, currency, balance, credit_limit)
            VALUES (${id}, ${c.customerId}, ${type}, 'Rules', ${mask}, ${currency}, ${balance}, ${creditLimit})`),
        ),
      );
    expect(await insert("brokerage", "1234", "USD", 0)).toEqual({ code: "23514", constraint: "accounts_type" });
    expect(await insert("checking", "1234", "JPY", 0)).toEqual({ code: "23514", constraint: "accounts_currency" });
    expect(await insert("checking", "12a4", "USD", 0)).toEqual({ code: "23514", constraint: "accounts_mask" });
    expect(await insert("checking", null, "USD", 0)).toEqual({ code: "23514", constraint: "accounts_customer_account_has_mask" });
    expect(await insert("clearing", null, "USD", 0, null)).toEqual({ code: "23514", constraint: "accounts_clearing_has_no_customer" });
    expect(await insert("checking", "1234", "USD", 100_00)).toEqual({ code: "23514", constraint: "accounts_credit_limit" });
    const change = (set: ReturnType<typeof sql>) => refusal(() => withTestDb((db) => db.execute(sql`UPDATE accounts SET ${set} WHERE id = ${c.checkingId}`)));
    expect(await change(sql`type = 'brokerage'`)).toEqual({ code: "23514", constraint: "accounts_type" });
    expect(await change(sql`mask = NULL`)).toEqual({ code: "23514", constraint: "accounts_customer_account_has_mask" });
    expect(await change(sql`credit_limit = 100`)).toEqual({ code: "23514", constraint: "accounts_credit_limit" });
    expect(await change(sql`customer_id = NULL`)).toEqual({ code: "23514", constraint: "accounts_clearing_has_no_customer" });
    expect(await change(sql`balance = NULL`)).toEqual({ code: "23514", constraint: "accounts_clearing_has_no_balance" });
  });
});

describe("a transfer's cost", () => {
  it("is one named statement to Postgres, prepared once per connection, with no transaction opened by the client", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const calls: string[] = [];
    const names: unknown[] = [];
    const { results, prepared } = await withTestDb(async (db) => {
      // Every way drizzle reaches the database starts at one of these methods of the db object;
      // the named CALL goes to the driver's pool under it ($client).
      const counted = new Proxy(db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property === "$client") {
            return new Proxy(value as object, {
              get(pool, key) {
                const member = Reflect.get(pool, key) as unknown;
                if (typeof member !== "function") return member;
                return (...args: unknown[]) => {
                  if (key === "query" || key === "connect") calls.push(`$client.${String(key)}`);
                  if (key === "query") names.push((args[0] as { name?: string }).name);
                  return (member as (...a: unknown[]) => unknown).apply(pool, args);
                };
              },
            });
          }
          if (typeof value !== "function" || !["execute", "select", "insert", "update", "delete", "transaction"].includes(String(property))) {
            return value;
          }
          return (...args: unknown[]) => {
            calls.push(String(property));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const results = [];
      for (const key of ["one-trip", "one-trip-2"]) {
        results.push(
          await banking.transfer(counted, c.customerId, {
            idempotencyKey: idempotencyKey(key),
            fromAccountId: c.checkingId,
            to: { accountId: c.savingsId },
            amount: { minor: 1_00, currency: "USD" },
          }),
        );
      }
      // The session's prepared statements (behind the local pooler, under the pooler's name).
      const prepared = await db.execute(sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = ${banking.TRANSFER_STATEMENT.text}`);
      return { results, prepared: (prepared as unknown as { rows: Array<{ n: number }> }).rows[0]?.n };
    });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(calls).toEqual(["$client.query", "$client.query"]);
    expect(names).toEqual([banking.TRANSFER_STATEMENT.name, banking.TRANSFER_STATEMENT.name]);
    expect(prepared).toBe(1);
  });
});

describe("a transfer's named statement", () => {
  it("refused by a pooler that does not carry named statements, is sent once more unnamed: one transfer, once", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const key = idempotencyKey("named-refused");
    const attempts: string[] = [];
    const { result, rows } = await withTestDb(async (db) => {
      // The refusal Postgres gives a Bind for a statement this connection never parsed (26000),
      // as behind a transaction pooler without max_prepared_statements; drizzle's path is real.
      const refusing = new Proxy(db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property === "$client") {
            return {
              query: async (config: { name?: string }) => {
                attempts.push(config.name ?? "unnamed");
                throw Object.assign(new Error("prepared statement does not exist"), { code: "26000" });
              },
            };
          }
          if (property === "execute") attempts.push("execute");
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const result = await banking.transfer(refusing, c.customerId, {
        idempotencyKey: key,
        fromAccountId: c.checkingId,
        to: { accountId: c.savingsId },
        amount: { minor: 7_00, currency: "USD" },
      });
      const rows = await db.select().from(transfers).where(eq(transfers.idempotencyKey, key));
      return { result, rows };
    });
    expect(result.ok).toBe(true);
    expect(attempts).toEqual([banking.TRANSFER_STATEMENT.name, "execute"]);
    expect(rows).toHaveLength(1);
  });

  it("is not retried on any other refusal: a transfer over the funds fails once, unnamed never tried", async () => {
    const c = await makeCustomer(FILE, { checking: 10_00 });
    const attempts: string[] = [];
    const result = await withTestDb(async (db) => {
      const counted = new Proxy(db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property === "execute") attempts.push("execute");
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return banking.transfer(counted, c.customerId, {
        idempotencyKey: idempotencyKey("named-funds"),
        fromAccountId: c.checkingId,
        to: { accountId: c.savingsId },
        amount: { minor: 20_00, currency: "USD" },
      });
    });
    expect(result).toMatchObject({ ok: false, code: "insufficient_funds" });
    expect(attempts).toEqual([]);
  });
});

describe("a transfer's commit", () => {
  it("inside the caller's transaction, is undone when that transaction rolls back", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const key = idempotencyKey("in-tx");
    const rolledBack = new Error("roll back");
    await expect(
      withTestDb((db) =>
        db.transaction(async (tx) => {
          const result = await banking.transfer(tx, c.customerId, {
            idempotencyKey: key,
            fromAccountId: c.checkingId,
            to: { accountId: c.savingsId },
            amount: { minor: 7_00, currency: "USD" },
          });
          if (!result.ok) throw new Error(result.message);
          throw rolledBack;
        }),
      ),
    ).rejects.toBe(rolledBack);
    const kept = await withTestDb((db) =>
      db.select({ id: transfers.id }).from(transfers).where(sql`${transfers.customerId} = ${c.customerId} AND ${transfers.idempotencyKey} = ${key}`),
    );
    expect(kept).toHaveLength(0);
  });

  it("outside a transaction, commits on its own: the same key then replays it", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const request = {
      idempotencyKey: idempotencyKey("own-commit"),
      fromAccountId: c.checkingId,
      to: { accountId: c.savingsId },
      amount: { minor: 3_00, currency: "USD" as const },
    };
    const first = await withTestDb((db) => banking.transfer(db, c.customerId, request));
    const again = await withTestDb((db) => banking.transfer(db, c.customerId, request));
    if (!first.ok || !again.ok) throw new Error("transfer refused");
    expect(first.value.replayed).toBe(false);
    expect(again.value).toEqual({ transfer: first.value.transfer, replayed: true });
  });

  it("outside a transaction, refuses a disabled customer with 403 forbidden and writes nothing", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    await withTestDb((db) => db.update(customers).set({ disabledAt: sql`now()` }).where(eq(customers.id, c.customerId)));
    const key = idempotencyKey("disabled");
    const refused = await withTestDb((db) =>
      banking.transfer(db, c.customerId, {
        idempotencyKey: key,
        fromAccountId: c.checkingId,
        to: { accountId: c.savingsId },
        amount: { minor: 5_00, currency: "USD" },
      }),
    );
    expect(refused).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    const written = await withTestDb((db) => db.select({ id: transfers.id }).from(transfers).where(eq(transfers.customerId, c.customerId)));
    expect(written).toHaveLength(0);
  });

  it("still answers a replay of a key applied before the customer was disabled: that money moved", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const request = {
      idempotencyKey: idempotencyKey("disabled-replay"),
      fromAccountId: c.checkingId,
      to: { accountId: c.savingsId },
      amount: { minor: 4_00, currency: "USD" as const },
    };
    const first = await withTestDb((db) => banking.transfer(db, c.customerId, request));
    await withTestDb((db) => db.update(customers).set({ disabledAt: sql`now()` }).where(eq(customers.id, c.customerId)));
    const again = await withTestDb((db) => banking.transfer(db, c.customerId, request));
    if (!first.ok || !again.ok) throw new Error("transfer refused");
    expect(again.value).toEqual({ transfer: first.value.transfer, replayed: true });
  });

  it("refuses more than the funds as a whole: the destination is not credited and the key stays free", async () => {
    const c = await makeCustomer(FILE, { checking: 5_00, savings: 1_00 });
    const key = idempotencyKey("no-funds");
    const request = (minor: number) => ({ idempotencyKey: key, fromAccountId: c.checkingId, to: { accountId: c.savingsId }, amount: { minor, currency: "USD" as const } });
    const refused = await withTestDb((db) => banking.transfer(db, c.customerId, request(6_00)));
    expect(refused).toMatchObject({ ok: false, status: 422, code: "insufficient_funds" });
    if (!refused.ok) expect(refused.message).toContain("$5.00");
    expect(await balances(c.checkingId, c.savingsId)).toEqual([5_00, 1_00]);
    const retried = await withTestDb((db) => banking.transfer(db, c.customerId, request(5_00)));
    expect(retried).toMatchObject({ ok: true, value: { replayed: false } });
    expect(await balances(c.checkingId, c.savingsId)).toEqual([0, 6_00]);
  });

  it("moves money to a payee by debiting the account alone, and lets a credit account go down to its limit", async () => {
    const c = await makeCustomer(FILE, { checking: 10_00, creditLimit: 50_00 });
    const toPayee = await withTestDb((db) =>
      banking.transfer(db, c.customerId, { idempotencyKey: idempotencyKey("payee"), fromAccountId: c.checkingId, to: { payeeId: c.payeeIds[0]! }, amount: { minor: 4_00, currency: "USD" } }),
    );
    expect(toPayee.ok).toBe(true);
    const fromCredit = (minor: number) =>
      withTestDb((db) =>
        banking.transfer(db, c.customerId, { idempotencyKey: idempotencyKey("credit"), fromAccountId: c.creditId, to: { accountId: c.checkingId }, amount: { minor, currency: "USD" } }),
      );
    expect(await fromCredit(50_01)).toMatchObject({ ok: false, code: "insufficient_funds" });
    expect((await fromCredit(50_00)).ok).toBe(true);
    expect(await balances(c.checkingId, c.creditId)).toEqual([56_00, -50_00]);
  });
});

async function balances(...accountIds: string[]): Promise<number[]> {
  return Promise.all(
    accountIds.map(async (id) => {
      const [row] = await withTestDb((db) => db.select({ balance: accounts.balance }).from(accounts).where(eq(accounts.id, id)));
      return Number(row!.balance);
    }),
  );
}
