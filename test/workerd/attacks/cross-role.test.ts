import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "jose";
import { gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";
import { openHandoff } from "../../../packages/handoff/handoffs.repo.js";
import { DANA, GRACE, OMAR, claim, staffToken } from "../handoff/support.js";
import { expectError, signToken, testEnv } from "./support.js";

/**
 * Cross-role attacks on the staff console: a customer token on staff routes, a staff token on
 * customer routes, forged role claims, and BOLA between agents. Every attempt is counted; the
 * target is 0 cross-role reads (no 2xx where the role or the holder does not allow it).
 */
const STAFF_ISS = () => testEnv.STAFF_AUTH_ISSUER!;
const STAFF_AUD = () => testEnv.STAFF_AUTH_AUDIENCE!;
let attempts = 0;
let crossRoleReads = 0;

async function refused(response: Response, status: number, code: string): Promise<void> {
  attempts++;
  if (response.status < 300) crossRoleReads++;
  await expectError(response, status, code);
}

function get(path: string, token: string) {
  return gatewayFetch(path, { headers: { authorization: `Bearer ${token}` } });
}

async function newHandoff(customerId: string): Promise<string> {
  const id = crypto.randomUUID();
  await withTestDb((db) => openHandoff(db, { id, customerId, reason: "customer_request", intent: "human_agent", requestedAt: new Date() }));
  return id;
}

let dana: string, omar: string, grace: string, customer: string;
let heldByDana: string;

beforeAll(async () => {
  [dana, omar, grace] = await Promise.all([staffToken(DANA), staffToken(OMAR), staffToken(GRACE)]);
  const customerId = uniqueCustomerId("cross_role");
  customer = await tokenFor(customerId);
  heldByDana = await newHandoff(customerId);
  expect((await claim(dana, heldByDana)).status).toBe(200);
});

afterAll(() => {
  console.info(`[attacks] cross-role: ${attempts} attempts, ${crossRoleReads} cross-role reads`);
  expect(crossRoleReads).toBe(0);
});

const STAFF_ROUTES = (id: string): Array<[string, string, unknown?]> => [
  ["GET", "/api/staff/me"],
  ["GET", "/api/staff/queue"],
  ["GET", `/api/staff/handoffs/${id}`],
  ["POST", `/api/staff/handoffs/${id}/claim`, {}],
  ["POST", `/api/staff/handoffs/${id}/messages`, { id: "m1", text: "hi" }],
  ["POST", `/api/staff/handoffs/${id}/hand-back`, {}],
  ["POST", `/api/staff/handoffs/${id}/resolve`, {}],
  ["POST", "/api/staff/ws-ticket", {}],
];

function call(method: string, path: string, token: string, body?: unknown) {
  return method === "GET" ? get(path, token) : postJson(path, token, body ?? {});
}

describe("attack: tokens across roles", () => {
  it("refuses a customer token on every staff route", async () => {
    for (const [method, path, body] of STAFF_ROUTES(heldByDana)) await refused(await call(method, path, customer, body), 401, "unauthorized");
  });

  it("refuses a staff token on customer routes", async () => {
    for (const [method, path, body] of [
      ["GET", "/api/accounts"],
      ["GET", "/api/whoami"],
      ["POST", "/api/chat/messages", { id: "m1", text: "what's my balance" }],
      ["GET", "/api/chat/agent-messages?after=0"],
      ["GET", "/api/chat/turns?after=0"],
      ["POST", "/api/chat/handoff/leave", {}],
      ["POST", "/api/chat/ws-ticket", {}],
    ] as Array<[string, string, unknown?]>) {
      await refused(await call(method, path, grace, body), 401, "unauthorized");
    }
  });

  it("refuses forged role claims", async () => {
    const forged = [
      // A customer token that claims a staff role: wrong issuer and audience for staff routes.
      await signToken({ claims: { teller_role: "supervisor", name: "Mallory" } }),
      // The staff issuer and audience but no role, or a role that does not exist.
      await signToken({ iss: STAFF_ISS(), aud: STAFF_AUD(), sub: "stf_mallory" }),
      await signToken({ iss: STAFF_ISS(), aud: STAFF_AUD(), sub: "stf_mallory", claims: { teller_role: "admin" } }),
      await signToken({ iss: STAFF_ISS(), aud: STAFF_AUD(), sub: "stf_mallory", claims: { teller_role: ["supervisor"] } }),
      // The customer issuer with the staff audience, and the other way round.
      await signToken({ aud: STAFF_AUD(), sub: "stf_mallory", claims: { teller_role: "supervisor" } }),
      await signToken({ iss: STAFF_ISS(), sub: "stf_mallory", claims: { teller_role: "supervisor" } }),
      // A well-formed supervisor token signed by a key the bank never trusted.
      await signToken({ iss: STAFF_ISS(), aud: STAFF_AUD(), sub: "stf_mallory", claims: { teller_role: "supervisor" }, key: (await generateKeyPair("ES256")).privateKey }),
    ];
    for (const token of forged) {
      await refused(await get("/api/staff/queue", token), 401, "unauthorized");
      await refused(await get(`/api/staff/handoffs/${heldByDana}`, token), 401, "unauthorized");
    }
    // A customer token carrying a staff role claim is not a customer token either.
    await refused(await get("/api/accounts", forged[0]!), 401, "unauthorized");
  });
});

describe("attack: BOLA between staff", () => {
  it("hides a conversation another agent holds, and refuses every write to it", async () => {
    await refused(await get(`/api/staff/handoffs/${heldByDana}`, omar), 404, "not_found");
    await refused(await claim(omar, heldByDana), 409, "conflict");
    await refused(await postJson(`/api/staff/handoffs/${heldByDana}/messages`, omar, { id: "m2", text: "hello" }), 404, "not_found");
    await refused(await postJson(`/api/staff/handoffs/${heldByDana}/hand-back`, omar, {}), 404, "not_found");
    await refused(await postJson(`/api/staff/handoffs/${heldByDana}/resolve`, omar, {}), 404, "not_found");
    const queue = (await (await get("/api/staff/queue", omar)).json()) as { items: { id: string; agentId: string | null }[] };
    attempts++;
    if (queue.items.some((i) => i.id === heldByDana || (i.agentId !== null && i.agentId !== OMAR))) crossRoleReads++;
    const typing = (await (await postJson(`/api/staff/handoffs/${heldByDana}/typing`, omar, { on: true })).json()) as { delivered: boolean };
    expect(typing.delivered).toBe(false);
  });

  it("lets a supervisor read (audited) but not write as the agent", async () => {
    expect((await get(`/api/staff/handoffs/${heldByDana}`, grace)).status).toBe(200);
    await refused(await postJson(`/api/staff/handoffs/${heldByDana}/messages`, grace, { id: "m3", text: "hello" }), 409, "conflict");
    await refused(await claim(grace, heldByDana), 403, "forbidden");
  });

  it("hides closed hand-offs from agents", async () => {
    const customerId = uniqueCustomerId("cross_role_closed");
    const id = await newHandoff(customerId);
    expect((await claim(dana, id)).status).toBe(200);
    expect((await postJson(`/api/staff/handoffs/${id}/resolve`, dana, {})).status).toBe(200);
    await refused(await get(`/api/staff/handoffs/${id}`, dana), 404, "not_found");
    await refused(await get(`/api/staff/handoffs/${id}`, omar), 404, "not_found");
  });

  it("validates staff input like the rest of the API", async () => {
    await expectError(await get("/api/staff/handoffs/not-a-uuid", dana), 404, "not_found");
    await expectError(await get(`/api/staff/handoffs/${crypto.randomUUID()}`, grace), 404, "not_found");
    await expectError(await postJson(`/api/staff/handoffs/${heldByDana}/messages`, dana, { id: "m4", text: "" }), 400, "validation_failed");
    await expectError(await postJson(`/api/staff/handoffs/${heldByDana}/messages`, dana, { id: "m5", text: "x".repeat(2001) }), 400, "validation_failed");
    await expectError(await postJson(`/api/staff/handoffs/${heldByDana}/messages`, dana, { id: "m6", text: "hi", amount: 5 }), 400, "validation_failed");
    await expectError(await postJson(`/api/staff/handoffs/${heldByDana}/messages`, dana, "{nope"), 400, "invalid_json");
    await expectError(await get("/api/staff/nothing-here", dana), 404, "not_found");
    await expectError(await get("/api/chat/agent-messages?after=-1", customer), 400, "validation_failed");
  });
});
