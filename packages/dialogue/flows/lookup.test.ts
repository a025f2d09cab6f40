/** Read-only answers from the customer's data (flows/lookup.ts): balances, transactions, spending, payees. */
import { describe, expect, it } from "vitest";
import { Session, lastReply, moneyIn, understood } from "../../../test/support/dialogue-session.js";

describe("balances, transactions, spending, payees", () => {
  it("shows every balance with masks and formatted money, as structured data too", () => {
    const turn = new Session().say("what's my balance", understood("balance"));
    const reply = lastReply(turn);
    expect(reply.text).toBe(
      "Your balances: Checking ••1234: $500.00 ($450.00 available); Savings ••5678: $2,000.00; Credit card ••9012: $120.00 owed.",
    );
    expect(reply.data).toMatchObject({ kind: "accounts" });
    expect(reply.intent).toEqual({ name: "balance", confidence: 0.95 });
  });

  it("shows only the account asked for", () => {
    const turn = new Session().say("savings balance", understood("balance", { accountRefs: ["savings"] }));
    expect(lastReply(turn).text).toBe("Savings ••5678: $2,000.00.");
  });

  it("says a kind of account Teller doesn't hold is not held, instead of listing the balances as its answer", () => {
    const session = new Session();
    // "what's my mortgage balance?" got "Your balances: Checking …; Savings …; Credit card …." as if that were it.
    for (const [text, kind] of [
      ["what's my mortgage balance?", "a mortgage"],
      ["how much is in my business account?", "a business account"],
      ["balance of my investment account", "an investment account"],
      ["how much is left on my car loan", "a loan"],
      ["what's in my 401k", "a retirement account"],
    ] as const) {
      const reply = lastReply(session.say(text, understood("balance")));
      expect(reply.text, text).toMatch(new RegExp(`^You don't have ${kind} with us\\. Here are your accounts\\. Your balances: Checking`));
    }
    // An account the customer holds, named beside one they don't: that one, and the other said.
    const both = lastReply(session.say("my mortgage and savings balance", understood("balance", { accountRefs: ["savings"] })));
    expect(both.text).toBe("You don't have a mortgage with us. Savings ••5678: $2,000.00.");
    // Words that name no account are left alone.
    expect(lastReply(session.say("what's my balance after the loan payment went out", understood("balance"))).text).toMatch(/^Your balances:/);
  });

  it("passes the customer's filters to the transactions query, bounded", () => {
    const session = new Session();
    const turn = session.say(
      "coffee at starbucks in november",
      understood("transactions", { merchant: "Starbucks", dateRange: { from: "2026-11-01", to: "2026-11-30" } }),
    );
    const load = turn.effects.find((e) => e.kind === "load");
    expect(load).toMatchObject({ what: "transactions", query: { merchant: "Starbucks", from: "2026-11-01", to: "2026-11-30" } });
    expect(lastReply(turn).text).toMatch(/couldn't find any transactions/);
  });

  it("no credit card transactions found: the debit card's are said to be checking's, and offered (explore29)", () => {
    const turn = new Session().say("show my credit card transactions", understood("transactions", { accountRefs: ["credit"] }));
    const reply = lastReply(turn);
    expect(reply.text).toMatch(/^I couldn't find any transactions on your credit card\. Purchases with your debit card come out of your checking account\.$/);
    expect(reply.actions.map((a) => a.label)).toEqual(["Debit card purchases"]);
  });

  it("asks the bank for one account's transactions, or those beyond an amount, and says so", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-23T10:00:00Z", merchant: "Cafe", category: "Dining", amount: { minor: -60_00, currency: "USD" }, status: "posted" },
      { id: "t2", postedAt: "2026-11-22T10:00:00Z", merchant: "Grocer", category: "Groceries", amount: { minor: -80_00, currency: "USD" }, status: "posted" },
    ];
    const savings = session.say("show my savings transactions", understood("transactions", { accountRefs: ["savings"] }));
    expect(savings.effects[0]).toMatchObject({ what: "transactions", query: { account: "savings", limit: 10 } });
    expect(lastReply(savings).text).toMatch(/ in your savings account\.$/);
    const over = session.say("transactions over $50", understood("transactions", { amount: { minor: 50_00, currency: "USD" }, query: { amountBound: "over" } }));
    expect(over.effects[0]).toMatchObject({ query: { amount: { op: "over", minor: 50_00, currency: "USD" }, limit: 50 } });
    expect(lastReply(over).text).toMatch(/ over \$50\.00\.$/);
    // explore25: "whats that 61.63 from tuesday": that figure exactly, on that day.
    const one = session.say("whats that 61.63 from tuesday", understood("transactions", { amount: { minor: 61_63, currency: "USD" }, dateRange: { from: "2026-11-23", to: "2026-11-23" }, query: { amountBound: "exactly", question: true } }));
    expect(one.effects[0]).toMatchObject({ query: { amount: { op: "exactly", minor: 61_63, currency: "USD" }, from: "2026-11-23", to: "2026-11-23" } });
    expect(lastReply(one).text).toMatch(/ of \$61\.63 on 23 Nov 2026\.$/);
    // An amount with no bound said ("my $50 transactions") narrows nothing by size.
    const plain = session.say("my 50 dollar transactions", understood("transactions", { amount: { minor: 50_00, currency: "USD" } }));
    expect(plain.effects[0]).not.toMatchObject({ query: { amount: {} } });
  });

  it("lists the subscription payments of the last weeks for 'do i have any subscriptions', and totals them for 'how much'", () => {
    const session = new Session();
    const list = session.say("do i have any subscriptions", understood("spending", { category: "subscriptions" }));
    expect(list.effects[0]).toMatchObject({ what: "transactions", query: { category: "subscriptions", from: expect.any(String), to: expect.any(String) } });
    const total = session.say("how much do i spend on subscriptions", understood("spending", { category: "subscriptions" }));
    expect(total.effects[0]).toMatchObject({ what: "spending", query: { category: "subscriptions" } });
  });

  it("lists them for 'what subscriptions am i paying for' (explore28: a month's total), totals 'what subscriptions … how much'", () => {
    const session = new Session();
    const list = session.say("what subscriptions am i paying for", understood("spending", { category: "subscriptions" }));
    expect(list.effects[0]).toMatchObject({ what: "transactions", query: { category: "subscriptions" } });
    const total = session.say("how much am i paying for subscriptions", understood("spending", { category: "subscriptions" }));
    expect(total.effects[0]).toMatchObject({ what: "spending", query: { category: "subscriptions" } });
  });

  it("shows only pending transactions when those are asked for", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-23T10:00:00Z", merchant: "Cafe", category: "Dining", amount: { minor: -4_50, currency: "USD" }, status: "pending" },
      { id: "t2", postedAt: "2026-11-22T10:00:00Z", merchant: "Grocer", category: "Groceries", amount: { minor: -30_00, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say("show me my pending transactions", understood("transactions", { query: { pending: true } }));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { status: "pending", limit: 50 } });
    expect(lastReply(turn).text).toBe("Here is your pending transaction.");
    expect(lastReply(turn).data).toMatchObject({ kind: "transactions", transactions: [{ id: "t1" }] });
    session.bank.transactions = session.bank.transactions.filter((t) => t.status === "posted");
    const none = session.say("what's still pending", understood("transactions", { query: { pending: true } }));
    expect(lastReply(none).text).toBe("You don't have any pending transactions right now.");
  });

  it("shows only money that came in from outside when deposits or a paycheck are asked about", () => {
    const session = new Session();
    session.bank.transactions = moneyIn();
    // Session 30: "did my paycheck come in" is the latest pay (flows/next-payday.ts); a list asked is a list.
    const turn = session.say("show me the money that came in", understood("transactions", { query: { incoming: true } }));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { direction: "in", limit: 50 } });
    expect(lastReply(turn).text).toBe("Here are the 2 latest payments into your accounts (your own transfers left out).");
    expect(lastReply(turn).data).toMatchObject({ kind: "transactions", transactions: [{ id: "t3" }, { id: "t4" }] });
    // Only the card charge: nothing came in.
    session.bank.transactions = moneyIn().slice(0, 1);
    const none = session.say("show me my deposits", understood("transactions", { query: { incoming: true } }));
    expect(lastReply(none).text).toBe("I don't see any money coming into your accounts among your 50 most recent transactions.");
  });

  // sweep17: "how much money came in last month" was read as spending ("You spent $190.00 …").
  it("answers how much came in over a period with the total of what came in, not what was spent", () => {
    const session = new Session();
    session.bank.transactions = moneyIn();
    const november = { from: "2026-11-01", to: "2026-11-30" };
    const turn = session.say("how much money came in last month", understood("spending", { query: { incoming: true }, dateRange: november }));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { direction: "in", ...november } });
    expect(lastReply(turn).intent.name).toBe("transactions");
    expect(lastReply(turn).text).toBe("You received $2,862.00 between 1 Nov 2026 and 30 Nov 2026 (your own transfers left out), in 2 payments.");
    expect(lastReply(turn).data).toMatchObject({ kind: "transactions", transactions: [{ id: "t3" }, { id: "t4" }] });
    // Without a period, the latest payments in, as before.
    const latest = session.say("show me my deposits", understood("transactions", { query: { incoming: true } }));
    expect(lastReply(latest).text).toBe("Here are the 2 latest payments into your accounts (your own transfers left out).");
    // Spending is still spending.
    const spent = session.say("how much did i spend last month", understood("spending", { dateRange: november }));
    expect(spent.effects[0]).toMatchObject({ what: "spending" });
  });

  it("names one day as 'on' it, not 'between' it and itself", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-09T10:00:00Z", merchant: "Sakura Sushi", category: "Dining", amount: { minor: -45_00, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say("what did i buy on november 9th", understood("transactions", { dateRange: { from: "2026-11-09", to: "2026-11-09" } }));
    expect(lastReply(turn).text).toBe("Here is 1 transaction on 9 Nov 2026.");
  });

  it("says 'Here is 1 transaction' for a single filtered match (the cash category, session 14)", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-23T10:00:00Z", merchant: "ATM Withdrawal", category: "Cash", amount: { minor: -60_00, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say("show my atm withdrawals", understood("transactions", { category: "cash" }));
    expect(turn.effects[0]).toMatchObject({ what: "transactions", query: { category: "cash", limit: 50 } });
    expect(lastReply(turn).text).toBe("Here is 1 transaction in “cash”.");
  });

  it("renders transactions as a table the web app can show", () => {
    const session = new Session();
    const rows = [
      { id: "t1", postedAt: "2026-11-23T10:00:00Z", merchant: "Cafe", category: "Dining", amount: { minor: -450, currency: "USD" }, status: "posted" },
    ];
    session.autoExecute = false;
    const start = session.say("recent transactions", understood("transactions"));
    const load = start.effects[0]!;
    const turn = session.feed(load.effectId, { ok: true, data: rows });
    expect(lastReply(turn).text).toBe("Here is your most recent transaction.");
    expect(lastReply(turn).data).toEqual({ kind: "transactions", transactions: rows, query: { limit: 10 } });
  });

  it("totals spending for this month so far when no period is given", () => {
    const session = new Session();
    const turn = session.say("how much did I spend", understood("spending"));
    expect(turn.effects[0]).toMatchObject({ what: "spending", query: { from: "2026-11-01", to: "2026-11-24" } });
    expect(lastReply(turn).text).toBe("You spent $0.00 between 1 Nov 2026 and 24 Nov 2026.");
  });

  it("totals spending at the merchant asked about, and says it is that merchant's", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-20T10:00:00Z", merchant: "Sakura Sushi", category: "Dining", amount: { minor: -42_50, currency: "USD" }, status: "posted" },
      { id: "t2", postedAt: "2026-11-21T10:00:00Z", merchant: "Landlord", category: "Rent", amount: { minor: -1_650_00, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say("how much did I spend at Sakura Sushi", understood("spending", { merchant: "Sakura Sushi" }));
    expect(turn.effects[0]).toMatchObject({ what: "spending", query: { from: "2026-11-01", to: "2026-11-24", merchant: "Sakura Sushi" } });
    expect(lastReply(turn).text).toBe("You spent $42.50 at “Sakura Sushi” between 1 Nov 2026 and 24 Nov 2026.");
    const none = session.say("how much did I spend at Starbucks", understood("spending", { merchant: "Starbucks" }));
    expect(lastReply(none).text).toBe("I couldn't find any spending at “Starbucks” between 1 Nov 2026 and 24 Nov 2026.");
  });

  it("totals spending in the category asked about, and says it is that category's", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-20T10:00:00Z", merchant: "FreshMart", category: "Groceries", amount: { minor: -42_50, currency: "USD" }, status: "posted" },
      { id: "t2", postedAt: "2026-11-21T10:00:00Z", merchant: "Landlord", category: "Rent", amount: { minor: -1_650_00, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say("how much did I spend on groceries", understood("spending", { category: "groceries" }));
    expect(lastReply(turn).text).toBe("You spent $42.50 on groceries between 1 Nov 2026 and 24 Nov 2026.");
    const none = session.say("how much did I spend on travel", understood("spending", { category: "travel" }));
    expect(lastReply(none).text).toBe("I couldn't find any spending on travel between 1 Nov 2026 and 24 Nov 2026.");
  });

  it("counts the payments for 'how many times' (session 29: the total alone), their total beside it", () => {
    const session = new Session();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-20T10:00:00Z", merchant: "FreshMart", category: "Groceries", amount: { minor: -42_50, currency: "USD" }, status: "posted" },
      { id: "t2", postedAt: "2026-11-22T10:00:00Z", merchant: "FreshMart", category: "Groceries", amount: { minor: -7_50, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say("how many times did i buy groceries", understood("spending", { category: "groceries" }));
    expect(lastReply(turn).text).toBe("You made 2 payments on groceries between 1 Nov 2026 and 24 Nov 2026: $50.00 in all.");
    // "how much … how often" is still a total; none found is still said so.
    expect(lastReply(session.say("how much did i spend on groceries", understood("spending", { category: "groceries" }))).text).toMatch(/^You spent \$50\.00 on groceries/);
    expect(lastReply(session.say("how often did i buy travel", understood("spending", { category: "travel" }))).text).toMatch(/^I couldn't find any spending on travel/);
  });

  it("totals spending out of the account asked about, and says it is that account's", () => {
    const session = new Session();
    const checking = session.say("how much did I spend from checking", understood("spending", { accountRefs: ["checking"], fromRef: "checking" }));
    expect(checking.effects[0]).toMatchObject({ what: "spending", query: { from: "2026-11-01", to: "2026-11-24", account: "checking" } });
    expect(lastReply(checking).text).toBe("I couldn't find any spending from your checking account between 1 Nov 2026 and 24 Nov 2026.");
    const card = session.say("what did I spend on my credit card", understood("spending", { accountRefs: ["credit"] }));
    expect(card.effects[0]).toMatchObject({ what: "spending", query: { account: "credit" } });
    expect(lastReply(card).text).toBe("I couldn't find any spending on your credit card between 1 Nov 2026 and 24 Nov 2026.");
    const byNumber = session.say("spending from 4321", understood("spending", { accountRefs: [{ last4: "4321" }] }));
    expect(byNumber.effects[0]).toMatchObject({ what: "spending", query: { account: { last4: "4321" } } });
    // An account money went to is no source of spending: every account's total.
    const moved = session.say("how much did I spend moving money to savings", understood("spending", { accountRefs: ["savings"], toRef: "savings" }));
    expect(moved.effects[0]).toMatchObject({ what: "spending" });
    expect((moved.effects[0] as { query: object }).query).not.toHaveProperty("account");
  });

  it("lists payees with quoted names", () => {
    const turn = new Session().say("who are my payees", understood("payees"));
    expect(lastReply(turn).text).toBe("Your saved payees: “Alex Kim” ••4321, “Sam Lee”.");
  });

  it("says plainly when accounts can't be reached, while FAQ answers keep working", () => {
    const session = new Session();
    session.bank.failNext("accounts", "unavailable");
    const down = session.say("balance", understood("balance"));
    expect(lastReply(down).text).toMatch(/can't reach your accounts right now/);
    expect(session.state.task).toBeNull();
    const faq = session.say("when will my card arrive", understood("card_arrival"));
    expect(lastReply(faq).text).toMatch(/delivery window/);
  });

  it("treats a malformed load result as a failure, never as data", () => {
    const session = new Session();
    session.autoExecute = false;
    const start = session.say("balance", understood("balance"));
    const turn = session.feed(start.effects[0]!.effectId, { ok: true, data: [{ id: "x", balance: "lots" }] });
    expect(lastReply(turn).text).toMatch(/Something went wrong/);
  });
});
