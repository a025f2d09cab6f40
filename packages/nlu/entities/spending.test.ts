import { describe, expect, it } from "vitest";
import { extractSpendingTarget, filedUnder } from "./spending";

describe("extractSpendingTarget", () => {
  it.each([
    ["how much did I spend on groceries last month", { kind: "category", category: "groceries" }],
    ["what did I spend on eating out this week", { kind: "category", category: "dining" }],
    ["grocery spending", { kind: "category", category: "groceries" }],
    ["restaurant spending this month", { kind: "category", category: "dining" }],
    ["how much have I spent at Starbucks", { kind: "merchant", merchant: "Starbucks" }],
    ["how much did I spend at whole foods in april", { kind: "merchant", merchant: "whole foods" }],
    ["how much went to amazon last year?", { kind: "merchant", merchant: "amazon" }],
    // explore30: an average's bill or spend names its category.
    ["what's my average grocery bill", { kind: "category", category: "groceries" }],
    ["whats my average monthly grocery spend", { kind: "category", category: "groceries" }],
    ["whats my avg coffee spend", { kind: "category", category: "coffee" }],
  ])("%s", (text, expected) => {
    expect(extractSpendingTarget(text)).toMatchObject(expected);
  });

  it.each([
    ["transactions at Bluebird Coffee", { kind: "merchant", merchant: "Bluebird Coffee" }],
    ["show my Starbucks transactions", { kind: "merchant", merchant: "Starbucks" }],
    ["how many transactions do i have on flower shops from last wednesday", { kind: "merchant", merchant: "flower shops" }],
    ["purchases on amazon this month", { kind: "merchant", merchant: "amazon" }],
    ["my Bluebird Coffee purchases last month", { kind: "merchant", merchant: "Bluebird Coffee" }],
    ["search transactions for uber", { kind: "merchant", merchant: "uber" }],
    ["which purchases did i make at walmart", { kind: "merchant", merchant: "walmart" }],
    ["starbucks spending this month", { kind: "merchant", merchant: "starbucks" }],
    ["show my coffee transactions", { kind: "category", category: "coffee" }],
    ["show me transactions at coffee shops", { kind: "category", category: "coffee" }],
  ])("transactions: %s", (text, expected) => {
    expect(extractSpendingTarget(text)).toMatchObject(expected);
  });

  // Each of these once came out as a merchant ("my", "the", "where am I", "March"), which now
  // filters the answer: a question about all spending would have found none.
  it.each([
    "my spending last month",
    "where am I spending the most",
    "how much did I spend in the last 30 days",
    "give me my spending summary",
    "average monthly spending",
    "how much did i spend on my car last month",
    "how much have i spent on bills recently",
    "list everything I paid in March",
    "show what went in and out of my account last month",
    "show me my recent transactions",
    "my last 3 transactions",
    "show my pending transactions",
    "credit card transactions",
    "show me my 5 biggest transactions",
    "show transactions from November 3 to November 10",
    "list purchases from this morning",
    "show my visa transactions",
    "show my declined transactions",
    "ATM transactions this week",
  ])("names no merchant: %s", (text) => {
    expect(extractSpendingTarget(text)?.kind).not.toBe("merchant");
  });

  it.each([
    "show my atm withdrawals",
    "list all of my cash withdrawals this month",
    "how much cash did i take out last week",
    "how much did i take out of the atm",
    "when did i last withdraw cash",
    "i took out cash yesterday, show me",
  ])("reads cash taken out as the cash category: %s", (text) => {
    expect(extractSpendingTarget(text)).toMatchObject({ kind: "category", category: "cash" });
  });

  // explore27: "show me transfers i made last month" listed every transaction.
  it.each(["show me transfers i made last month", "my transfers this month", "list all the transfers i sent in november"])("reads transfers as the transfers category: %s", (text) => {
    expect(extractSpendingTarget(text)).toMatchObject({ kind: "category", category: "transfers" });
  });

  it.each(["show my transfers to jordan", "transfers from savings", "send a transfer to mom"])("does not read %s as the transfers category", (text) => {
    const target = extractSpendingTarget(text);
    expect(target?.kind === "category" ? target.category : undefined).not.toBe("transfers");
  });

  it.each(["how much cash do i have", "how much did i spend on coffee", "my cashback rewards"])("does not read %s as cash taken out", (text) => {
    const target = extractSpendingTarget(text);
    expect(target?.kind === "category" ? target.category : undefined).not.toBe("cash");
  });

  it.each(["have i made my payments on time", "what transactions are on hold", "which payments are on autopay"])("names no merchant in %s", (text) => {
    expect(extractSpendingTarget(text)).toBeNull();
  });

  it("returns null for total spending", () => {
    expect(extractSpendingTarget("how much did i spend in total last month")).toBeNull();
    expect(extractSpendingTarget("how much did I spend yesterday")).toBeNull();
    expect(extractSpendingTarget("what's my balance")).toBeNull();
  });

  it("maps merchants to the customer's known spelling", () => {
    expect(extractSpendingTarget("how much did i spend at mc donalds", ["McDonald's"])).toMatchObject({ merchant: "McDonald's" });
    expect(extractSpendingTarget("how much did I spend at starbucks this month", ["Starbucks"])).toMatchObject({ merchant: "Starbucks" });
  });

  it("reads a merchant after 'from' in a list request, and no period or account as one", () => {
    expect(extractSpendingTarget("can you show me everything from amazon")).toMatchObject({ kind: "merchant", merchant: "amazon" });
    expect(extractSpendingTarget("show me purchases from walmart last week")).toMatchObject({ kind: "merchant", merchant: "walmart" });
    for (const text of ["transactions from last week", "transactions from my savings account", "show transactions from checking", "transactions from 3 november to 10 november"]) {
      expect(extractSpendingTarget(text), text).toBeNull();
    }
  });

  it("reads subscriptions asked about with no spending words as that category", () => {
    for (const text of ["do i have any subscriptions", "what subscriptions do i have", "list my memberships"]) {
      expect(extractSpendingTarget(text), text).toMatchObject({ kind: "category", category: "subscriptions" });
    }
  });

  // explore26: "daily grind" read as "daily" spending: the total was given.
  it.each([
    ["how much did i spend at daily grind", "daily grind"],
    ["show my transactions at daily grind", "daily grind"],
    ["what did i spend at the daily grind last month", "daily grind"],
    ["how much did i spend at new york deli", "new york deli"],
    ["purchases at old navy", "old navy"],
  ])("'%s' names the merchant %s", (text, merchant) => {
    expect(extractSpendingTarget(text)).toMatchObject({ kind: "merchant", merchant });
  });

  it.each(["what is my daily spending", "how much did i spend on daily coffee", "transactions at my new card", "how much did i spend on my new card"])(
    "'%s' names no merchant from a describing word alone",
    (text) => {
      const target = extractSpendingTarget(text);
      expect(target?.kind === "merchant" ? target.merchant : "").not.toMatch(/^(?:daily|new|my)\b/);
    },
  );

  // explore26: money sent to someone, asked about: its total was every payment's.
  it.each([
    ["how much did i send chidi this month", "chidi"],
    ["how much did i send to chidi this month", "chidi"],
    ["how much did i transfer to my mom last month", "mom"],
    ["what did i send to john last week", "john"],
  ])("'%s' names whom it went to: %s", (text, merchant) => {
    expect(extractSpendingTarget(text)).toMatchObject({ kind: "merchant", merchant });
  });

  it.each(["send 50 to chidi", "transfer 100 to savings", "transfer $1,760 from savings to checking", "send $20 to jordan", "how much money did i send", "send money to mom", "how much did i send today", "how much can i transfer to a payee"])("'%s' names no one sent to", (text) => {
    expect(extractSpendingTarget(text)).toBeNull();
  });
});

describe("extractSpendingTarget, crowd30", () => {
  // Every category's total was the answer to these.
  it.each([
    ["what did my groceries come to last month", { kind: "category", category: "groceries" }],
    ["what has amazon cost me this year", { kind: "merchant", merchant: "amazon" }],
    ["how much did eating out add up to this month", { kind: "category", category: "dining" }],
    ["what's the damage on restaurants this month", { kind: "category", category: "dining" }],
    ["my total at starbucks since october", { kind: "merchant", merchant: "starbucks" }],
    ["what did my coffee purchases cost me", { kind: "category", category: "coffee" }],
    ["what did i get charged for at the pharmacy", { kind: "category", category: "health" }],
    ["what was i charged at target yesterday", { kind: "merchant", merchant: "target" }],
  ])("%s", (text, expected) => {
    expect(extractSpendingTarget(text)).toMatchObject(expected);
  });

  it.each(["whats the damage for last month", "what's my total for this month", "what's the total on my card", "give me the total for my purchases this year"])(
    "names nothing in %s",
    (text) => {
      expect(extractSpendingTarget(text)).toBeNull();
    },
  );
});

describe("extractSpendingTarget, session 27", () => {
  it.each([
    ["how much did i spend on rent last month", "rent"],
    ["how much do i spend on utilities", "utilities"],
    ["how much did i spend on bills", "bills"],
    ["how much was my electric bill last month", "utilities"],
    ["what was my water bill in october", "utilities"],
    ["how much was my phone bill", "phone"],
    ["how much did i pay for my internet bill", "internet"],
  ])("reads %s as the category %s", (text, category) => {
    expect(extractSpendingTarget(text)).toMatchObject({ kind: "category", category });
  });

  it("reads the merchant that charged", () => {
    expect(extractSpendingTarget("how much did uber charge me last month")).toMatchObject({ kind: "merchant", merchant: "uber" });
    expect(extractSpendingTarget("what has netflix charged me this year")).toMatchObject({ kind: "merchant", merchant: "netflix" });
    expect(extractSpendingTarget("how much did you charge me")).toBeNull();
  });

  it("names no merchant in 'the most i spent in one go'", () => {
    expect(extractSpendingTarget("whats the most i spent in one go this month")).toBeNull();
    expect(extractSpendingTarget("the most i ever paid at once")).toBeNull();
  });
});

describe("extractSpendingTarget, a transfer's words", () => {
  it.each(["please transfer two hundred and fifty bucks to anne", "transfer fifty bucks to my savings", "i need to send one thousand three hundred and twenty bucks to mahmoud"])(
    "names no merchant in the amount of '%s'",
    (text) => {
      const target = extractSpendingTarget(text);
      expect(target?.kind === "merchant" ? target.merchant : "").not.toMatch(/bucks|savings/);
    },
  );
  it("leaves 'please' out of a name", () => {
    expect(extractSpendingTarget("help me do a transfer to my roommate please")).toMatchObject({ merchant: "roommate" });
  });
});

describe("extractSpendingTarget, session 28", () => {
  it("reads eating out as dining, and a category bought", () => {
    expect(extractSpendingTarget("how much did i spend eating out last month")).toMatchObject({ kind: "category", category: "dining" });
    expect(extractSpendingTarget("how many times did i eat out last month")).toMatchObject({ kind: "category", category: "dining" });
    expect(extractSpendingTarget("how often do i buy coffee")).toMatchObject({ kind: "category", category: "coffee" });
  });

  it("reads where a customer went only when asked how often", () => {
    expect(extractSpendingTarget("how many times did i go to bluebird coffee this month")).toMatchObject({ kind: "merchant", merchant: "bluebird coffee" });
    expect(extractSpendingTarget("how many times did i shop at trader bay last month")).toMatchObject({ kind: "merchant", merchant: "trader bay" });
    // Session 29: used, paid, ordered from.
    expect(extractSpendingTarget("how often did i use ridenow last month")).toMatchObject({ kind: "merchant", merchant: "ridenow" });
    expect(extractSpendingTarget("how many times did i pay pulse gym this year")).toMatchObject({ kind: "merchant", merchant: "pulse gym" });
    expect(extractSpendingTarget("how often do i order from sakura sushi")).toMatchObject({ kind: "merchant", merchant: "sakura sushi" });
    expect(extractSpendingTarget("how many times did i pay rent this year")).toMatchObject({ kind: "category", category: "rent" });
    for (const t of ["how do i go to settings", "i want to buy a house", "i want to pay jordan", "can i use my card abroad", "can i get a new card", "how often do i get paid", "i got a new phone number"]) {
      expect(extractSpendingTarget(t), t).toBeNull();
    }
  });
});

describe("extractSpendingTarget, explore32", () => {
  it("reads a category named before one purchase ('my last dining purchase')", () => {
    expect(extractSpendingTarget("what was my last dining purchase")).toMatchObject({ kind: "category", category: "dining" });
    expect(extractSpendingTarget("my latest grocery charge")).toMatchObject({ kind: "category", category: "groceries" });
    expect(extractSpendingTarget("whats my last amazon purchase")).toBeNull();
  });
});

describe("extractSpendingTarget, crowd29", () => {
  it("reads a category named before the purchases anywhere in the message", () => {
    expect(extractSpendingTarget("total of my restaurant purchases in march")).toMatchObject({ kind: "category", category: "dining" });
    expect(extractSpendingTarget("how much do my grocery purchases add up to")).toMatchObject({ kind: "category", category: "groceries" });
    expect(extractSpendingTarget("what did my coffee purchases cost me this year")).toMatchObject({ kind: "category", category: "coffee" });
    expect(extractSpendingTarget("what was the cost of my restaurant trips last month")).toMatchObject({ kind: "category", category: "dining" });
  });

  it("names nothing when the word before the purchases is no category", () => {
    expect(extractSpendingTarget("what's the grand total of my purchases from last month")).toBeNull();
    expect(extractSpendingTarget("total of my recent purchases")).toBeNull();
    expect(extractSpendingTarget("how much did my credit card purchases come to last month")).toBeNull();
  });
});

describe("extractSpendingTarget, explore29", () => {
  it("reads 'how much on …' / 'how much at …' with no verb", () => {
    expect(extractSpendingTarget("how much on groceries this month")).toMatchObject({ kind: "category", category: "groceries" });
    expect(extractSpendingTarget("how much at bluebird coffee this week", ["Bluebird Coffee"])).toMatchObject({ kind: "merchant", merchant: "Bluebird Coffee" });
    for (const t of ["how much on my card", "how much is on my card", "how much on this month"]) expect(extractSpendingTarget(t), t).toBeNull();
  });

  // explore30: a narrower thing than its category, and where it is filed.
  it("filedUnder names the narrower thing and its category, or nothing", () => {
    expect(filedUnder("how much did i spend on parking")).toEqual({ word: "parking", category: "transport" });
    expect(filedUnder("when did i last pay for the gym")).toEqual({ word: "gym", category: "health" });
    expect(filedUnder("how much did i spend on transport")).toBeUndefined();
    expect(filedUnder("how much did i spend on groceries")).toBeUndefined();
  });
});

describe("extractSpendingTarget, session 31", () => {
  it("reads no merchant in 'anything' / 'something', but the place after it", () => {
    for (const t of ["did i get charged twice for anything", "was i charged twice for something", "did i buy anything else"]) expect(extractSpendingTarget(t), t).toBeNull();
    expect(extractSpendingTarget("was i charged for anything at amazon")).toMatchObject({ kind: "merchant", merchant: "amazon" });
  });
});
