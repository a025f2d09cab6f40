import { describe, expect, it, inject } from "vitest";
import { uniqueCustomerId, withTestDb } from "../helpers.js";
import { openHandoff } from "../../../packages/handoff/handoffs.repo.js";
import { claim, staffTokenFor } from "./support.js";

const TRIES = 100;

describe("claiming a hand-off", () => {
  it(`gives it to exactly one of two agents who click together, ${TRIES} times out of ${TRIES}`, async () => {
    const ids = Array.from({ length: TRIES }, () => crypto.randomUUID());
    await withTestDb(async (db) => {
      for (const id of ids) await openHandoff(db, { id, customerId: uniqueCustomerId("race"), reason: "customer_request", intent: "human_agent", requestedAt: new Date() });
    });
    // One claim won and one lost first, one after the other, so the races below measure the claim
    // itself, not a first use of what both paths load. Under load one racing claim hung (500
    // internal, "Cannot perform I/O on behalf of a different request"): a pending promise kept
    // isolate-wide (a log pseudonym's HMAC, the master keyring) awaited by the other request.
    // Those caches now keep only settled values (packages/logging/log.ts, transcript-crypto).
    const warm = crypto.randomUUID();
    await withTestDb((db) => openHandoff(db, { id: warm, customerId: uniqueCustomerId("race"), reason: "customer_request", intent: "human_agent", requestedAt: new Date() }));
    expect((await claim(await staffTokenFor("stf_race_warm_a"), warm)).status).toBe(200);
    expect((await claim(await staffTokenFor("stf_race_warm_b"), warm)).status).toBe(409);
    let exactlyOne = 0;
    const winners = { dana: 0, omar: 0 };
    for (const [i, id] of ids.entries()) {
      // Two fresh agents per try: each claims once, so the per-agent rate limit never decides.
      const [dana, omar] = await Promise.all([staffTokenFor(`stf_race_a_${i}`), staffTokenFor(`stf_race_b_${i}`)]);
      const [a, b] = await Promise.all([claim(dana, id), claim(omar, id)]);
      const statuses = [a.status, b.status].sort();
      if (statuses[0] === 200 && statuses[1] === 409) exactlyOne++;
      if (a.status === 200) winners.dana++;
      if (b.status === 200) winners.omar++;
      const loser = a.status === 409 ? a : b;
      expect(((await loser.json()) as { error: { code: string } }).error.code).toBe("conflict");
    }
    console.info(`[handoff] claim race on ${(inject as (key: string) => unknown)("databaseKind")} Postgres: exactly one winner in ${exactlyOne}/${TRIES} (first agent ${winners.dana}, second ${winners.omar})`);
    expect(exactlyOne).toBe(TRIES);
  }, 600_000);
});
