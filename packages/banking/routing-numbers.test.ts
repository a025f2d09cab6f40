import { describe, expect, it } from "vitest";
import { BANK_ROUTING_NUMBERS } from "./routing-numbers.js";

/** ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
function abaValid(n: string): boolean {
  const d = [...n].map(Number);
  return /^\d{9}$/.test(n) && (3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!)) % 10 === 0;
}

describe("BANK_ROUTING_NUMBERS", () => {
  it("lists only valid ABA routing numbers", () => {
    expect(BANK_ROUTING_NUMBERS.length).toBeGreaterThan(0);
    for (const n of BANK_ROUTING_NUMBERS) expect(abaValid(n), n).toBe(true);
  });
});
