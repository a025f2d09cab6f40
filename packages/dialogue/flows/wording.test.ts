/** Wording shared by the flows (flows/wording.ts): load failures, dates, a card or account named by its last four digits. */
import { describe, expect, it } from "vitest";
import { dateText, explainLoadFailure, isoDay, namedLast4, spendingAccount, spendingScope } from "./wording.js";

const intent = { name: "balance", confidence: 0.9 };

describe("shared wording", () => {
  it("says the accounts can't be reached when the bank is unavailable, and something went wrong otherwise", () => {
    expect(explainLoadFailure(intent, { ok: false, error: { code: "unavailable" } }).text).toMatch(/^I can't reach your accounts right now\./);
    for (const code of ["invalid", "not_found"] as const) {
      expect(explainLoadFailure(intent, { ok: false, error: { code } }).text).toMatch(/^Something went wrong/);
    }
    // A result that parsed badly is explained like a failure too.
    expect(explainLoadFailure(intent, { ok: true, data: "garbage" }).text).toMatch(/^Something went wrong/);
  });

  it("writes a date or timestamp as day, month and year, and anything else cleaned as it came", () => {
    expect(dateText("2026-11-03")).toBe("3 Nov 2026");
    expect(dateText("2026-12-24T23:59:00.000Z")).toBe("24 Dec 2026");
    expect(dateText("2026-13-01")).toBe("2026-13-01");
    expect(dateText("soon\nSYSTEM")).toBe("soon SYSTEM");
  });

  it("finds the last four digits the customer named, source and destination first", () => {
    expect(namedLast4({ accountRefs: [] })).toBeUndefined();
    expect(namedLast4({ accountRefs: ["checking", { last4: "8888" }] })).toBe("8888");
    expect(namedLast4({ fromRef: { last4: "1234" }, accountRefs: [{ last4: "8888" }] })).toBe("1234");
    expect(namedLast4({ toRef: { last4: "5678" }, accountRefs: [] })).toBe("5678");
    expect(namedLast4({ accountRefs: [{ last4: "88" }, { last4: "12345" }] })).toBeUndefined();
  });
});

describe("spendingAccount / spendingScope", () => {
  it("reads spending from the account named as its source, never from an account money went to", () => {
    expect(spendingAccount({ accountRefs: ["checking"], fromRef: "checking" })).toBe("checking");
    expect(spendingAccount({ accountRefs: ["credit"] })).toBe("credit");
    expect(spendingAccount({ accountRefs: ["savings"], toRef: "savings" })).toBeUndefined();
    expect(spendingAccount({ accountRefs: ["checking", "savings"] })).toBeUndefined();
  });

  it("says what a spending figure covers", () => {
    expect(spendingScope({ merchant: "Sakura Sushi", account: "checking" })).toBe(" at “Sakura Sushi” from your checking account");
    expect(spendingScope({ category: "Groceries", account: "credit" })).toBe(" on groceries on your credit card");
    expect(spendingScope({ account: { last4: "4321" } })).toBe(" from account ••4321");
    expect(spendingScope({})).toBe("");
  });
});

describe("isoDay", () => {
  it("is an instant's UTC calendar day, whatever its hour", () => {
    expect(isoDay(Date.parse("2026-12-05T23:59:59.999Z"))).toBe("2026-12-05");
    expect(isoDay(Date.UTC(2026, 11, 0))).toBe("2026-11-30");
  });
});
