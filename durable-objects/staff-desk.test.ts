import { describe, expect, it } from "vitest";
import { eventually, gatewayFetch, postJson, tokenFor, uniqueCustomerId } from "../test/workerd/helpers.js";
import { claim, DANA, GRACE, OMAR, say, staffToken, waitingHandoff } from "../test/workerd/handoff/support.js";

async function deskSocket(token: string) {
  const ticket = ((await (await postJson("/api/staff/ws-ticket", token, {})).json()) as { ticket: string }).ticket;
  const response = await gatewayFetch(`/api/staff/ws?ticket=${encodeURIComponent(ticket)}`, { headers: { upgrade: "websocket" } });
  expect(response.status).toBe(101);
  const ws = response.webSocket!;
  ws.accept();
  const frames: Array<Record<string, any>> = [];
  ws.addEventListener("message", (event) => frames.push(JSON.parse(event.data as string)));
  return { ws, frames, ticket };
}

describe("the staff desk socket", () => {
  it("needs a single-use ticket from a staff token", async () => {
    const customer = await tokenFor(uniqueCustomerId("desk-ticket"));
    expect((await postJson("/api/staff/ws-ticket", customer, {})).status).toBe(401);
    const { ws, ticket } = await deskSocket(await staffToken(DANA));
    ws.close();
    expect((await gatewayFetch(`/api/staff/ws?ticket=${encodeURIComponent(ticket)}`, { headers: { upgrade: "websocket" } })).status).toBe(401);
    expect((await gatewayFetch(`/api/staff/ws?ticket=nope`, { headers: { upgrade: "websocket" } })).status).toBe(401);
  });

  it("pushes queue changes to every agent, and a held conversation's messages to its agent and supervisors only", async () => {
    const [dana, omar, grace] = await Promise.all([staffToken(DANA), staffToken(OMAR), staffToken(GRACE)]);
    const [danaDesk, omarDesk, graceDesk] = await Promise.all([deskSocket(dana), deskSocket(omar), deskSocket(grace)]);
    const customerId = uniqueCustomerId("desk");
    const customer = await tokenFor(customerId);
    await say(customer, "I want to talk to a human");
    await eventually(async () => (omarDesk.frames.some((f) => f.type === "queue_changed") ? true : undefined));
    const item = await waitingHandoff(dana, customerId);
    expect((await claim(dana, item.id)).status).toBe(200);
    await say(customer, "are you there?");
    const toDana = await eventually(async () => danaDesk.frames.find((f) => f.type === "customer_message" && f.handoffId === item.id));
    expect(toDana.entry).toMatchObject({ from: "customer", text: "are you there?" });
    await eventually(async () => graceDesk.frames.find((f) => f.type === "customer_message" && f.handoffId === item.id));
    expect(omarDesk.frames.some((f) => f.type === "customer_message")).toBe(false);
    for (const desk of [danaDesk, omarDesk, graceDesk]) desk.ws.close();
  });

  // Session 31: a customer who deleted their history mid hand-off still had it shown in the agent's console.
  it("tells the agent holding a conversation that the customer erased it", async () => {
    const dana = await staffToken(DANA);
    const danaDesk = await deskSocket(dana);
    const customerId = uniqueCustomerId("desk-erased");
    const customer = await tokenFor(customerId);
    await say(customer, "I want to talk to a human");
    const item = await waitingHandoff(dana, customerId);
    expect((await claim(dana, item.id)).status).toBe(200);
    const erased = await gatewayFetch("/api/me/conversation", { method: "DELETE", headers: { authorization: `Bearer ${customer}` } });
    expect(erased.status).toBe(200);
    const frame = await eventually(async () => danaDesk.frames.find((f) => f.type === "transcript_erased"));
    expect(frame).toEqual({ type: "transcript_erased", handoffId: item.id });
    danaDesk.ws.close();
  });
});
