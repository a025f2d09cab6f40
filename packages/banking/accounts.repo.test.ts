import { describe, expect, it } from "vitest";
import { selectAccountSummaries } from "./accounts.repo.js";
import { rawOnly } from "../../test/support/raw-sql-db.js";

describe("account summaries", () => {
  it("are one raw statement scoped to the customer, in the balance list's order", async () => {
    const { db, seen } = rawOnly([]);
    await selectAccountSummaries(db, "cus_a");
    expect(seen).toHaveLength(1);
    // selectAccounts' own WHERE and ORDER BY (seenBy, SEEN_ORDER), rendered into the raw statement.
    expect(seen[0]!.sql).toMatch(
      /FROM accounts\s+WHERE \("accounts"\."customer_id" = \$1 and "accounts"\."balance" is not null\)\s+ORDER BY array_position\(array\['checking','savings','credit'\]::text\[\], "accounts"\."type"\), "accounts"\."created_at" asc, "accounts"\."id" asc$/,
    );
    expect(seen[0]!.params).toEqual(["cus_a"]);
  });

  it("map int8 text to numbers", async () => {
    const { db } = rawOnly([{ id: "acc_a", name: "Everyday", type: "credit", mask: "1234", currency: "USD", balance: "-1250", credit_limit: "50000" }]);
    expect(await selectAccountSummaries(db, "cus_a")).toEqual([
      { id: "acc_a", name: "Everyday", type: "credit", mask: "1234", currency: "USD", balance: -1250, creditLimit: 50000 },
    ]);
  });
});
