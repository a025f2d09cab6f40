import { beforeAll, describe, expect, it } from "vitest";
import type { AccountView } from "../types.js";
import { loadViewSchemas } from "../views.js";
import { asksCardAfford, cardAffordAnswer } from "./card-afford.js";

const account = (type: AccountView["type"], name: string, mask: string, minor: number): AccountView => ({
  id: `acc-${mask}`,
  name,
  type,
  mask,
  currency: "USD",
  balance: { minor, currency: "USD" },
  available: { minor: type === "credit" ? 5000_00 + minor : minor, currency: "USD" },
  creditLimit: type === "credit" ? { minor: 5000_00, currency: "USD" } : null,
});
const CARD = account("credit", "Teller Card", "3003", -450_00);
const INTENT = { name: "balance", confidence: 0.9 };

beforeAll(() => loadViewSchemas());

describe("enough to pay the card off", () => {
  it("is asked in these words, and no others", () => {
    for (const t of ["do i have enough to pay my card off", "will i have enough money to pay off my credit card", "can i afford to pay my credit card bill", "is there enough in savings to clear my card"]) expect(asksCardAfford(t), t).toBe(true);
    for (const t of ["pay my card off", "do i have enough for rent", "how much do i owe on my card", "can i afford a holiday"]) expect(asksCardAfford(t), t).toBe(false);
  });

  it("says yes from checking when it covers the card, and offers the payment", () => {
    const r = cardAffordAnswer(INTENT, undefined, [CARD, account("checking", "Everyday Checking", "1001", 900_00), account("savings", "Savings", "2002", 5000_00)]);
    expect(r?.text).toBe("Yes. Teller Card ••3003 has $450.00 owed, and Everyday Checking ••1001 has $900.00 available, enough to pay it off in full.");
    expect(r?.actions.map((a) => a.label)).toEqual(["Pay my card"]);
  });

  it("says no from the account named when it cannot, with what it holds", () => {
    const r = cardAffordAnswer(INTENT, "checking", [CARD, account("checking", "Everyday Checking", "1001", 200_00), account("savings", "Savings", "2002", 5000_00)]);
    expect(r?.text).toBe("Not in full from one account. Teller Card ••3003 has $450.00 owed; Everyday Checking ••1001 has $200.00. You can pay part of it now.");
  });

  it("says when the accounts only cover it together", () => {
    const r = cardAffordAnswer(INTENT, undefined, [CARD, account("checking", "Everyday Checking", "1001", 300_00), account("savings", "Savings", "2002", 200_00)]);
    expect(r?.text).toMatch(/^Not in full from one account\. .* Together they'd cover it, but a payment comes from one account at a time\./);
  });

  it("without a card, or with nothing owed, says so", () => {
    expect(cardAffordAnswer(INTENT, undefined, [account("checking", "Everyday Checking", "1001", 300_00)])?.text).toBe("You don't have a credit card with us, so there's nothing to pay off.");
    expect(cardAffordAnswer(INTENT, undefined, [account("credit", "Teller Card", "3003", 0)])?.text).toBe("Teller Card ••3003 has nothing owed right now.");
  });
});
