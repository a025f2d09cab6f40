import { expect } from "vitest";
import { gatewayFetch, postJson, eventually } from "../helpers.js";
import type { QueueItem } from "../../../packages/handoff/handoffs.repo.js";
import type { AgentMessage } from "../../../packages/contract/handoff.js";

export const DANA = "stf_dana_whitfield";
export const OMAR = "stf_omar_haddad";
export const GRACE = "stf_grace_lin";

/** A staff token from the development workforce provider (/dev/staff/login). */
export async function staffToken(staffId: string): Promise<string> {
  const response = await postJson("/dev/staff/login", undefined, { staffId });
  if (response.status !== 200) throw new Error(`staff login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

export function getJson(path: string, token: string) {
  return gatewayFetch(path, { headers: { authorization: `Bearer ${token}` } });
}

const URGENCY: Record<string, number> = { fraud: 0, fraud_risk: 1 };
const urgency = (item: QueueItem) => URGENCY[item.reason] ?? 2;

/** The staff queue's order: fraud reports, then possible fraud, then the rest; oldest first within each. */
export function inQueueOrder(items: QueueItem[]): boolean {
  return items.every((item, i) => {
    const before = items[i - 1];
    if (!before) return true;
    return urgency(before) < urgency(item) || (urgency(before) === urgency(item) && before.requestedAt <= item.requestedAt);
  });
}

export async function queueOf(token: string): Promise<QueueItem[]> {
  const response = await getJson("/api/staff/queue", token);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: QueueItem[] }).items;
}

/** The customer's hand-off as it shows in the staff queue (the consumer or the turn stored it). */
export async function waitingHandoff(agentToken: string, customerId: string): Promise<QueueItem> {
  return eventually(async () => (await queueOf(agentToken)).find((item) => item.customerId === customerId && item.status === "queued"));
}

export async function say(customerToken: string, text: string, id = crypto.randomUUID()) {
  const response = await postJson("/api/chat/messages", customerToken, { id, text });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; reply: { text: string; intent: { name: string } } };
}

export async function agentMessagesFor(customerToken: string, after = 0) {
  const response = await getJson(`/api/chat/agent-messages?after=${after}`, customerToken);
  expect(response.status).toBe(200);
  return (await response.json()) as { messages: AgentMessage[]; held: boolean; waiting: boolean };
}

export function claim(agentToken: string, handoffId: string) {
  return postJson(`/api/staff/handoffs/${handoffId}/claim`, agentToken, {});
}

export function agentSays(agentToken: string, handoffId: string, text: string, id = crypto.randomUUID()) {
  return postJson(`/api/staff/handoffs/${handoffId}/messages`, agentToken, { id, text });
}

/** A staff token for any id (the dev provider signs only its demo staff): fresh agents per test. */
export async function staffTokenFor(staffId: string, role: "agent" | "supervisor" = "agent", name = "Test Agent"): Promise<string> {
  const { env } = await import("cloudflare:workers");
  const { SignJWT } = await import("jose");
  const { devSigningKey, DEV_IDP_ALG } = await import("../../../workers/gateway/dev-idp/keys.js");
  const bindings = env as unknown as { DEV_IDP_PRIVATE_JWK: string; STAFF_AUTH_ISSUER: string; STAFF_AUTH_AUDIENCE: string };
  const { key, kid } = await devSigningKey(bindings.DEV_IDP_PRIVATE_JWK);
  return new SignJWT({ name, teller_role: role })
    .setProtectedHeader({ alg: DEV_IDP_ALG, kid, typ: "at+jwt" })
    .setIssuer(bindings.STAFF_AUTH_ISSUER)
    .setAudience(bindings.STAFF_AUTH_AUDIENCE)
    .setSubject(staffId)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}
