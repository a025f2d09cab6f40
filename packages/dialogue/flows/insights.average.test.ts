/** "my average monthly spending", "am i spending more than usual" (flows/insights.ts, average_months). */
import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("average monthly spending", () => {
  it("averages the last three full months and sets this month so far beside it", () => {
    const session = new Session();
    const turn = session.say("what's my average monthly spending", understood("spending", { query: { average: true } }));
    const loads = turn.effects.filter((e) => e.kind === "load");
    expect(loads).toHaveLength(4);
    expect(loads.every((l) => l.kind === "load" && l.what === "spending")).toBe(true);
    const text = lastReply(turn).text;
    expect(text).toMatch(/^Over the last 3 full months you spent \$[\d,.]+ a month on average \(\w+ \d{4} \$[\d,.]+, \w+ \d{4} \$[\d,.]+, \w+ \d{4} \$[\d,.]+\)\. This month so far: \$[\d,.]+/);
  });

  it("keeps to a category named", () => {
    const session = new Session();
    const turn = session.say("how much do i usually spend on groceries a month", understood("spending", { category: "groceries", query: { average: true } }));
    expect(turn.effects.filter((e) => e.kind === "load")).toEqual(
      expect.arrayContaining([expect.objectContaining({ what: "spending", query: expect.objectContaining({ category: "groceries" }) })]),
    );
    expect(lastReply(turn).text).toMatch(/ a month on groceries on average/);
  });

  it("keeps to a merchant named (explore25: 'how much do i spend at trader bay a month' averaged every payment)", () => {
    const session = new Session();
    const turn = session.say("how much do i spend at trader bay a month", understood("spending", { merchant: "trader bay", query: { average: true } }));
    const loads = turn.effects.filter((e) => e.kind === "load");
    expect(loads).toEqual(Array(4).fill(expect.objectContaining({ what: "spending", query: expect.objectContaining({ merchant: "trader bay" }) })));
    expect(lastReply(turn).text).toMatch(/ a month at “trader bay” on average/);
    // A category named wins over a merchant, as in a plain total.
    const both = session.say("groceries at trader bay a month", understood("spending", { category: "groceries", merchant: "Trader Bay", query: { average: true } }));
    expect(both.effects.filter((e) => e.kind === "load")).toEqual(Array(4).fill(expect.objectContaining({ query: expect.not.objectContaining({ merchant: expect.anything() }) })));
  });

  it("keeps to an account named: 'my average monthly spending on my credit card'", () => {
    const session = new Session();
    const turn = session.say("what's my average monthly spending on my credit card", understood("spending", { accountRefs: ["credit"], query: { average: true } }));
    const loads = turn.effects.filter((e) => e.kind === "load");
    expect(loads).toHaveLength(4);
    expect(loads).toEqual(Array(4).fill(expect.objectContaining({ what: "spending", query: expect.objectContaining({ account: "credit" }) })));
    expect(lastReply(turn).text).toMatch(/ a month on your credit card on average/);
  });

  it("compares two months out of one account: 'did i spend more from checking this month than last month'", () => {
    const session = new Session();
    const turn = session.say(
      "did i spend more from checking this month than last month",
      understood("spending", { accountRefs: ["checking"], fromRef: "checking", query: { compare: { months: [{ from: "2026-10-01", to: "2026-10-31", label: "October" }, { from: "2026-11-01", to: "2026-11-24", label: "November" }] } } }),
    );
    expect(turn.effects.filter((e) => e.kind === "load")).toEqual([
      expect.objectContaining({ what: "spending", query: { from: "2026-10-01", to: "2026-10-31", account: "checking" } }),
      expect.objectContaining({ what: "spending", query: { from: "2026-11-01", to: "2026-11-24", account: "checking" } }),
      // Session 29: this month so far is set against the same days of last month, too.
      expect.objectContaining({ what: "spending", query: { from: "2026-10-01", to: "2026-10-24", account: "checking" } }),
    ]);
    expect(lastReply(turn).text).toMatch(/^You spent \$[\d,.]+ from your checking account in November so far, and \$[\d,.]+ in the same days of October \(1–24 Oct\): .* October in all: \$/);
  });
});

describe("how much a bill is", () => {
  it("'how much is my rent' read as the card statement answers with the rent's last payment", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", accountId: "a1", postedAt: "2026-11-01T09:00:00Z", merchant: "Casa Verde Rentals", category: "Rent", amount: { minor: -1_250_00, currency: "USD" }, status: "posted", transferId: null },
    ];
    const turn = session.say("how much is my rent", understood("credit_statement", { query: { lookup: { kind: "last", target: "rent" }, question: true } }));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { merchant: "rent" } });
    expect(lastReply(turn).text).toMatch(/^Your last payment to “Casa Verde Rentals” was \$1,250\.00 on 1 Nov 2026\.$/);
  });
});
