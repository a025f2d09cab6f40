import { beforeAll, describe, expect, it } from "vitest";
import type { ChatTurn } from "../../../packages/contract/chat.js";
import type { TestCustomer } from "../../../scripts/db/fixtures.js";
import { balances, makeCustomer, tokenFor } from "../banking-helpers.js";
import { postJson } from "../helpers.js";

/**
 * OWASP API1 (BOLA) on the chat routes, which the banking BOLA tests do not cover: message ids,
 * confirmation ids and socket tickets belong to the customer whose token made them. Customer A
 * holding B's ids gets nothing of B's and changes nothing of B's.
 */
const RUN = Date.now().toString(36);
let a: TestCustomer;
let b: TestCustomer;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  a = await makeCustomer("attack_bola_chat", { checking: 123_45, savings: 10_00 });
  b = await makeCustomer("attack_bola_chat", { checking: 987_65, savings: 4_321_00 });
  tokenA = await tokenFor(a.customerId);
  tokenB = await tokenFor(b.customerId);
});

async function say(token: string, body: object): Promise<{ status: number; turn: ChatTurn }> {
  const response = await postJson("/api/chat/messages", token, body);
  return { status: response.status, turn: (await response.json()) as ChatTurn };
}

describe("chat message ids", () => {
  it("are per customer: A reusing B's message id gets A's own answer, not B's stored reply", async () => {
    const id = `shared-${RUN}`;
    const ofB = await say(tokenB, { id, text: "what's my balance?" });
    expect(ofB.status).toBe(200);
    expect(ofB.turn.reply.text).toContain("$4,321.00");

    const ofA = await say(tokenA, { id, text: "what's my balance?" });
    expect(ofA.status).toBe(200);
    expect(ofA.turn.reply.text).toContain("$123.45");
    expect(ofA.turn.reply.text).not.toContain("$4,321.00");
    expect(JSON.stringify(ofA.turn)).not.toContain(b.checkingId);

    // B's turn is untouched: the same id still replays B's answer.
    expect((await say(tokenB, { id, text: "what's my balance?" })).turn).toEqual(ofB.turn);
  });
});

describe("confirmation ids", () => {
  it("cannot be answered by another customer: A pressing Yes on B's confirmation moves nothing, and B's stays pending", async () => {
    const beforeA = await balances(tokenA);
    const beforeB = await balances(tokenB);
    const asked = await say(tokenB, { id: `b-ask-${RUN}`, text: "move $25 from savings to checking" });
    const confirm = asked.turn.reply.actions.find((action) => action.type === "confirm" && action.answer === "yes");
    expect(confirm?.type).toBe("confirm");
    const confirmationId = confirm!.type === "confirm" ? confirm!.confirmationId : "";

    const hijack = await say(tokenA, { id: `a-yes-${RUN}`, text: "yes", confirmation: { id: confirmationId, answer: "yes" } });
    expect(hijack.status).toBe(200);
    expect(JSON.stringify(hijack.turn)).not.toMatch(/transfer_receipt|\$25\.00/);
    expect(await balances(tokenA)).toEqual(beforeA);
    expect(await balances(tokenB)).toEqual(beforeB);

    // B's own Yes still works, exactly once.
    const yes = await say(tokenB, { id: `b-yes-${RUN}`, text: "yes", confirmation: { id: confirmationId, answer: "yes" } });
    expect(yes.status).toBe(200);
    const afterB = await balances(tokenB);
    expect(afterB[b.savingsId]).toBe("4296.00");
    expect(afterB[b.checkingId]).toBe("1012.65");
  });
});

describe("socket tickets", () => {
  it("name the token's customer, whatever the request body says", async () => {
    const response = await postJson("/api/chat/ws-ticket", tokenA, { customerId: b.customerId });
    expect(response.status).toBe(200);
    const { ticket } = (await response.json()) as { ticket: string };
    const named = atob(ticket.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"));
    expect(named).toBe(a.customerId);
  });
});
