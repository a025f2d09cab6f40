import { describe, expect, it } from "vitest";
import { hashForLog } from "./log.js";

const SALT = "a-deployment-salt-0123456789";

async function hmacHex(value: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(salt), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value)));
  return [...mac.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("hashForLog", () => {
  it("is the first 64 bits of HMAC-SHA-256 keyed with the salt, as hex", async () => {
    expect(await hashForLog("cus_alex", SALT)).toBe(await hmacHex("cus_alex", SALT));
    expect(await hashForLog("cus_alex", SALT)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("gives the same pseudonym every time, and another one for another value or salt", async () => {
    const first = await hashForLog("cus_alex", SALT);
    expect(await hashForLog("cus_alex", SALT)).toBe(first);
    expect(await hashForLog("cus_sam", SALT)).not.toBe(first);
    expect(await hashForLog("cus_alex", `${SALT}-other`)).not.toBe(first);
  });

  it("keeps answering correctly once more values were hashed than it remembers", async () => {
    const values = Array.from({ length: 10_050 }, (_, i) => `cus_${i}`);
    const hashes = await Promise.all(values.map((v) => hashForLog(v, SALT)));
    expect(new Set(hashes).size).toBe(values.length);
    for (const i of [0, 1, 5_000, 10_049]) expect(await hashForLog(values[i]!, SALT)).toBe(await hmacHex(values[i]!, SALT));
  });
});
