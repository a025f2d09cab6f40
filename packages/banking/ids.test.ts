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
});
