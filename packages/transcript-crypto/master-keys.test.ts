import { describe, expect, it } from "vitest";
import { KeyConfigError, generateMasterKey, importMasterKeys, masterKeyring } from "./master-keys.js";

const keyringOf = (keys: Record<string, string>, current?: string) => importMasterKeys(JSON.stringify(keys), current);

describe("transcript encryption", () => {
  it("refuses to start without a usable master key", async () => {
    await expect(importMasterKeys(undefined, undefined)).rejects.toBeInstanceOf(KeyConfigError);
    await expect(importMasterKeys("not json", "k1")).rejects.toBeInstanceOf(KeyConfigError);
    await expect(keyringOf({ k1: "c2hvcnQ=" })).rejects.toThrow(/32 bytes/);
    await expect(keyringOf({ k1: generateMasterKey(), k2: generateMasterKey() })).rejects.toThrow(/TRANSCRIPT_MASTER_KEY_ID/);
    await expect(keyringOf({ k1: generateMasterKey() }, "k9")).rejects.toThrow(/TRANSCRIPT_MASTER_KEY_ID/);
  });

  it("imports a keyring once per secret, and tries again after a refusal", async () => {
    const keys = JSON.stringify({ k1: generateMasterKey() });
    const first = await masterKeyring(keys, "k1");
    // The imported keyring is kept (never the import's promise, which another request awaiting would be I/O across requests).
    expect(await masterKeyring(keys, "k1")).toBe(first);
    expect(first.currentId).toBe("k1");
    await expect(masterKeyring(keys, "k9")).rejects.toBeInstanceOf(KeyConfigError);
    await expect(masterKeyring(keys, "k9")).rejects.toBeInstanceOf(KeyConfigError);
  });
});
