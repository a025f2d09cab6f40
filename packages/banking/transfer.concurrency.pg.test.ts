import { describe, expect, inject, it } from "vitest";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { inArray, sql } from "drizzle-orm";
import { accounts, ledgerEntries, transferDailyTotals, transfers } from "../db/schema/banking.js";
import { TRANSFER_LIMITS } from "./limits.js";
import { openDb, type DbHandle } from "../db/client.js";
import * as banking from "./index.js";
import { createTestCustomer, type TestCustomer } from "../../scripts/db/fixtures.js";
import type { RpcResult } from "../contract/errors.js";
import { freshCustomerId } from "../../test/workerd/banking-helpers.js";

/**
 * Random sequences of concurrent transfers, duplicates and retries, through the domain functions
 * on several connections at once, with the ledger's invariants checked after every step. Races
 * only exist on a real server: the embedded PGlite runs one session at a time, so there these
 * properties would prove nothing and are skipped (CI sets TEST_DATABASE_URL).
 */
// The key is declared by test/support/global-setup.ts, outside this tsconfig: read it untyped.
const onServer = (inject as (key: string) => unknown)("databaseKind") === "server";
if (!onServer) console.log("[transfer.concurrency] skipped: concurrency properties need TEST_DATABASE_URL (a real Postgres server)");

const CONNECTIONS = 4;
const NUM_RUNS = 25;
const EXPECTED_REFUSALS = new Set(["insufficient_funds", "idempotency_key_reused", "limit_exceeded"]);

type Op =
  | { kind: "transfer"; customer: 0 | 1; from: number; to: { account: number } | { payee: number }; minor: number; keySlot: number; memo: boolean }
  | { kind: "retry"; of: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    kind: fc.constant("transfer" as const),
    customer: fc.constantFrom(0 as const, 1 as const),
    from: fc.nat(2),
    to: fc.oneof(fc.record({ account: fc.nat(2) }), fc.record({ payee: fc.nat(1) })),
    // Small amounts, and amounts around the per-transfer limit, so that a run reaches both the
    // per-transfer and the daily limit.
    minor: fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 80_00 }) },
      { weight: 4, arbitrary: fc.integer({ min: TRANSFER_LIMITS.USD.perTransfer - 2_000_00, max: TRANSFER_LIMITS.USD.perTransfer }) },
      // Exactly at the limit (allowed) and one cent over (refused).
      { weight: 1, arbitrary: fc.constantFrom(TRANSFER_LIMITS.USD.perTransfer, TRANSFER_LIMITS.USD.perTransfer + 1) },
    ),
    // A few slots per customer: the same slot with another request is a reused key.
    keySlot: fc.nat(5),
    memo: fc.boolean(),
  }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("retry" as const), of: fc.nat(50) }) },
);

// Opening balances: mostly large enough for a few transfers near the per-transfer limit to add
// up past the daily limit (25,000 USD), some small enough to overdraw.
const openingArb = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 30_000_00 }) },
  { weight: 2, arbitrary: fc.integer({ min: 20_000_00, max: 30_000_00 }) },
);

// A step is a batch sent at once; `duplicate` sends its first op twice concurrently.
const stepsArb = fc.array(fc.record({ ops: fc.array(opArb, { minLength: 1, maxLength: 6 }), duplicate: fc.boolean() }), {
  minLength: 1,
  maxLength: 4,
});

function handle(): DbHandle {
  const bindings = env as unknown as { DATABASE_URL: string; DB_WS_PROXY: string };
  return openDb({ databaseUrl: bindings.DATABASE_URL, wsProxy: bindings.DB_WS_PROXY, maxConnections: 1 });
}

describe("ledger properties under concurrency", () => {
  it.skipIf(!onServer)(
    "keeps entries balanced, balances equal to their entries, no overdraft, one transfer per key, totals conserved",
    async () => {
      const handles = Array.from({ length: CONNECTIONS }, handle);
      const checker = handle();
      let run = 0;
      const tally: Record<string, number> = {};
      try {
        await fc.assert(
          fc.asyncProperty(stepsArb, fc.array(openingArb, { minLength: 6, maxLength: 6 }), async (steps, openings) => {
            run++;
            const customers: TestCustomer[] = [];
            for (const i of [0, 1]) {
              customers.push(
                await createTestCustomer(checker.db, freshCustomerId(`prop${run}`), {
                  checking: openings[i * 3]!,
                  savings: openings[i * 3 + 1]!,
                  creditLimit: openings[i * 3 + 2]!,
                }),
              );
            }
            const accountIds = customers.flatMap((c) => [c.checkingId, c.savingsId, c.creditId]);
            const initialTotal = await totalBalance(checker, accountIds);
            const sent: Array<{ customerId: string; request: banking.TransferRequest }> = [];
            const outcomes: Array<{ customerId: string; key: string; result: RpcResult<banking.TransferResult> }> = [];

            for (const step of steps) {
              const batch: Array<{ customerId: string; request: banking.TransferRequest }> = [];
              for (const op of step.ops) {
                if (op.kind === "retry") {
                  if (sent.length > 0) batch.push(sent[op.of % sent.length]!);
                  continue;
                }
                const c = customers[op.customer]!;
                const own = [c.checkingId, c.savingsId, c.creditId];
                const from = own[op.from]!;
                let to: banking.TransferDestination;
                if ("payee" in op.to) to = { payeeId: c.payeeIds[op.to.payee]! };
                else to = { accountId: own[op.to.account] === from ? own[(op.to.account + 1) % 3]! : own[op.to.account]! };
                const request = {
                  idempotencyKey: `prop-${run}-${op.customer}-${op.keySlot}`,
                  fromAccountId: from,
                  to,
                  amount: { minor: op.minor, currency: "USD" as const },
                  ...(op.memo ? { memo: "rent share" } : {}),
                };
                batch.push({ customerId: c.customerId, request });
                sent.push({ customerId: c.customerId, request });
              }
              if (step.duplicate && batch.length > 0) batch.push(batch[0]!);
              const results = await Promise.all(
                batch.map((item, i) => banking.transfer(handles[i % CONNECTIONS]!.db, item.customerId, item.request)),
              );
              for (const r of results) {
                const label = r.ok ? (r.value.replayed ? "replayed" : "posted") : r.code === "limit_exceeded" && r.reason === "daily_limit" ? "daily_limit" : r.code;
                tally[label] = (tally[label] ?? 0) + 1;
              }
              results.forEach((result, i) => outcomes.push({ customerId: batch[i]!.customerId, key: batch[i]!.request.idempotencyKey, result }));
              await checkInvariants(checker, customers, accountIds, initialTotal, outcomes);
            }
          }),
          // An interrupted property fails: passing on however few runs fit would prove nothing.
          { numRuns: NUM_RUNS, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
        );
        console.log(`[transfer.concurrency] ${run} runs on ${CONNECTIONS} connections: ${JSON.stringify(tally)}`);
        expect(run).toBeGreaterThanOrEqual(NUM_RUNS);
        // The runs reached both the per-transfer and the daily limit (and a directed test below
        // checks the daily limit exactly).
        expect(tally.limit_exceeded ?? 0, JSON.stringify(tally)).toBeGreaterThan(0);
        expect(tally.daily_limit ?? 0, JSON.stringify(tally)).toBeGreaterThan(0);
      } finally {
        await Promise.all([...handles, checker].map((h) => h.end()));
      }
    },
    120_000,
  );
});

describe("the daily limit under concurrency", () => {
  it.skipIf(!onServer)("lets concurrent transfers reach the daily limit and no further, and the daily total matches", async () => {
    const handles = Array.from({ length: CONNECTIONS }, handle);
    const checker = handle();
    try {
      const c = await createTestCustomer(checker.db, freshCustomerId("daily"), { checking: 60_000_00 });
      const perTransfer = TRANSFER_LIMITS.USD.perTransfer;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          banking.transfer(handles[i % CONNECTIONS]!.db, c.customerId, {
            idempotencyKey: `daily-${c.customerId}-${i}`,
            fromAccountId: c.checkingId,
            to: { accountId: c.savingsId },
            amount: { minor: perTransfer, currency: "USD" },
          }),
        ),
      );
      const posted = results.filter((r) => r.ok).length;
      expect(posted).toBe(Math.floor(TRANSFER_LIMITS.USD.daily / perTransfer));
      for (const r of results) if (!r.ok) expect(r.message).toMatch(/today/);
      const [row] = await checker.db
        .select({ total: transferDailyTotals.total })
        .from(transferDailyTotals)
        .where(sql`${transferDailyTotals.customerId} = ${c.customerId}`);
      expect(row!.total).toBe(posted * perTransfer);
    } finally {
      await Promise.all([...handles, checker].map((h) => h.end()));
    }
  });
});

async function totalBalance(h: DbHandle, accountIds: string[]): Promise<number> {
  const [row] = await h.db
    .select({ total: sql<number>`coalesce(sum(${accounts.balance}), 0)`.mapWith(Number) })
    .from(accounts)
    .where(inArray(accounts.id, accountIds));
  return row!.total;
}

async function checkInvariants(
  h: DbHandle,
  customers: TestCustomer[],
  accountIds: string[],
  initialTotal: number,
  outcomes: Array<{ customerId: string; key: string; result: RpcResult<banking.TransferResult> }>,
): Promise<void> {
  // Every ledger transaction touching these accounts sums to zero.
  const unbalanced = await h.db.execute(sql`
    SELECT ledger_transaction_id FROM ledger_entries
    WHERE ledger_transaction_id IN (SELECT ledger_transaction_id FROM ledger_entries WHERE account_id IN ${accountIds})
    GROUP BY ledger_transaction_id HAVING sum(amount) <> 0`);
  expect(rowsOf(unbalanced)).toEqual([]);

  // Each balance equals the sum of its entries, and none is below its floor.
  const rows = await h.db
    .select({
      id: accounts.id,
      type: accounts.type,
      balance: accounts.balance,
      creditLimit: accounts.creditLimit,
      entries: sql<number>`(SELECT coalesce(sum(e.amount), 0) FROM ${ledgerEntries} e WHERE e.account_id = accounts.id)`.mapWith(Number),
    })
    .from(accounts)
    .where(inArray(accounts.id, accountIds));
  for (const row of rows) {
    expect(row.balance, `balance of ${row.id}`).toBe(row.entries);
    expect(row.balance!, `floor of ${row.id}`).toBeGreaterThanOrEqual(row.type === "credit" ? -row.creditLimit : 0);
  }

  // One idempotency key → at most one transfer, and every success for a key names that transfer.
  const stored = await h.db
    .select({ customerId: transfers.customerId, key: transfers.idempotencyKey, id: transfers.id, amount: transfers.amount, toPayeeId: transfers.toPayeeId })
    .from(transfers)
    .where(inArray(transfers.customerId, customers.map((c) => c.customerId)));
  const byKey = new Map<string, string[]>();
  for (const t of stored) byKey.set(`${t.customerId}|${t.key}`, [...(byKey.get(`${t.customerId}|${t.key}`) ?? []), t.id]);
  for (const ids of byKey.values()) expect(ids).toHaveLength(1);
  for (const { customerId, key, result } of outcomes) {
    if (result.ok) expect(byKey.get(`${customerId}|${key}`)).toEqual([result.value.transfer.id]);
    else expect(EXPECTED_REFUSALS, `${result.code}: ${result.message}`).toContain(result.code);
  }

  // Internal transfers conserve the customers' total; only payments to payees leave it.
  const paidOut = stored.filter((t) => t.toPayeeId !== null).reduce((sum, t) => sum + t.amount, 0);
  expect(await totalBalance(h, accountIds)).toBe(initialTotal - paidOut);

  // The daily-totals table holds exactly today's posted transfers of each customer, within the limit.
  const today = new Date().toISOString().slice(0, 10);
  for (const c of customers) {
    const posted = stored.filter((t) => t.customerId === c.customerId).reduce((sum, t) => sum + t.amount, 0);
    const [total] = await h.db
      .select({ total: transferDailyTotals.total })
      .from(transferDailyTotals)
      .where(sql`${transferDailyTotals.customerId} = ${c.customerId} AND ${transferDailyTotals.currency} = 'USD' AND ${transferDailyTotals.day} = ${today}`);
    expect(total?.total ?? 0, `daily total of ${c.customerId}`).toBe(posted);
    expect(posted).toBeLessThanOrEqual(TRANSFER_LIMITS.USD.daily);
  }

  // The customer-facing history has one row per account touched by each transfer.
  const history = await h.db.execute(sql`
    SELECT t.id FROM transfers t
    WHERE t.customer_id IN ${customers.map((c) => c.customerId)}
      AND (SELECT count(*) FROM transactions x WHERE x.transfer_id = t.id) <> CASE WHEN t.to_payee_id IS NULL THEN 2 ELSE 1 END`);
  expect(rowsOf(history)).toEqual([]);
}

/** db.execute's result type is driver-specific; both drivers we use answer `{ rows }`. */
function rowsOf(result: unknown): unknown[] {
  return (result as { rows: unknown[] }).rows;
}
