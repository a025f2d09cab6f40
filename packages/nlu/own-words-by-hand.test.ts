import { describe, expect, it } from "vitest";
import { OWN_WORDS_BY_HAND_RULES } from "./own-words-by-hand";
import { plainRequestIntent } from "./requests";

// Found using Teller by hand (session 22); none a public row (rule-check.ts claims no row with another label).
describe("OWN_WORDS_BY_HAND_RULES: an account's statement", () => {
  it.each([
    "can i get a copy of my statement",
    "how do i get my bank statement",
    "download statement",
    "where can i download my monthly statements",
    "i need a bank statement for my checking account",
    "can you send me my last statement please",
    "bank statement please",
    "print my october statement",
  ])("%s → account_statement", (text) => {
    expect(plainRequestIntent(text)).toBe("account_statement");
  });

  it.each(["when is my credit card statement due", "there is an extra charge on my statement", "what's my statement balance", "get my credit card statement"])(
    "leaves %s to the model",
    (text) => {
      expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
    },
  );
});

describe("OWN_WORDS_BY_HAND_RULES: a total of what was bought", () => {
  it.each(["total of my purchases last month", "the total of my purchases", "my total purchases this month", "what was the sum of all my charges in october", "total expenses for the past two weeks"])(
    "%s → spending",
    (text) => {
      expect(plainRequestIntent(text)).toBe("spending");
    },
  );

  it.each(["what is the total of my bank accounts", "total of my bills", "the total of my last purchase", "my total balance"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: a card payment not recognised, with its figure", () => {
  it.each(["i dont recognise a charge of 12.99", "i don't recognise a 12.99 charge", "I do not recognize this payment of $40 on my card", "i cant recognise a transaction for 30 dollars"])(
    "%s → card_payment_not_recognised",
    (text) => {
      expect(plainRequestIntent(text)).toBe("card_payment_not_recognised");
    },
  );

  it.each(["i don't recognise this direct debit", "i dont recognise the payee", "i don't recognise a transfer into my account"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: whether pay came in", () => {
  it.each(["is my paycheck in yet", "has my salary arrived", "did my wages land", "is my pay in", "has my direct deposit hit yet", "can you check if my paycheck hit yet", "could you tell me if my direct deposit came in"])("%s → transactions", (text) => {
    expect(plainRequestIntent(text)).toBe("transactions");
  });

  it.each(["is my payment pending", "did my pay rise come through", "has my payee been added"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: money to someone not saved", () => {
  it.each(["can i send money to someone who isn't saved", "how do i pay someone new", "can i transfer money to a new person", "is it possible to send money to someone not on my list", "i want to pay a new payee"])(
    "%s → add_payee",
    (text) => {
      expect(plainRequestIntent(text)).toBe("add_payee");
    },
  );

  it.each(["send money to my friend", "pay jordan lee", "send 50 to someone"])("leaves %s to the other rules and the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: one charge by its figure (explore25)", () => {
  it.each(["whats that 61.63 from tuesday", "what was the 5.57 charge", "find the 14.99 charge", "what is this $23.40 payment", "what's the charge for 12.99 on my card", "what was the 5.57 charge for", "whats that 61.63 from the 3rd"])(
    "%s → transactions",
    (text) => {
      expect(plainRequestIntent(text)).toBe("transactions");
    },
  );

  it.each(["What is the $1 transaction on my account?", "whats that 20", "send the 61.63 to savings", "why was i charged 5.57 twice"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: what was paid at a merchant (session 26)", () => {
  it.each(["what did i pay at costco on tuesday", "what i paid for at costco on tuesday", "what did i pay for at target last week", "what was i charged at the gas station yesterday", "what have i paid at trader joe's this month"])(
    "%s → transactions",
    (text) => {
      expect(plainRequestIntent(text)).toBe("transactions");
    },
  );

  it.each(["how much did i pay at costco", "what did i pay at the atm", "what did i pay at checkout"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.slice(0, 1).some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: how long money takes to reach another bank (session 26)", () => {
  it.each(["how long does a transfer to another bank take", "how long will a payment to someone else's bank take", "how long does it take for money to reach another bank"])(
    "%s → transfer_timing",
    (text) => {
      expect(plainRequestIntent(text)).toBe("transfer_timing");
    },
  );
});

describe("OWN_WORDS_BY_HAND_RULES: a charge asked about by its merchant (session 26)", () => {
  it.each(["what's this charge from uber", "whats that payment to spotify on my card", "what was the charge from amazon on tuesday"])("%s → transactions", (text) => {
    expect(plainRequestIntent(text)).toBe("transactions");
  });

  it.each(["what is this charge on my card?", "what is the charge for receiving a sepa transfer?"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.slice(0, 1).some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: a new repeating payment (session 26)", () => {
  it.each([
    "set up a monthly payment of 2100 to harbor view on the 1st",
    "set up a monthly payment to my landlord",
    "i want to create a weekly transfer of 50 to savings every friday",
    "can you set up a recurring payment of $40 to jordan starting next week",
  ])("%s → transfer", (text) => {
    expect(plainRequestIntent(text)).toBe("transfer");
  });
});

describe("OWN_WORDS_BY_HAND_RULES: payments that go out on their own (session 27)", () => {
  it.each(["do i have any direct debits", "whats on autopay", "what bills get paid automatically", "show me my direct debits", "what automatic payments do i have"])("reads '%s' as the scheduled list", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.find(([, pattern]) => pattern.test(text))?.[2]).toBe("scheduled_payments");
  });
  it.each(["there is a direct debit i dont recognise", "what is this direct debit"])("leaves '%s' to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: net worth (session 28)", () => {
  it.each(["whats my net worth", "what is my total net worth", "how much am i worth", "what's my net worth across all my accounts"])("reads '%s' as a balance", (text) => {
    expect(plainRequestIntent(text)).toBe("balance");
  });
  it.each(["is it worth opening a savings account", "what is my car worth"])("leaves '%s' to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: a card paid from an account, asked (session 28)", () => {
  it.each(["can i pay my card with savings", "could i pay off my credit card from checking", "can i pay the card bill using my savings account"])("reads '%s' as a bill payment", (text) => {
    expect(plainRequestIntent(text)).toBe("pay_bill");
  });
  it.each(["can i pay my card with my phone", "can i pay with my card"])("leaves '%s' to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_BY_HAND_RULES: personal details (session 28)", () => {
  it.each(["how do i update my email", "can i change my phone number", "i need to update my mailing address on my account"])("reads '%s' as editing personal details", (text) => {
    expect(plainRequestIntent(text)).toBe("edit_personal_details");
  });
  it.each(["update my email notifications", "what is my email"])("leaves '%s' to the model", (text) => {
    expect(OWN_WORDS_BY_HAND_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});
