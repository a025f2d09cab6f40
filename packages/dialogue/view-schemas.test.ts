import { describe, expect, it } from "vitest";
import { buildViewSchemas } from "./view-schemas.js";

describe("the view schemas", () => {
  it("has a schema for every kind of data an effect returns", () => {
    expect(Object.keys(buildViewSchemas()).sort()).toEqual(
      [
        "accountNumbers",
        "accounts",
        "card",
        "cards",
        "creditStatements",
        "transferLimits",
        "disputeOutcome",
        "disputes",
        "interestRates",
        "payees",
        "rewards",
        "scheduledTransfer",
        "scheduledTransfers",
        "spending",
        "transactions",
        "transferOutcome",
      ].sort(),
    );
  });

  it("drops fields a view does not have", () => {
    const card = { id: "card-1", accountId: "acc-1", last4: "1234", status: "active" };
    const parsed = buildViewSchemas().card.safeParse({ ...card, pin: "0000" });
    expect(parsed.success ? parsed.data : null).toEqual(card);
  });
});
