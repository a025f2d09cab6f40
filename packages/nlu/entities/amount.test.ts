import { describe, expect, it } from "vitest";
import { amountsMeant, extractAmount, extractAmounts, parseNumberWords, readAmount } from "./amount";

const ok = (minor: number, currency: string, currencySpecified = true) =>
  expect.objectContaining({ minor, currency, currencySpecified });

describe("extractAmount", () => {
  it.each([
    ["send $25 to alex", ok(2500, "USD")],
    ["pay 25.50", ok(2550, "USD", false)],
    ["send twenty five dollars to dan", ok(2500, "USD")],
    ["twenty-five dollars and fifty cents", ok(2550, "USD")],
    ["send a hundred bucks", ok(10000, "USD")],
    ["€40 to pierre", ok(4000, "EUR")],
    ["40€ please", ok(4000, "EUR")],
    ["wire 1,250.00 to my landlord", ok(125000, "USD", false)],
    ["transfer £3.5", ok(350, "GBP")],
    ["pay alex 50p", ok(50, "GBP")],
    ["USD 12 to mum", ok(1200, "USD")],
    ["send 0.1 to sam", ok(10, "USD", false)],
    ["pay 2k to the landlord", ok(200000, "USD", false)],
  ])("%s", (text, expected) => {
    const amount = extractAmount(text);
    expect(amount).toEqual(expected);
    expect(Number.isInteger((amount as { minor: number }).minor)).toBe(true);
  });

  it("uses the default currency only when none is written", () => {
    expect(extractAmount("send 20 to alex", { defaultCurrency: "GBP" })).toEqual(ok(2000, "GBP", false));
    expect(extractAmount("send $20 to alex", { defaultCurrency: "GBP" })).toEqual(ok(2000, "USD", true));
  });

  it("rejects negative amounts instead of dropping the sign", () => {
    for (const text of ["send -100 to bob", "send $-5", "minus 20 to tom", "−30 euros"]) {
      expect(extractAmount(text), text).toMatchObject({ invalid: "negative" });
    }
  });

  it("flags scientific notation and absurd values", () => {
    expect(extractAmount("send 1e9 to bob")).toMatchObject({ invalid: "format" });
    expect(extractAmount("send 1E3 dollars")).toMatchObject({ invalid: "format" });
    expect(extractAmount("send 5000000 to alex")).toMatchObject({ invalid: "too_large" });
    expect(extractAmount("1,000,000.01 dollars")).toMatchObject({ invalid: "too_large" });
    expect(extractAmount("send 99999999999999999999 dollars")).toMatchObject({ invalid: "too_large" });
    expect(extractAmount("send 500", { maxMinor: 10_000 })).toMatchObject({ invalid: "too_large" });
  });

  it("refuses ambiguous or over-precise formats", () => {
    expect(extractAmount("send 25,50 to alex")).toMatchObject({ invalid: "format" });
    expect(extractAmount("send 10.555 dollars")).toMatchObject({ invalid: "format" });
  });

  it("refuses a currency Teller does not hold, never reading it as dollars", () => {
    for (const text of ["send 10 yen", "send 100 bitcoin to Mom", "send 100 bitcoins to mom", "transfer 2 btc", "pay 500 pesos to jake", "send fifty rupees"]) {
      expect(extractAmount(text), text).toMatchObject({ invalid: "currency" });
    }
    expect(extractAmount("send 20 real quick to mom"), "not a currency").toMatchObject({ minor: 20_00, currency: "USD" });
  });

  it("does not mistake card digits, counts, dates or ordinals for money", () => {
    for (const text of ["freeze the card ending 4242", "show the last 30 days", "my last 5 transactions", "since the 3rd", "spending in 2024", "what's my balance"]) {
      expect(extractAmount(text), text).toBeNull();
    }
  });

  it("reads a bare number after \"a transfer of\" or \"the amount of\" as money", () => {
    expect(extractAmount("make a transfer of 300 from checking to savings")).toEqual(ok(30000, "USD", false));
    expect(extractAmount("I'd like to send the amount of 1,320 to Amir")).toEqual(ok(132000, "USD", false));
    expect(extractAmount("a payment of 45.50 to my landlord")).toEqual(ok(4550, "USD", false));
    // Still not money: "of" after other words, or a count after "of".
    expect(extractAmount("show the first 3 of my transactions")).toBeNull();
    expect(extractAmount("a total of 5 transactions")).toBeNull();
    expect(extractAmount("my spending of 2024")).toBeNull();
    expect(extractAmounts("what is the sum of 3 plus 5")).toHaveLength(1);
  });

  it("reads 'the 30 I owe him' as money: a sum owed, not a day of the month (nlu7)", () => {
    expect(extractAmount("pay back jess the 45 i owe her")).toEqual(ok(4500, "USD", false));
    expect(extractAmount("send dan the 20 that i borrowed")).toEqual(ok(2000, "USD", false));
    expect(extractAmount("send him the 60 back")).toEqual(ok(6000, "USD", false));
    // Still a day: "the 15th", "due the 30".
    expect(extractAmount("pay rent on the 15th")).toBeNull();
    expect(extractAmount("my bill is due the 30")).toBeNull();
  });

  it("takes the amount said after a correction (nlu7)", () => {
    expect(extractAmount("send 40 euros, sorry, 40 dollars to Ana")).toEqual(ok(4000, "USD", true));
    expect(extractAmount("transfer 20 to savings, no wait, make that 25")).toEqual(ok(2500, "USD", false));
    expect(extractAmount("pay 15 pounds... i mean 15 dollars")).toEqual(ok(1500, "USD", true));
    // No correction: the first with a currency, as before.
    expect(extractAmount("send 40 dollars to Ana, sorry for the trouble")).toEqual(ok(4000, "USD", true));
  });

  it("reads 'half a grand' as half of it (nlu7)", () => {
    expect(extractAmount("send half a grand to my brother")).toEqual(ok(50000, "USD", false));
    expect(extractAmount("move half a thousand dollars to savings")).toEqual(ok(50000, "USD", true));
    expect(extractAmount("pay him half a hundred and five dollars")).toEqual(ok(5250, "USD", true));
    expect(extractAmount("send a grand to my brother")).toEqual(ok(100000, "USD", false));
  });

  it("reads digits followed by a scale word as one amount", () => {
    expect(extractAmounts("send 2 hundred bucks to Sam")).toEqual([ok(20000, "USD")]);
    expect(extractAmounts("send 1 thousand dollars to Sam")).toEqual([ok(100000, "USD")]);
    expect(extractAmount("transfer 1.5 thousand dollars")).toEqual(ok(150000, "USD"));
    expect(extractAmount("move 3 grand to savings")).toEqual(ok(300000, "USD", false));
    expect(extractAmounts("send 2 hundred and fifty dollars to Sam")).toEqual([ok(25000, "USD")]);
    expect(extractAmounts("send 1 thousand two hundred bucks")).toEqual([ok(120000, "USD")]);
    expect(extractAmount("send 2 hundred thousand dollars")).toEqual(ok(20_000_000, "USD"));
    expect(extractAmount("send 1.1 thousand dollars")).toEqual(ok(110_000, "USD"));
  });

  it("prefers the mention with a currency", () => {
    expect(extractAmount("from account ending 1234 send 3 people $45")).toEqual(ok(4500, "USD"));
    expect(extractAmounts("pay 20 now and $5 later")).toHaveLength(2);
  });
});

describe("parseNumberWords", () => {
  it("handles compound numbers", () => {
    expect(parseNumberWords(["two", "hundred", "and", "fifty"])).toBe(250);
    expect(parseNumberWords(["one", "thousand", "two", "hundred"])).toBe(1200);
    expect(parseNumberWords(["forty-two"])).toBe(42);
    expect(parseNumberWords(["banana"])).toBeNull();
  });
});

describe("a sum said with not (nlu8)", () => {
  it("is not the amount meant when another is said", () => {
    expect(extractAmount("not 40, pay 45 to my sister")).toMatchObject({ minor: 4500 });
    expect(extractAmount("pay 45 instead of 40")).toMatchObject({ minor: 4500 });
    expect(extractAmount("send not more than 40")).toMatchObject({ minor: 4000 });
  });
});

describe("a transfer to an account of a sum (nlu8)", () => {
  it("reads the sum after the account", () => {
    expect(extractAmount("make a transfer into checking of 250")).toMatchObject({ minor: 25000 });
    expect(extractAmount("a payment from my savings account of 90")).toMatchObject({ minor: 9000 });
  });
});

describe("cents said after the currency word (nlu9)", () => {
  it("adds them to the whole amount", () => {
    expect(extractAmount("send 12 dollars and 50 cents to Jordan Lee")).toEqual(ok(1250, "USD"));
    expect(extractAmount("send hannah 5 dollars and 5 cents")).toEqual(ok(505, "USD"));
    expect(extractAmount("pay 12 dollars 75 cents")).toEqual(ok(1275, "USD"));
    expect(extractAmount("move 30 bucks and fifty cents to savings")).toEqual(ok(3050, "USD"));
    expect(extractAmounts("send 12 dollars and 50 cents")).toHaveLength(1);
  });

  it("refuses cents it cannot add exactly", () => {
    expect(extractAmount("send 12.30 dollars and 50 cents")).toMatchObject({ invalid: "format" });
    expect(extractAmount("send 12 dollars and 150 cents")).not.toEqual(ok(1250, "USD"));
  });
});

describe("cents after a symbol before the figure (nlu11)", () => {
  it("adds them to the units: never the units alone", () => {
    expect(extractAmount("send $12 and 50c to Jordan")).toEqual(ok(1250, "USD"));
    expect(extractAmount("send $12 and 50 cents to Jordan")).toEqual(ok(1250, "USD"));
    expect(extractAmount("send $12 and fifty cents")).toEqual(ok(1250, "USD"));
    expect(extractAmount("€3 and 20 cents")).toEqual(ok(320, "EUR"));
    expect(extractAmounts("send $12 and 50c to Jordan")).toHaveLength(1);
  });

  it("refuses cents after units not named as money rather than guess", () => {
    expect(extractAmount("send 12 and 50 cents")).toMatchObject({ invalid: "format" });
  });
});

describe("a figure with cents after 'the' (nlu9)", () => {
  it("is money: 'the 42.10 one'", () => {
    expect(extractAmount("the 42.10 one")).toEqual(ok(4210, "USD", false));
    expect(extractAmount("dispute the 42.10 at shell yesterday")).toEqual(ok(4210, "USD", false));
  });

  it("is still not money after a card or account number's words", () => {
    expect(extractAmount("the card ending 42.10")).toBeNull();
  });
});

describe("numbers in a story before the request (nlu9)", () => {
  it("a count of things is not the amount", () => {
    expect(extractAmount("my two kids need new shoes, send 20 to mom")).toEqual(ok(2000, "USD", false));
    expect(extractAmount("i have three kids and two dogs, please send 45 to my mom")).toEqual(ok(4500, "USD", false));
    expect(extractAmount("after two weeks of waiting, send 60 to victor")).toEqual(ok(6000, "USD", false));
    expect(extractAmount("could you send my two sons 50 each")).toEqual(ok(5000, "USD", false));
    expect(extractAmount("we are 4 friends")).toBeNull();
    // A slip of a currency word is not a thing counted.
    expect(extractAmount("send 25 dollers to kevin")).toEqual(ok(2500, "USD", false));
    expect(extractAmount("send 20 pls")).toEqual(ok(2000, "USD", false));
  });

  it("a sum in the story is not the one the request sends", () => {
    expect(extractAmount("my rent is 1400 but i only need to move 300 from savings")).toEqual(ok(30000, "USD", false));
    expect(extractAmount("the bill came to 64, send my half of 32 to eric")).toEqual(ok(3200, "USD", false));
    expect(extractAmount("I spent $40 at dinner, send 20 to mom")).toEqual(ok(2000, "USD", false));
    expect(amountsMeant("the bill came to 64, send my half of 32 to eric")).toEqual([ok(3200, "USD", false)]);
  });

  it("keeps a sum before the verb that is itself sent somewhere, and one with none after the verb", () => {
    expect(extractAmount("$50 to jo and put 20 in savings")).toEqual(ok(5000, "USD"));
    expect(extractAmount("my sister paid for dinner and i owe her 60, can you send it")).toEqual(ok(6000, "USD", false));
  });
});

describe("two small number words that make no one number (nlu9)", () => {
  it("are not read as their sum", () => {
    expect(parseNumberWords(["three", "fifty"])).toBeNull();
    expect(parseNumberWords(["nineteen", "ninety"])).toBeNull();
    expect(parseNumberWords(["twenty", "five"])).toBe(25);
    expect(parseNumberWords(["one", "hundred", "twenty", "five"])).toBe(125);
    // Session 25: not their sum, and no longer nothing either: a spoken price, asked about (below).
    expect(extractAmount("transfer three fifty to tom")).toMatchObject({ invalid: "format", detail: "spoken price" });
  });
});

describe("a price said the way people say one (session 25)", () => {
  it("is unreadable as one sum and carries both sums it could be", () => {
    // Before: no amount at all, and "twenty" was taken for a recipient's name.
    expect(extractAmount("send twenty five fifty to savings")).toEqual({
      invalid: "format",
      detail: "spoken price",
      text: "twenty five fifty",
      readings: [ok(2550, "USD", false), ok(255000, "USD", false)],
    });
    expect((extractAmount("pay three fifty to tom") as { readings: Array<{ minor: number }> }).readings.map((r) => r.minor)).toEqual([350, 35000]);
    expect((extractAmount("nineteen ninety nine dollars to mom") as { readings: Array<{ minor: number; currencySpecified: boolean }> }).readings).toMatchObject([
      { minor: 1999, currencySpecified: true },
      { minor: 199900, currencySpecified: true },
    ]);
  });

  it("leaves one number said in words as it was", () => {
    expect(extractAmount("send twenty five to savings")).toEqual(ok(2500, "USD", false));
    expect(extractAmount("send one hundred twenty five to savings")).toMatchObject({ minor: 12500 });
  });
});

describe("a dotted run of digits (session 25)", () => {
  it("is no sum: '20.5.5' was read as $20.50; money-marked it is unreadable", () => {
    expect(extractAmount("send 20.5.5 to savings")).toBeNull();
    expect(extractAmount("send 20 on 12.05.2026")).toEqual(ok(2000, "USD", false));
    expect(extractAmount("send $20.5.5 to jordan")).toMatchObject({ invalid: "format", detail: "dotted digits" });
    expect(extractAmount("send $1,000.50 to jordan")).toMatchObject({ minor: 100050 });
  });
});

describe("two bare figures in a row (session 25)", () => {
  it("are offered as two sums: 'send 25 50' took $25.00 in silence", () => {
    expect(readAmount("send 25 50 to savings").choices?.map((a) => a.minor)).toEqual([2500, 5000]);
    expect(readAmount("send $25 $50 to savings").choices).toBeUndefined();
    expect(readAmount("send 25 to savings").choices).toBeUndefined();
  });
});

describe("two amounts side by side (readAmount)", () => {
  it("reports both sums of '10 and 20', '$15 or $25', and still weighs the amount as extractAmount does", () => {
    const reading = readAmount("send 10 and 20 to Jordan Lee");
    expect(reading.amount).toEqual(ok(1000, "USD", false));
    expect(reading.choices).toEqual([ok(1000, "USD", false), ok(2000, "USD", false)]);
    expect(readAmount("send $15 or $25 to mom").choices).toEqual([ok(1500, "USD"), ok(2500, "USD")]);
    expect(readAmount("send 10 dollars, and also 20 to mom").choices?.map((a) => a.minor)).toEqual([1000, 2000]);
    expect(readAmount("send 10.50 plus 20 to mom").choices?.map((a) => a.minor)).toEqual([1050, 2000]);
  });

  it("gives a bare figure the currency written beside it", () => {
    expect(readAmount("send €10 or 20 to pierre").choices).toEqual([ok(1000, "EUR"), ok(2000, "EUR", false)]);
    expect(readAmount("send 10 or 20 euros to pierre").choices).toEqual([ok(1000, "EUR", false), ok(2000, "EUR")]);
  });

  it("reports no second sum for sums apart, the same sum twice, cents, dates, counts or a sum taken back", () => {
    for (const text of [
      "send 10 to Jordan Lee and 20 to my savings",
      "send 10 to Jordan Lee on the 1st and 15th",
      "send 10 and 10 to Jordan Lee",
      "send 12 dollars and 50 cents to Jordan Lee",
      "send $12 and 50c to Jordan Lee",
      "send 10 and 50 cents to Jordan Lee",
      "send 0 and 20 to Jordan Lee",
      "send 10 and 20, no sorry, 30 to Jordan Lee",
      "send 10 and 3 days later 20",
      "my last 5 and 10 transactions",
      "send 20 to mom",
    ]) {
      expect(readAmount(text).choices, text).toBeUndefined();
    }
  });

  it("takes the sums the request sends, not two said in the story before it", () => {
    expect(readAmount("the bills were 10 and 20, send 5 to mom").choices).toBeUndefined();
  });
});

describe("a figure after paying a card (sweep16)", () => {
  it("is the payment when it is not the card's last four digits", () => {
    expect(extractAmount("pay my credit card 50 from checking")).toEqual(ok(5000, "USD", false));
    expect(extractAmount("pay off my visa card 120.50")).toEqual(ok(12050, "USD", false));
    expect(extractAmount("pay the card 75")).toEqual(ok(7500, "USD", false));
  });

  it("stays the card's number when it is four digits or said as one", () => {
    expect(extractAmount("pay my credit card 3003")).toBeNull();
    expect(extractAmount("pay my card ending 3003")).toBeNull();
    expect(extractAmount("pay 40 to my card ending 3003")).toEqual(ok(4000, "USD", false));
    expect(extractAmount("freeze my card 4242")).toBeNull();
    expect(extractAmount("freeze card 42")).toBeNull();
  });
});

describe("a percentage is no amount (session 30)", () => {
  it.each(["move 20% of my balance to savings", "send 15 % to savings", "move 20 percent of my checking", "put 5 pct in savings"])("%j holds no amount", (text) => {
    expect(extractAmount(text)).toBeNull();
  });

  // explore30: "pay a couple hundred to my landlord" was $100.00: a rough sum is no amount to send.
  it.each(["pay a couple hundred to my landlord", "send a few hundred bucks to jordan", "move several thousand to savings", "a couple of hundred"])("%j is a rough sum, never a figure", (text) => {
    expect(extractAmount(text)).toMatchObject({ invalid: "vague" });
  });
  // Session 30: …and in digits ("a few 100 dollars" was $100.00).
  it.each(["send a few 100 dollars to jordan", "move a couple 1000 to savings", "several 1,000 bucks"])("%j in digits is a rough sum too", (text) => {
    expect(extractAmount(text)).toMatchObject({ invalid: "vague" });
  });
  it.each([["send two hundred to jordan", 20000], ["move a hundred to savings", 10000], ["send five hundred to jordan", 50000], ["send 100 dollars to jordan", 10000], ["pay the 1000 i owe", 100000]])("%j still reads its figure", (text, minor) => {
    expect(extractAmount(text)).toMatchObject({ minor });
  });
});

describe("one payment's figure after 'a' (session 32)", () => {
  it("reads 'a 500 payment' as money, but not '3 payments' or 'a 3 payment plan'", () => {
    expect(extractAmount("is there enough in checking for a 500 payment")).toMatchObject({ minor: 500_00 });
    expect(extractAmount("a 20 purchase at target")).toMatchObject({ minor: 20_00 });
    expect(extractAmount("i made 3 payments")).toBeNull();
    expect(extractAmount("i made a 3 payment plan")).toBeNull();
  });
});

describe("a figure after a name that ends like a word that rules money out (crowd32)", () => {
  // "send jason 25" read no amount: "on" at the end of "jason" was taken for "on 25" (a day).
  it.each([
    ["can i pay my son 45 for mowing the lawn", 4500],
    ["send jason 25", 2500],
    ["pay kevin 40", 4000],
    ["send erin 20", 2000],
    ["give simon 15", 1500],
  ])("%s → %i minor units", (text, minor) => {
    expect(extractAmount(text)).toMatchObject({ minor, currency: "USD" });
  });

  it("still reads the words themselves as no money", () => {
    for (const text of ["on 25", "in 3", "card ending in 4242", "the 15th", "since 2019", "from 2020"]) expect(extractAmount(text), text).toBeNull();
  });
});
