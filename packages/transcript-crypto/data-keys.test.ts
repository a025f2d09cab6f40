import { describe, expect, it } from "vitest";
import { generateMasterKey, importMasterKeys } from "./master-keys.js";
import { KeyUnavailableError, createDataKey, rewrapDataKey, unwrapDataKey } from "./data-keys.js";
import { openText, sealText } from "./sealed-text.js";

const keyringOf = (keys: Record<string, string>, current?: string) => importMasterKeys(JSON.stringify(keys), current);

describe("transcript encryption", () => {
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
});
