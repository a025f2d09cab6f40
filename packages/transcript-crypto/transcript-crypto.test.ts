import { describe, expect, it } from "vitest";
import {
  KeyConfigError,
  KeyUnavailableError,
  createDataKey,
  generateMasterKey,
  importMasterKeys,
  isSealedPayload,
  openPayload,
  openText,
  rewrapDataKey,
  sealPayload,
  sealText,
  sealedKeyId,
  unwrapDataKey,
} from "./index.js";

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

  it("rotates: a new master key re-wraps the data key, old ciphertext still opens, and the old master key can go", async () => {
    const oldMaster = generateMasterKey();
    const newMaster = generateMasterKey();
    const before = await keyringOf({ k2026a: oldMaster });
    const { wrapped, dataKey } = await createDataKey(before, "cus_a");
    const sealed = await sealText(dataKey, "old ciphertext");

    const during = await keyringOf({ k2026a: oldMaster, k2026b: newMaster }, "k2026b");
    const rewrapped = await rewrapDataKey(during, wrapped);
    expect(rewrapped).toMatchObject({ keyId: wrapped.keyId, customerId: "cus_a", masterKeyId: "k2026b" });
    expect(rewrapped.wrapped).not.toBe(wrapped.wrapped);

    const after = await keyringOf({ k2026b: newMaster });
    expect(await openText(await unwrapDataKey(after, rewrapped), sealed)).toBe("old ciphertext");
    // What was wrapped by the retired key no longer opens without it.
    await expect(unwrapDataKey(after, wrapped)).rejects.toBeInstanceOf(KeyUnavailableError);
  });

  it("refuses to start without a usable master key", async () => {
    await expect(importMasterKeys(undefined, undefined)).rejects.toBeInstanceOf(KeyConfigError);
    await expect(importMasterKeys("not json", "k1")).rejects.toBeInstanceOf(KeyConfigError);
    await expect(keyringOf({ k1: "c2hvcnQ=" })).rejects.toThrow(/32 bytes/);
    await expect(keyringOf({ k1: generateMasterKey(), k2: generateMasterKey() })).rejects.toThrow(/TRANSCRIPT_MASTER_KEY_ID/);
    await expect(keyringOf({ k1: generateMasterKey() }, "k9")).rejects.toThrow(/TRANSCRIPT_MASTER_KEY_ID/);
  });
});
