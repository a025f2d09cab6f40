import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ID_PATTERNS, isId, newId, seededId } from "./ids.js";

describe("ids", () => {
  it("carry their kind: an id of one kind never passes as another", () => {
    const account = newId("account");
    expect(isId("account", account)).toBe(true);
    expect(isId("card", account)).toBe(false);
    expect(isId("account", `${account} `)).toBe(false);
    expect(isId("account", "acc_' OR 1=1 --")).toBe(false);
  });

  it("are random when fresh and stable when seeded", () => {
    expect(newId("transfer")).not.toBe(newId("transfer"));
    expect(seededId("payee", "cus_alex_kim:payee-0")).toBe(seededId("payee", "cus_alex_kim:payee-0"));
    expect(seededId("payee", "cus_alex_kim:payee-0")).not.toBe(seededId("payee", "cus_alex_kim:payee-1"));
    fc.assert(fc.property(fc.string(), (key) => ID_PATTERNS.card.test(seededId("card", key))));
  });

  it("stay fresh and well-formed across refills of the random pool they are drawn from", () => {
    // 4 kB of random bytes serve ~200 ids; 2,000 ids cross ten refills.
    const ids = Array.from({ length: 2000 }, () => newId("transfer"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ID_PATTERNS.transfer.test(id))).toBe(true);
  });
});
