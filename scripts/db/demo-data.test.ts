import { describe, expect, it } from "vitest";
import { DEMO_CUSTOMERS } from "../../workers/gateway/dev-idp/demo-customers.js";
import { DEMO_ROUTING_NUMBER, demoCustomerSpec, HISTORY_DAYS } from "./demo-data.js";
import { isId } from "../../packages/banking/ids.js";

const NOW = new Date("2026-05-20T15:30:00Z");

describe("demo data", () => {
  const specs = DEMO_CUSTOMERS.map((c, i) => demoCustomerSpec(c, i, NOW));

  it("is the same every time for the same customer and day", () => {
    expect(DEMO_CUSTOMERS.map((c, i) => demoCustomerSpec(c, i, NOW))).toEqual(specs);
    const laterSameDay = demoCustomerSpec(DEMO_CUSTOMERS[0]!, 0, new Date("2026-05-20T23:00:00Z"));
    expect(laterSameDay.accounts).toEqual(specs[0]!.accounts);
  });

  it("gives each customer checking and savings, a card, 2–3 payees, one of them a credit card", () => {
    for (const spec of specs) {
      expect(spec.accounts.map((a) => a.type).slice(0, 2)).toEqual(["checking", "savings"]);
      expect(spec.cards.length).toBeGreaterThanOrEqual(1);
      expect(spec.cards.every((c) => /^\d{4}$/.test(c.last4))).toBe(true);
      expect(spec.payees.length).toBeGreaterThanOrEqual(2);
      expect(spec.payees.length).toBeLessThanOrEqual(3);
      for (const a of spec.accounts) expect(isId("account", a.id)).toBe(true);
    }
    expect(specs.filter((s) => s.accounts.some((a) => a.type === "credit"))).toHaveLength(1);
  });

  it("books about 90 days of varied history in time order, never below an account's floor", () => {
    for (const spec of specs) {
      const times = spec.bookings.map((b) => b.postedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(NOW.getTime() - times[0]!).toBeGreaterThan((HISTORY_DAYS - 1) * 86_400_000);
      expect(times.at(-1)!).toBeLessThan(NOW.getTime());
      const categories = new Set(spec.bookings.map((b) => b.category));
      for (const c of ["Income", "Rent", "Groceries", "Coffee", "Transport", "Subscriptions", "Cash"]) expect(categories).toContain(c);
      const balance = new Map<string, number>();
      for (const b of spec.bookings) {
        const next = (balance.get(b.accountId) ?? 0) + b.amount;
        const account = spec.accounts.find((a) => a.id === b.accountId)!;
        expect(next).toBeGreaterThanOrEqual(-(account.creditLimit ?? 0));
        expect(Number.isSafeInteger(b.amount) && b.amount !== 0).toBe(true);
        balance.set(b.accountId, next);
      }
      expect(spec.bookings.some((b) => b.status === "pending")).toBe(true);
    }
  });

  it("gives every account its numbers and rate, and only the credit card a statement and rewards", () => {
    const aba = (n: string) => [...n].reduce((sum, d, i) => sum + Number(d) * [3, 7, 1][i % 3]!, 0) % 10 === 0;
    expect(aba(DEMO_ROUTING_NUMBER)).toBe(true);
    for (const spec of specs) {
      for (const a of spec.accounts) {
        expect(a.details!.accountNumber).toMatch(new RegExp(`^\\d{8}${a.mask}$`));
        expect(a.details!.routingNumber).toBe(a.type === "credit" ? null : DEMO_ROUTING_NUMBER);
        expect(a.details!.rewardsPoints === null).toBe(a.type !== "credit");
      }
      for (const c of spec.cards) expect(c.expiryYear! > NOW.getUTCFullYear() && c.expiryMonth! >= 1 && c.expiryMonth! <= 12).toBe(true);
    }
    const [alex, maria] = specs;
    expect(maria!.statements ?? []).toEqual([]);
    const statement = alex!.statements![0]!;
    const credit = alex!.accounts.find((a) => a.type === "credit")!;
    const closesAt = Date.parse(`${statement.periodEnd}T23:59:59.999Z`);
    const owed = -alex!.bookings.filter((b) => b.accountId === credit.id && b.postedAt.getTime() <= closesAt).reduce((s, b) => s + b.amount, 0);
    expect(statement).toMatchObject({ accountId: credit.id, statementBalance: owed, periodEnd: "2026-05-10", dueDate: "2026-06-04" });
    expect(statement.minimumPayment).toBe(Math.min(owed, Math.max(25_00, Math.round(owed / 100))));
    expect(owed).toBeGreaterThan(0);
  });
});
