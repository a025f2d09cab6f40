import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import type { ChatEvent } from "../../packages/contract/events.js";
import type { AuthVariables, GatewayEnv } from "./env.js";
import { LIMITER_PERIOD_SECONDS, limitByClientIp, limitByCustomer, limitChatTurn, limiterFor, type LimiterName } from "./rate-limit.js";
import { readJson } from "./json-body/index.js";
import { SendMessageRequest } from "./chat.routes.js";
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
      return (await limitChatTurn(c, message)) ?? c.text("through");
    });
    const env = { RL_MONEY: refusing } as unknown as GatewayEnv;
    const turn = (body: object) => hono.request("/turn", { method: "POST", body: JSON.stringify(body) }, env);
    expect((await turn({ text: "yes", confirmation: { answer: "yes" } })).status).toBe(429);
    expect((await turn({ text: "yes" })).status).toBe(429);
    expect((await turn({ text: "what is my balance?" })).status).toBe(200);
  });

  describe("a chat turn's limits", () => {
    /** A limiter whose answers wait until released, recording the keys it was asked for. */
    const gated = (success: boolean, asked: string[], released: Promise<void>) => ({
      limit: async ({ key }: { key: string }) => {
        asked.push(key);
        await released;
        return { success };
      },
    });
    const failingAfter = (released: Promise<void>) => ({ limit: async () => released.then(() => Promise.reject(new Error("limiter down"))) });

    /** The gateway's order: per IP, (authentication), per customer, then the chat route. */
    function chatApp(customerId: string, reached: string[]) {
      const hono = new Hono<Env>();
      hono.use(assignRequestId());
      hono.use(limitByClientIp());
      hono.use(async (c, next) => {
        c.set("customerId", customerId);
        await next();
      });
      hono.use(limitByCustomer());
      hono.post("/api/chat/messages", async (c) => {
        const body = await readJson(c, SendMessageRequest, 16 * 1024);
        if (body instanceof Response) return body;
        const refused = await limitChatTurn(c, body);
        if (refused) return refused;
        reached.push(body.text);
        return c.text("through");
      });
      hono.get("/api/accounts", (c) => c.text("through"));
      return hono;
    }
    const send = (hono: Hono<Env>, env: GatewayEnv, body: object | string) =>
      hono.request(
        "/api/chat/messages",
        { method: "POST", headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.9" }, body: typeof body === "string" ? body : JSON.stringify(body) },
        env,
      );
    const yes = { id: "00000000-0000-4000-8000-000000000001", text: "yes", confirmation: { id: "c-1", answer: "yes" } };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

    it("are asked at once (per IP, chat, money), and the chat Worker is reached only once all let it through", async () => {
      const asked: string[] = [];
      const reached: string[] = [];
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const env = { RL_IP: gated(true, asked, released), RL_CHAT: gated(true, asked, released), RL_MONEY: gated(true, asked, released) } as unknown as GatewayEnv;
      const who = customer();
      const response = send(chatApp(who, reached), env, yes);
      await settle();
      expect(asked).toEqual(["ip:203.0.113.9", `RL_CHAT:${who}`, `RL_MONEY:${who}`]);
      expect(reached).toEqual([]);
      release();
      expect((await response).status).toBe(200);
      expect(reached).toEqual(["yes"]);
    });

    it("refuse with the first refusal in the order they were asked, and the route never reaches the chat Worker", async () => {
      const released = Promise.resolve();
      const cases: Array<[string, Record<string, unknown>, number, string | undefined]> = [
        ["IP and chat refuse", { RL_IP: gated(false, [], released), RL_CHAT: gated(false, [], released), RL_MONEY: gated(true, [], released) }, 429, "RL_IP"],
        ["chat refuses, the money limiter fails", { RL_IP: gated(true, [], released), RL_CHAT: gated(false, [], released), RL_MONEY: failingAfter(released) }, 429, "RL_CHAT"],
        ["money refuses", { RL_IP: gated(true, [], released), RL_CHAT: gated(true, [], released), RL_MONEY: gated(false, [], released) }, 429, "RL_MONEY"],
        ["the money limiter fails", { RL_IP: gated(true, [], released), RL_CHAT: gated(true, [], released), RL_MONEY: failingAfter(released) }, 503, undefined],
      ];
      for (const [label, limiters, status, limiter] of cases) {
        const { sent, queue } = recordingQueue();
        const reached: string[] = [];
        const response = await send(chatApp(customer(), reached), { ...limiters, AUDIT_EVENTS: queue } as unknown as GatewayEnv, yes);
        await Promise.resolve();
        expect({ label, status: response.status, limiters: sent.map((e) => e.payload.limiter), reached }).toEqual({
          label,
          status,
          limiters: limiter ? [limiter] : [],
          reached: [],
        });
      }
    });

    it("answer a bad body with the refusal when a limit refused, as if the limits came first", async () => {
      const released = Promise.resolve();
      const env = { RL_IP: gated(true, [], released), RL_CHAT: gated(false, [], released) } as unknown as GatewayEnv;
      expect((await send(chatApp(customer(), []), env, "{not json")).status).toBe(429);
      const allowing2 = { RL_IP: gated(true, [], released), RL_CHAT: gated(true, [], released) } as unknown as GatewayEnv;
      expect((await send(chatApp(customer(), []), allowing2, "{not json")).status).toBe(400);
    });

    it("leave other requests as they were: the per-IP limit answers before the customer's is asked", async () => {
      const asked: string[] = [];
      const released = Promise.resolve();
      const env = { RL_IP: gated(false, asked, released), RL_READ: gated(true, asked, released) } as unknown as GatewayEnv;
      const response = await chatApp(customer(), []).request("/api/accounts", { headers: { "cf-connecting-ip": "203.0.113.9" } }, env);
      expect(response.status).toBe(429);
      expect(asked).toEqual(["ip:203.0.113.9"]);
    });
  });
});
