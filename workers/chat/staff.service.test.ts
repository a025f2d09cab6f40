import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { openHandoff } from "../../packages/handoff/handoffs.repo.js";
import type { Staff } from "../../packages/handoff/staff.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

// Whole hand-offs (claim, reply, hand back, the desk socket): test/workerd/handoff/; staff BOLA:
// test/workerd/attacks/cross-role.test.ts.
/** Bound in the test Worker (test/wrangler.test.toml); optional in ChatEnv only for other deployments. */
const staffService = env.STAFF!;
const agent = (id: string): Staff => ({ id, name: "Agent", role: "agent" });
const supervisor: Staff = { id: "stf_service_supervisor", name: "Sup", role: "supervisor" };

async function newHandoff(): Promise<string> {
  const id = crypto.randomUUID();
  await withTestDb((db) => openHandoff(db, { id, customerId: uniqueCustomerId("staff-service"), reason: "customer_request", intent: "human_agent", requestedAt: new Date() }));
  return id;
}

describe("the staff console over RPC", () => {
  it("lets only agents claim, and gives a claimed conversation to the first agent only", async () => {
    const id = await newHandoff();
    expect(await staffService.claim(supervisor, id)).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    const first = await staffService.claim(agent("stf_service_a"), id);
    expect(first.ok).toBe(true);
    expect(await staffService.claim(agent("stf_service_b"), id)).toMatchObject({ ok: false, status: 409, code: "conflict" });
    expect(await staffService.claim(agent("stf_service_a"), crypto.randomUUID())).toMatchObject({ ok: false, status: 404 });
  });

  it("lets nobody reply, type or close before claiming, and shows first-reply figures to supervisors only", async () => {
    const id = await newHandoff();
    const someone = agent("stf_service_c");
    expect(await staffService.say(someone, id, { id: "m1", text: "hello" })).toMatchObject({ ok: false, status: 409 });
    expect(await staffService.typing(someone, id, true)).toBe(false);
    expect(await staffService.close(someone, id, true)).toMatchObject({ ok: false, status: 409 });
    expect(await staffService.firstReplyFigures(someone)).toMatchObject({ ok: false, status: 403 });
    const figures = await staffService.firstReplyFigures(supervisor);
    expect(figures.ok && typeof figures.value.count).toBe("number");
  });
});
