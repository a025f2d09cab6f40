/**
 * Wave 3, explore32: everyday customers by hand (`npm start`, the three seeded customers), and what
 * they got wrong. Each turn below failed before its fix (what it got is said beside it).
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee and City Power & Light.
 */
import { describe, it } from "vitest";
import { daysAgo, lastMonth, runScript } from "./script.js";

describe("everyday customers by hand (explore32)", () => {
  it("'what was the last thing i tried to buy' / 'what did i buy last' name the one purchase (ten were listed)", async () => {
    await runScript("e32-last-bought", {
      history: [
        { merchant: "Fresh Market", category: "Groceries", amount: -42_00, postedAt: daysAgo(3) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -38_50, postedAt: daysAgo(2) },
        { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_75, postedAt: daysAgo(1) },
      ],
      turns: [
        { say: "what was the last thing i tried to buy", expect: { text: /^Your most recent purchase was \$4\.75 at “Bluebird Coffee”/ } },
        { say: "what did i buy last", expect: { text: /^Your most recent purchase was \$4\.75 at “Bluebird Coffee”/ } },
        // Before: the ten most recent transactions, every category.
        { say: "what was my last dining purchase", expect: { text: /\$38\.50 at “Sakura Sushi”/, notText: /Bluebird|10 most recent/ } },
      ],
    });
  });

  it("'how much have i spent on my card' counts card purchases, never the rent or a transfer out of checking", async () => {
    await runScript("e32-card-spend", {
      history: [
        { merchant: "Harbor View Apartments", category: "Rent", amount: -650_00, postedAt: daysAgo(0) },
        { merchant: "Fresh Market", category: "Groceries", amount: -42_00, postedAt: daysAgo(0) },
        { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_75, postedAt: daysAgo(0) },
      ],
      turns: [
        // Before: "You spent $696.75 … Top categories: Rent $650.00, …".
        { say: "how much have i spent on my card", expect: { intent: "spending", text: /\$46\.75/, notText: /Rent|\$696\.75/ } },
      ],
    });
  });

  it("'whats my rent' is the rent's last payment, as 'how much is my rent' is (it got 'Sorry, I can't help with that')", async () => {
    await runScript("e32-whats-rent", {
      history: [{ merchant: "Harbor View Apartments", category: "Rent", amount: -650_00, postedAt: lastMonth(1) }],
      turns: [{ say: "whats my rent", expect: { text: /Harbor View Apartments[\s\S]*\$650\.00/, notText: /can't help/ } }],
    });
  });

  it("'move 100 to savings and then show me my balance' shows the balance after the transfer, not before it", async () => {
    await runScript("e32-balance-after", {
      turns: [
        // Before: "Your balances: … $1,000.00 …" above the card, the figures from before the transfer.
        { say: "move 100 to savings and then show me my balance", expect: { confirmation: true, text: /Send \$100\.00 from Everyday Checking/, notText: /\$1,000\.00/ } },
        { say: "yes", press: "yes", expect: { text: /Done — I sent \$100\.00[\s\S]*\$900\.00[\s\S]*\$5,100\.00/ }, balances: { checking: 900_00, savings: 5_100_00 } },
        // Asked before it, the balance still comes first (as before).
        { say: "what's my balance and then send 10 to savings", expect: { confirmation: true, text: /^Your balances:[\s\S]*\$900\.00[\s\S]*Send \$10\.00/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 900_00 } },
      ],
    });
  });

  it("'what about last month' / 'and dining?' after a spending answer given while a card change waits are that read again (a list of 50 transactions, then 'Sorry')", async () => {
    await runScript("e32-read-aside", {
      history: [
        { merchant: "Fresh Market", category: "Groceries", amount: -20_00, postedAt: daysAgo(0) },
        { merchant: "Fresh Market", category: "Groceries", amount: -90_00, postedAt: lastMonth(10) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -40_00, postedAt: lastMonth(11) },
      ],
      turns: [
        { say: "freeze my visa", expect: { text: /Visa ••4242 is frozen/ } },
        { say: "unfreeze my visa", expect: { confirmation: true, text: /Unfreeze Visa ••4242/ } },
        { say: "how much did i spend on groceries", expect: { text: /You spent \$20\.00 on groceries/, confirmation: true } },
        { say: "what about last month", expect: { text: /^You spent \$90\.00 on groceries between 1 /, notText: /transactions/, confirmation: true } },
        { say: "and dining?", expect: { text: /^You spent \$40\.00 on dining between 1 /, notText: /didn't catch/, confirmation: true } },
        { say: "no", press: "no", expect: { text: /haven't changed anything/ } },
      ],
    });
  });

  it("'oh wait found it' right after a lost card was frozen offers to unfreeze it (it got 'Sorry, I can't help with that')", async () => {
    await runScript("e32-found-after-freeze", {
      turns: [
        { say: "freeze my visa i think i lost it", expect: { text: /Visa ••4242 is frozen/ } },
        { say: "oh wait found it", expect: { confirmation: true, text: /Glad you found it[\s\S]*Unfreeze Visa ••4242/, notText: /can't help/ } },
        { say: "yes", press: "yes", expect: { text: /Visa ••4242 is active again/ } },
      ],
    });
  });

  it("'sned 20 to jordna' says the saved payee it took the slip for, and still asks before sending (it went to Jordan Lee without a word)", async () => {
    await runScript("e32-payee-slip", {
      turns: [
        { say: "sned 20 to jordna", expect: { intent: "transfer", text: /^I took “jordna” to be your saved payee “Jordan Lee”\.[\s\S]*Which account/ } },
        { say: "checking", expect: { confirmation: true, text: /Send \$20\.00 from Everyday Checking[\s\S]*“Jordan Lee”/ } },
        { say: "no", press: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});
