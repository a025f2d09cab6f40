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
});
