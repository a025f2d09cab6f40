import { describe, expect, it } from "vitest";
import { summarizeEntities } from "../../packages/nlu/entities/summary";
import { PROBE } from "./probe-set";
import { PROBE_2 } from "./probe-set-2";
import { PROBE_3 } from "./probe-set-3";
import { PROBE_4 } from "./probe-set-4";
import { PROBE_5 } from "./probe-set-5";
import { PROBE_6 } from "./probe-set-6";

// Entities only: the probe's intents are not asserted (the reading rules were tuned on its misses,
// so an intent figure from it would flatter us). Amounts must stay exact on every row.
describe("our own probe's entities", () => {
  // nlu9: the fifth and sixth probes too, but for the one amount left unread on purpose: "three
  // fifty" is $3.50 or $350, so Teller asks how much rather than guess (was read as $53.00).
  const ASKED_NOT_GUESSED = new Set(["transfer three fifty to tom"]);
  const rows = [...PROBE, ...PROBE_2, ...PROBE_3, ...PROBE_4, ...PROBE_5, ...PROBE_6].filter((r) => !ASKED_NOT_GUESSED.has(r.text));
  it.each(rows.filter((r) => r.amount !== undefined).map((r) => [r.text, r.amount] as const))("%s → %i minor units", (text, amount) => {
    expect(summarizeEntities(text, "2026-12-02").amount).toEqual({ minor: amount, currency: "USD" });
  });

  it("leaves an ambiguous amount unread", () => {
    for (const text of ASKED_NOT_GUESSED) expect(summarizeEntities(text, "2026-12-02").amount, text).toBeUndefined();
  });

  it("reads every recipient and account list the rows name", () => {
    for (const row of rows) {
      const e = summarizeEntities(row.text, "2026-12-02");
      if (row.recipient !== undefined) expect(e.recipient?.toLowerCase(), row.text).toBe(row.recipient.toLowerCase());
      if (row.accounts) expect(e.accounts, row.text).toEqual(row.accounts);
    }
  });
});
