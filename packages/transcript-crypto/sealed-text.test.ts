import { describe, expect, it } from "vitest";
import { generateMasterKey, importMasterKeys } from "./master-keys.js";
import { KeyUnavailableError, createDataKey, unwrapDataKey } from "./data-keys.js";
import { isSealed, isSealedPayload, openPayload, openText, sealPayload, sealText, sealedKeyId } from "./sealed-text.js";

const keyringOf = (keys: Record<string, string>, current?: string) => importMasterKeys(JSON.stringify(keys), current);

describe("transcript encryption", () => {
  it("seals text so that it opens with the customer's data key and shows none of the plaintext", async () => {
    const keyring = await keyringOf({ k1: generateMasterKey() });
    const { dataKey } = await createDataKey(keyring, "cus_a");
    const sealed = await sealText(dataKey, "send 40 to Jordan for the concert tickets");
    expect(sealed).toMatch(/^tc1\.[0-9a-f-]{36}\.[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain("Jordan");
    expect(sealedKeyId(sealed)).toBe(dataKey.keyId);
    expect(await openText(dataKey, sealed)).toBe("send 40 to Jordan for the concert tickets");
    // A fresh IV each time: the same text never seals to the same bytes.
    expect(await sealText(dataKey, "hi")).not.toBe(await sealText(dataKey, "hi"));
  });

  it("refuses ciphertext moved to another customer or altered", async () => {
    const keyring = await keyringOf({ k1: generateMasterKey() });
    const a = await createDataKey(keyring, "cus_a");
    const sealed = await sealText(a.dataKey, "secret");
    // Same key bytes, other customer: the additional data differs.
    const moved = { ...a.dataKey, customerId: "cus_b" };
    await expect(openText(moved, sealed)).rejects.toThrow();
    const flipped = sealed.slice(0, -6) + (sealed.at(-6) === "A" ? "B" : "A") + sealed.slice(-5);
    await expect(openText(a.dataKey, flipped)).rejects.toThrow();
    // A wrapped key copied onto another customer's row does not open either.
    await expect(unwrapDataKey(keyring, { ...a.wrapped, customerId: "cus_b" })).rejects.toBeInstanceOf(KeyUnavailableError);
  });

  it("seals event payloads whole and opens them back", async () => {
    const keyring = await keyringOf({ k1: generateMasterKey() });
    const { dataKey } = await createDataKey(keyring, "cus_a");
    const payload = await sealPayload(dataKey, { text: "what's my balance", intent: "balance", confidence: 0.93 });
    expect(isSealedPayload(payload)).toBe(true);
    expect(JSON.stringify(payload)).not.toContain("balance");
    expect(await openPayload(dataKey, payload)).toEqual({ text: "what's my balance", intent: "balance", confidence: 0.93 });
    expect(isSealedPayload({ ok: true })).toBe(false);
  });

  it("tells sealed text from plain text by its prefix", async () => {
    const keyring = await keyringOf({ k1: generateMasterKey() });
    const { dataKey } = await createDataKey(keyring, "cus_a");
    expect(isSealed(await sealText(dataKey, "hello"))).toBe(true);
    expect(isSealed("hello")).toBe(false);
    expect(isSealed(42)).toBe(false);
    expect(sealedKeyId("hello")).toBeUndefined();
  });
});
