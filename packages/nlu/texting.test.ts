import { describe, expect, it } from "vitest";
import { spellOutTexting } from "./texting";

// Lines of the family that are not in the probe (scripts/nlu/probe-set-5.ts).
describe("spellOutTexting", () => {
  it.each([
    ["can u show my acct bal", "can you show my account balance"],
    ["pls xfer 40 2 my sis", "please transfer 40 to my sis"],
    ["need 2 see txns frm last wk", "need to see transactions from last week"],
    ["r u open on sun", "r you open on sunday"],
    ["how much did i spend this mo thru amazon", "how much did i spend this month through amazon"],
    ["$$ in savings rn?", "money in savings right now?"],
    // Session 28: "wen did i pay the water bill" began a bill payment.
    ["wen did i pay the water bill", "when did i pay the water bill"],
    ["send 15 4 lunch", "send 15 for lunch"],
    // sweep17: "last mnth" was this month ($0.00 spent).
    ["wat did i spnd on groceries last mnth", "what did i spend on groceries last month"],
    ["txns frm the past 3 mths", "transactions from the past 3 months"],
    // sweep19: "lst 5" read no count.
    ["show me my lst 5 transactions", "show me my last 5 transactions"],
  ])("%s → %s", (text, spelled) => {
    expect(spellOutTexting(text)).toBe(spelled);
  });

  it.each(["send 2 hundred to Ana", "move 2 grand into savings", "I have 2 cards", "U.S. dollars", "order 4 cards", "the sat nav", "send $20 to mo", "pay 4 dollars"])(
    "leaves %s as typed",
    (text) => {
      expect(spellOutTexting(text)).toBe(text);
    },
  );
});

// nlu9: a slip in "balance" or "transfer" (lines not in the probes).
describe("spellOutTexting: slips in the words a request turns on", () => {
  it.each([
    ["blaance please", "balance please"],
    ["whats my balnce", "whats my balance"],
    ["ballance in savings", "balance in savings"],
    ["trasnfer 40 to joe", "transfer 40 to joe"],
    ["tranfer money", "transfer money"],
  ])("%s → %s", (text, out) => {
    expect(spellOutTexting(text)).toBe(out);
  });

  it.each(["my balances", "two transfers", "the balancer", "tablets", "a valance curtain", "transferred yesterday"])("leaves %s as typed", (text) => {
    expect(spellOutTexting(text)).toBe(text);
  });
});

// explore31: a slip in a category or in "transactions" read every category's total or the latest ten.
describe("spellOutTexting: slips in a category and in transactions", () => {
  it.each([
    ["how much did i spnd on groceris last mnth", "how much did i spend on groceries last month"],
    ["spent at resturants", "spent at restaurants"],
    ["my grocey spending", "my grocery spending"],
    ["show my transations", "show my transactions"],
    ["my last transacton", "my last transaction"],
  ])("%s → %s", (text, out) => {
    expect(spellOutTexting(text)).toBe(out);
  });

  it.each(["my transaction", "a restaurant", "the grocer", "groceries and restaurants", "rotations", "transitions"])("leaves %s as typed", (text) => {
    expect(spellOutTexting(text)).toBe(text);
  });
});
