import { describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { executeNamedRead, statementName } from "./named-read.js";
import { selectAccountSummaries } from "./accounts.repo.js";
import { selectTransactionPage } from "./transactions.repo.js";
import { listAccountsAndPayees } from "./accounts-and-payees.js";
import { transfer } from "./transfer.js";
import type { Db } from "../db/client.js";
import { idempotencyKey, makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";
import type { TransactionFilter } from "./validation.js";

const FILE = "namedread";
const PAGE: TransactionFilter = { accountId: undefined, after: null, limit: 10, pattern: null, fromMs: null, toMsExclusive: null };

/** A customer with a few transactions (a transfer between their own accounts, both ways). */
async function customerWithTransactions() {
  const c = await makeCustomer(FILE, { checking: 500_00, savings: 300_00, creditLimit: 200_00 });
  for (const [i, from, to] of [[1, c.checkingId, c.savingsId], [2, c.savingsId, c.checkingId]] as const) {
    const moved = await withTestDb((db) => transfer(db, c.customerId, { idempotencyKey: idempotencyKey(`named-${i}`), fromAccountId: from, to: { accountId: to }, amount: { minor: 12_34, currency: "USD" } }));
    if (!moved.ok) throw new Error(moved.message);
  }
  return c;
}

/** The db with its driver's `query` (the named path) and drizzle's `execute` (the unnamed one) counted. */
function counted(db: Db, calls: string[], query?: (config: { name?: string }) => Promise<unknown>, texts: string[] = []): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "$client") {
        return new Proxy(value as object, {
          get(pool, key) {
            const member = Reflect.get(pool, key) as unknown;
            if (typeof member !== "function") return member;
            return (...args: unknown[]) => {
              if (key !== "query") return (member as (...a: unknown[]) => unknown).apply(pool, args);
              calls.push((args[0] as { name?: string }).name ?? "unnamed");
              texts.push((args[0] as { text: string }).text);
              return query ? query(args[0] as { name?: string }) : (member as (...a: unknown[]) => unknown).apply(pool, args);
            };
          },
        });
      }
      if (property === "execute") calls.push("execute");
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe("a read as a named statement", () => {
  it("gives the rows drizzle's execute gives, for the page, the balance list and the accounts with payees", async () => {
    const c = await customerWithTransactions();
    const calls: string[] = [];
    const { named, unnamed } = await withTestDb(async (db) => {
      const read = counted(db, calls);
      return {
        named: [await selectTransactionPage(read, c.customerId, PAGE), await selectAccountSummaries(read, c.customerId), await listAccountsAndPayees(read, c.customerId)],
        // The same functions with the driver hidden: drizzle's execute, as before.
        unnamed: await (async () => {
          const plain = new Proxy(db, { get: (t, p, r) => (p === "$client" ? undefined : Reflect.get(t, p, r)) });
          return [await selectTransactionPage(plain, c.customerId, PAGE), await selectAccountSummaries(plain, c.customerId), await listAccountsAndPayees(plain, c.customerId)];
        })(),
      };
    });
    expect((named[0] as unknown[]).length).toBeGreaterThan(1);
    expect(named).toEqual(unnamed);
    // Each a named statement of its own, none sent again unnamed.
    expect(calls).toEqual([expect.stringMatching(/^teller_read_[0-9a-f]{16}$/), expect.stringMatching(/^teller_read_[0-9a-f]{16}$/), expect.stringMatching(/^teller_read_[0-9a-f]{16}$/)]);
    expect(new Set(calls).size).toBe(3);
  });

  it("is prepared once on the connection, and read again under the same name", async () => {
    const c = await customerWithTransactions();
    const calls: string[] = [];
    const texts: string[] = [];
    const prepared = await withTestDb(async (db) => {
      const read = counted(db, calls, undefined, texts);
      const first = await selectTransactionPage(read, c.customerId, PAGE);
      const second = await selectTransactionPage(read, c.customerId, PAGE);
      expect(second).toEqual(first);
      const rows = await db.execute(sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = ${texts[0]}`);
      return (rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n;
    });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe(calls[1]);
    // Behind the local pooler the statement is prepared under the pooler's name; once either way.
    expect(prepared).toBe(1);
  });

  it("refused as a named statement (a pooler that does not carry them), is read once more unnamed", async () => {
    const c = await customerWithTransactions();
    const calls: string[] = [];
    const { rows, expected } = await withTestDb(async (db) => {
      const refusing = counted(db, calls, async () => {
        throw Object.assign(new Error("prepared statement does not exist"), { code: "26000" });
      });
      return { rows: await selectAccountSummaries(refusing, c.customerId), expected: await selectAccountSummaries(db, c.customerId) };
    });
    expect(rows).toEqual(expected);
    expect(calls.slice(0, 2)).toEqual([expect.stringMatching(/^teller_read_/), "execute"]);
  });

  it("is not sent again on any other error", async () => {
    const calls: string[] = [];
    const error = await withTestDb(async (db) => {
      const failing = counted(db, calls, async () => {
        throw Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
      });
      return executeNamedRead(failing, sql`SELECT 1 AS one`).then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      );
    });
    expect(error?.code).toBe("57014");
    expect(calls).toEqual([statementName("SELECT 1 AS one")]);
  });

  it("inside a transaction is drizzle's execute, on the transaction's connection", async () => {
    const rows = await withTestDb((db) => db.transaction((tx) => executeNamedRead<{ n: number }>(tx as unknown as Db, sql`SELECT 41 + ${1}::int AS n` as SQL)));
    expect(rows).toEqual([{ n: 42 }]);
  });
});
