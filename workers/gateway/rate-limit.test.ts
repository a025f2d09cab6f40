import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import type { ChatEvent } from "../../packages/contract/events.js";
import type { AuthVariables, GatewayEnv } from "./env.js";
import { LIMITER_PERIOD_SECONDS, limitByCustomer, limitMoneyTurn, limiterFor, type LimiterName } from "./rate-limit.js";
import { assignRequestId } from "./security-headers.js";

// The limiter logic on a bare app, with Workers Rate Limiting bindings that answer as told. The
// whole gateway under real limits: test/workerd/attacks/rate-limits.test.ts.

type Env = { Bindings: GatewayEnv; Variables: AuthVariables };

const allowing = { limit: async () => ({ success: true }) };
const refusing = { limit: async () => ({ success: false }) };
const failing = { limit: () => Promise.reject(new Error("limiter down")) };

function app(customerId: string) {
  const hono = new Hono<Env>();
  hono.use(assignRequestId());
  hono.use(async (c, next) => {
    c.set("customerId", customerId);
    await next();
  });
  hono.use(limitByCustomer());
  hono.all("*", (c) => c.text("through"));
  return hono;
}

const recordingQueue = () => {
  const sent: ChatEvent[] = [];
  return { sent, queue: { send: async (event: ChatEvent) => void sent.push(event) } };
};

const customer = () => `cus_rl_${crypto.randomUUID()}`;

describe("the gateway's rate limits", () => {
  it("pick the money limit for transfers, card changes and cancelling a scheduled transfer, the chat limit for chat posts, else reads", () => {
    const cases: [string, string, LimiterName][] = [
      ["POST", "/api/transfers", "RL_MONEY"],
      ["POST", "/api/cards/card_1/freeze", "RL_MONEY"],
      ["POST", "/api/cards/card_1/unfreeze", "RL_MONEY"],
      ["DELETE", "/api/scheduled-transfers/sch_1", "RL_MONEY"],
      ["POST", "/api/chat/messages", "RL_CHAT"],
      ["POST", "/api/chat/ws-ticket", "RL_CHAT"],
      ["GET", "/api/transfers", "RL_READ"],
      ["GET", "/api/chat/agent-messages", "RL_READ"],
      ["GET", "/api/chat/turns", "RL_READ"],
      ["POST", "/api/cards/card_1/freeze/extra", "RL_READ"],
      ["DELETE", "/api/me/conversation", "RL_READ"],
    ];
    for (const [method, path, limiter] of cases) expect({ method, path, limiter: limiterFor(method, path) }).toEqual({ method, path, limiter });
  });

  it("fail closed on money (503, Retry-After 5) and open on reads and chat when the limiter errors", async () => {
    const env = { RL_MONEY: failing, RL_READ: failing, RL_CHAT: failing } as unknown as GatewayEnv;
    const money = await app(customer()).request("/api/transfers", { method: "POST" }, env);
    expect(money.status).toBe(503);
    expect(money.headers.get("retry-after")).toBe("5");
    expect(((await money.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect((await app(customer()).request("/api/accounts", {}, env)).status).toBe(200);
    expect((await app(customer()).request("/api/chat/messages", { method: "POST" }, env)).status).toBe(200);
  });

  it("refuse with 429 and the window in Retry-After, and audit a refused burst once per window", async () => {
    const { sent, queue } = recordingQueue();
    const env = { RL_READ: refusing, AUDIT_EVENTS: queue } as unknown as GatewayEnv;
    const who = customer();
    for (let i = 0; i < 3; i++) {
      const refused = await app(who).request("/api/accounts", {}, env);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe(String(LIMITER_PERIOD_SECONDS.RL_READ));
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    }
    await Promise.resolve();
    expect(sent.map((e) => [e.type, e.customerId, e.payload.limiter])).toEqual([["audit.rate_limit", who, "RL_READ"]]);
  });

  it("let everything through when a limiter binding is missing (a local stack without them)", async () => {
    expect((await app(customer()).request("/api/transfers", { method: "POST" }, {} as GatewayEnv)).status).toBe(200);
    expect((await app(customer()).request("/api/accounts", {}, { RL_READ: allowing } as unknown as GatewayEnv)).status).toBe(200);
  });

  it("count a chat turn that may confirm a transfer against the money limit, and no other turn", async () => {
    const hono = new Hono<Env>();
    hono.use(assignRequestId());
    hono.post("/turn", async (c) => {
      c.set("customerId", customer());
      const message = (await c.req.json()) as { text: string; confirmation?: { answer: string } };
      return (await limitMoneyTurn(c, message)) ?? c.text("through");
    });
    const env = { RL_MONEY: refusing } as unknown as GatewayEnv;
    const turn = (body: object) => hono.request("/turn", { method: "POST", body: JSON.stringify(body) }, env);
    expect((await turn({ text: "yes", confirmation: { answer: "yes" } })).status).toBe(429);
    expect((await turn({ text: "yes" })).status).toBe(429);
    expect((await turn({ text: "what is my balance?" })).status).toBe(200);
  });
});
