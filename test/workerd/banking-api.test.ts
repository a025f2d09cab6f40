import { describe, expect, it } from "vitest";
import { bookExternal } from "../../packages/banking/ledger.repo.js";
import * as banking from "../../packages/banking/index.js";
import { gatewayFetch, withTestDb } from "./helpers.js";
import { AccountOut, CardOut, PayeeOut, TransactionPageOut, TransferOut } from "../../workers/gateway/banking.schemas.js";
import { apiGet, apiPost, balances, idempotencyKey, makeCustomer, postTransfer, tokenFor } from "./banking-helpers.js";

const FILE = "api";

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe("reading accounts, payees and cards", () => {
  it("lists the customer's accounts with decimal-string balances, and gets one", async () => {
    const c = await makeCustomer(FILE, { checking: 1_234_56, savings: 10_00, creditLimit: 500_00 });
    const token = await tokenFor(c.customerId);
    const list = await json<{ items: unknown[] }>(await apiGet("/api/accounts", token));
    const accounts = list.items.map((a) => AccountOut.parse(a));
    expect(accounts.map((a) => [a.type, a.balance.value, a.available.value])).toEqual([
      ["checking", "1234.56", "1234.56"],
      ["savings", "10.00", "10.00"],
      ["credit", "0.00", "500.00"],
    ]);
    const one = await apiGet(`/api/accounts/${c.checkingId}`, token);
    expect(one.status).toBe(200);
    expect(AccountOut.parse(await one.json())).toEqual(accounts[0]);
  });

  it("lists payees and cards, cards with the last four digits only", async () => {
    const c = await makeCustomer(FILE);
    const token = await tokenFor(c.customerId);
    const payees = (await json<{ items: unknown[] }>(await apiGet("/api/payees", token))).items.map((p) => PayeeOut.parse(p));
    expect(payees.map((p) => p.id).sort()).toEqual([...c.payeeIds].sort());
    const one = PayeeOut.parse(await json(await apiGet(`/api/payees/${payees[0]!.id}`, token)));
    expect(one).toEqual(payees[0]);
    const cards = (await json<{ items: unknown[] }>(await apiGet("/api/cards", token))).items.map((x) => CardOut.parse(x));
    expect(cards.map((x) => x.last4).sort()).toEqual(["4242", "5151"]);
    expect(JSON.stringify(cards)).not.toMatch(/\d{12,}/);
  });
});

describe("freezing cards", () => {
  it("freezes and unfreezes idempotently", async () => {
    const c = await makeCustomer(FILE);
    const token = await tokenFor(c.customerId);
    const card = c.cardIds[0]!;
    for (let i = 0; i < 2; i++) {
      const frozen = await apiPost(`/api/cards/${card}/freeze`, token);
      expect(frozen.status).toBe(200);
      expect(await frozen.json()).toMatchObject({ id: card, status: "frozen" });
    }
    const cards = await json<{ items: Array<{ id: string; status: string }> }>(await apiGet("/api/cards", token));
    expect(cards.items.find((x) => x.id === card)?.status).toBe("frozen");
    expect(cards.items.find((x) => x.id === c.cardIds[1])?.status).toBe("active");
    for (let i = 0; i < 2; i++) {
      const active = await apiPost(`/api/cards/${card}/unfreeze`, token);
      expect(await active.json()).toMatchObject({ id: card, status: "active" });
    }
  });
});

describe("transaction history", () => {
  async function customerWithHistory(count: number) {
    const c = await makeCustomer(FILE, { checking: 5_000_00 });
    const base = Date.parse("2026-03-01T12:00:00Z");
    const merchants = ["Bluebird Coffee", "Fresh Fields Market", "Metro Transit"];
    const categories = ["Coffee", "Groceries", "Transport"];
    // Every third pair shares a timestamp: the cursor's id tiebreak must still give a total order.
    const bookings = Array.from({ length: count }, (_, i) => ({
      customerId: c.customerId,
      accountId: c.checkingId,
      amount: -(100 + i),
      currency: "USD" as const,
      merchant: merchants[i % 3]!,
      category: categories[i % 3]!,
      postedAt: new Date(base + Math.floor(i / 2) * 3_600_000),
      status: "posted" as const,
    }));
    await withTestDb((db) => db.transaction((tx) => bookExternal(tx, bookings)));
    return c;
  }

  type PageBody = { items: Array<{ id: string; postedAt: string; merchant: string; category: string }>; nextCursor: string | null };

  it("pages through every transaction once, newest first, even when new ones arrive meanwhile", async () => {
    const c = await customerWithHistory(23);
    const token = await tokenFor(c.customerId);
    const seen: PageBody["items"] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=5${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await apiGet(`/api/accounts/${c.checkingId}/transactions?${query}`, token);
      expect(response.status).toBe(200);
      const page = TransactionPageOut.parse(await response.json()) as PageBody;
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (pages++ === 0) {
        // A transfer lands after the first page was read: it is newer, so later pages don't shift.
        const moved = await postTransfer(token, idempotencyKey("page"), {
          fromAccountId: c.checkingId,
          toAccountId: c.savingsId,
          amount: { value: "1.00", currency: "USD" },
        });
        expect(moved.status).toBe(201);
      }
    } while (cursor);
    // 23 booked + the opening balance, each exactly once; the transfer came in above page one.
    expect(seen).toHaveLength(24);
    expect(new Set(seen.map((t) => t.id)).size).toBe(24);
    const order = seen.map((t) => [t.postedAt, t.id] as const);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? b[1].localeCompare(a[1]) : b[0].localeCompare(a[0])));
    expect(order).toEqual(sorted);
    expect(pages).toBe(5);
  });

  it("searches by merchant or category and filters by date range", async () => {
    const c = await customerWithHistory(12);
    const token = await tokenFor(c.customerId);
    const coffee = await json<PageBody>(await apiGet(`/api/accounts/${c.checkingId}/transactions?q=coffee`, token));
    expect(coffee.items).toHaveLength(4);
    expect(coffee.items.every((t) => t.merchant === "Bluebird Coffee")).toBe(true);
    const transit = await json<PageBody>(await apiGet(`/api/accounts/${c.checkingId}/transactions?q=TRANSPORT`, token));
    expect(transit.items.map((t) => t.category)).toEqual(["Transport", "Transport", "Transport", "Transport"]);
    const none = await json<PageBody>(await apiGet(`/api/accounts/${c.checkingId}/transactions?q=%25`, token));
    expect(none.items).toHaveLength(0);
    // Bookings 0–11 are two an hour from 12:00: 14:00–15:00 inclusive holds bookings 4–7.
    const range = await json<PageBody>(
      await apiGet(`/api/accounts/${c.checkingId}/transactions?from=2026-03-01T14:00:00Z&to=2026-03-01T15:00:00Z`, token),
    );
    expect(range.items).toHaveLength(4);
    const day = await json<PageBody>(await apiGet(`/api/accounts/${c.checkingId}/transactions?from=2026-03-01&to=2026-03-01`, token));
    expect(day.items).toHaveLength(12);
  });
});

describe("transfers", () => {
  it("moves money between the customer's own accounts: both balances change exactly, both histories show it", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00, savings: 50_00 });
    const token = await tokenFor(c.customerId);
    const response = await postTransfer(token, idempotencyKey(), {
      fromAccountId: c.checkingId,
      toAccountId: c.savingsId,
      amount: { value: "12.34", currency: "USD" },
      memo: "for the holiday",
    });
    expect(response.status).toBe(201);
    const transfer = TransferOut.parse(await response.json());
    expect(transfer).toMatchObject({ status: "posted", toAccountId: c.savingsId, toPayeeId: null, amount: { value: "12.34" }, memo: "for the holiday" });
    expect(response.headers.get("location")).toBe(`/api/transfers/${transfer.id}`);
    expect(await balances(token)).toMatchObject({ [c.checkingId]: "87.66", [c.savingsId]: "62.34" });

    const fromHistory = await json<{ items: Array<{ transferId: string | null; amount: { value: string } }> }>(
      await apiGet(`/api/accounts/${c.checkingId}/transactions?limit=1`, token),
    );
    const toHistory = await json<{ items: Array<{ transferId: string | null; amount: { value: string } }> }>(
      await apiGet(`/api/accounts/${c.savingsId}/transactions?limit=1`, token),
    );
    expect(fromHistory.items[0]).toMatchObject({ transferId: transfer.id, amount: { value: "-12.34" } });
    expect(toHistory.items[0]).toMatchObject({ transferId: transfer.id, amount: { value: "12.34" } });

    const fetched = await apiGet(`/api/transfers/${transfer.id}`, token);
    expect(TransferOut.parse(await fetched.json())).toEqual(transfer);
  });

  it("pays a saved payee: only the customer's account moves, the payee shows in history", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const token = await tokenFor(c.customerId);
    const response = await postTransfer(token, idempotencyKey(), {
      fromAccountId: c.checkingId,
      toPayeeId: c.payeeIds[0],
      amount: { value: "40", currency: "USD" },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ toPayeeId: c.payeeIds[0], toAccountId: null, amount: { value: "40.00" } });
    expect((await balances(token))[c.checkingId]).toBe("60.00");
    const history = await json<{ items: Array<{ merchant: string; amount: { value: string } }> }>(
      await apiGet(`/api/accounts/${c.checkingId}/transactions?limit=1`, token),
    );
    expect(history.items[0]).toMatchObject({ merchant: "Jordan Lee", amount: { value: "-40.00" } });
  });

  it("answers a repeated Idempotency-Key with the original transfer and moves the money once", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const token = await tokenFor(c.customerId);
    const key = idempotencyKey("replay");
    const body = { fromAccountId: c.checkingId, toAccountId: c.savingsId, amount: { value: "10.00", currency: "USD" } };
    const first = await postTransfer(token, key, body);
    const again = await postTransfer(token, key, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect((await balances(token))[c.checkingId]).toBe("90.00");

    const different = await postTransfer(token, key, { ...body, amount: { value: "11.00", currency: "USD" } });
    expect(different.status).toBe(422);
    expect(await different.json()).toMatchObject({ error: { code: "idempotency_key_reused" } });
    expect((await balances(token))[c.checkingId]).toBe("90.00");
  });

  it("turns concurrent duplicates into one transfer", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const token = await tokenFor(c.customerId);
    const key = idempotencyKey("race");
    const body = { fromAccountId: c.checkingId, toAccountId: c.savingsId, amount: { value: "25.00", currency: "USD" } };
    const responses = await Promise.all([1, 2, 3].map(() => postTransfer(token, key, body)));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect((await balances(token))[c.checkingId]).toBe("75.00");
  });

  it("refuses more than the available balance and changes nothing", async () => {
    const c = await makeCustomer(FILE, { checking: 20_00 });
    const token = await tokenFor(c.customerId);
    const key = idempotencyKey("poor");
    const body = { fromAccountId: c.checkingId, toPayeeId: c.payeeIds[1], amount: { value: "20.01", currency: "USD" } };
    const refused = await postTransfer(token, key, body);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: "insufficient_funds", message: expect.stringContaining("amount") } });
    expect((await balances(token))[c.checkingId]).toBe("20.00");
    // A refusal writes nothing, so the same key works once the money is there.
    const exact = await postTransfer(token, key, { ...body, amount: { value: "20.00", currency: "USD" } });
    expect(exact.status).toBe(201);
    expect((await balances(token))[c.checkingId]).toBe("0.00");
  });

  it("lets a credit card go down to its limit and no further", async () => {
    const c = await makeCustomer(FILE, { creditLimit: 300_00 });
    const token = await tokenFor(c.customerId);
    const spend = (value: string) =>
      postTransfer(token, idempotencyKey("credit"), { fromAccountId: c.creditId, toPayeeId: c.payeeIds[0], amount: { value, currency: "USD" } });
    expect((await spend("250.00")).status).toBe(201);
    expect((await spend("50.01")).status).toBe(422);
    expect((await spend("50.00")).status).toBe(201);
    const accounts = await json<{ items: Array<{ id: string; balance: { value: string }; available: { value: string } }> }>(
      await apiGet("/api/accounts", token),
    );
    expect(accounts.items.find((a) => a.id === c.creditId)).toMatchObject({ balance: { value: "-300.00" }, available: { value: "0.00" } });
  });

  it("enforces the daily limit across transfers", async () => {
    const c = await makeCustomer(FILE, { checking: 10_00, savings: 40_000_00 });
    const token = await tokenFor(c.customerId);
    const send = (value: string) =>
      postTransfer(token, idempotencyKey("daily"), { fromAccountId: c.savingsId, toAccountId: c.checkingId, amount: { value, currency: "USD" } });
    expect((await send("10000.00")).status).toBe(201);
    expect((await send("10000.00")).status).toBe(201);
    expect((await send("5000.00")).status).toBe(201);
    const over = await send("0.01");
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ error: { code: "limit_exceeded", message: expect.stringMatching(/^amount: .*today/) } });
    expect((await balances(token))[c.savingsId]).toBe("15000.00");
  });
});

describe("spendingSummary (for the dialogue)", () => {
  it("totals money out by category, counting payments to payees but not moves between own accounts", async () => {
    const c = await makeCustomer(FILE, { checking: 500_00 });
    const day = new Date().toISOString().slice(0, 10);
    await withTestDb(async (db) => {
      await db.transaction((tx) =>
        bookExternal(tx, [
          { customerId: c.customerId, accountId: c.checkingId, amount: -4_50, currency: "USD", merchant: "Bluebird Coffee", category: "Coffee", postedAt: new Date(), status: "posted" },
          { customerId: c.customerId, accountId: c.checkingId, amount: -3_00, currency: "USD", merchant: "Daily Grind", category: "Coffee", postedAt: new Date(), status: "pending" },
        ]),
      );
      const move = (key: string, to: banking.TransferDestination, minor: number) =>
        banking.transfer(db, c.customerId, { idempotencyKey: idempotencyKey(key), fromAccountId: c.checkingId, to, amount: { minor, currency: "USD" } });
      expect((await move("own", { accountId: c.savingsId }, 100_00)).ok).toBe(true);
      expect((await move("payee", { payeeId: c.payeeIds[0]! }, 20_00)).ok).toBe(true);
      const summary = await banking.spendingSummary(db, c.customerId, { from: day, to: day });
      expect(summary).toEqual({
        ok: true,
        value: {
          from: day,
          to: day,
          total: { minor: 27_50, currency: "USD" },
          byCategory: [
            { category: "Transfers", total: { minor: 20_00, currency: "USD" } },
            { category: "Coffee", total: { minor: 7_50, currency: "USD" } },
          ],
          // Two coffees (one still pending) and the payment to a payee: "how many times".
          payments: 3,
        },
      });
    });
  });
});
