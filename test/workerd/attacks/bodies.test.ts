import { beforeAll, describe, expect, it } from "vitest";
import type { TestCustomer } from "../../../scripts/db/fixtures.js";
import { balances, idempotencyKey, makeCustomer, tokenFor } from "../banking-helpers.js";
import { gatewayFetch, uniqueCustomerId } from "../helpers.js";
import { expectError } from "./support.js";

/**
 * Strict input on every route: a declared body over the limit is refused (413) before the token
 * is even looked at; streamed bodies are cut off at each route's own limit; only JSON, only valid
 * UTF-8, only known fields. Every refusal has the one error shape, and no money moves.
 */
let customer: TestCustomer;
let token: string;
let before: Record<string, string>;

beforeAll(async () => {
  customer = await makeCustomer("attack_bodies", { checking: 300_00 });
  token = await tokenFor(customer.customerId);
  before = await balances(token);
});

const ACC = "acc_00000000000000000000";
const CARD = "card_00000000000000000000";
const EVERY_ROUTE = [
  "/dev/customers",
  "/dev/jwks.json",
  "/dev/login",
  "/api/openapi.json",
  "/api/chat/ws",
  "/api/chat/messages",
  "/api/chat/ws-ticket",
  "/api/whoami",
  "/api/accounts",
  `/api/accounts/${ACC}`,
  `/api/accounts/${ACC}/transactions`,
  "/api/payees",
  "/api/cards",
  `/api/cards/${CARD}/freeze`,
  `/api/cards/${CARD}/unfreeze`,
  "/api/transfers",
  "/api/transfers/trf_00000000000000000000",
];

function transferBody(extra: Record<string, unknown> = {}) {
  return { fromAccountId: customer.checkingId, toAccountId: customer.savingsId, amount: { value: "1.00", currency: "USD" }, ...extra };
}

interface BodyRoute {
  path: string;
  body: object;
  limit: number;
  headers: Record<string, string>;
}

/** The routes that read a JSON body, with what a valid body looks like and their own limit. */
const BODY_ROUTES = (): BodyRoute[] => [
  { path: "/dev/login", body: { customerId: "cus_alex" }, limit: 1024, headers: {} },
  { path: "/api/chat/messages", body: { id: "m-bodies", text: "hello" }, limit: 16 * 1024, headers: {} },
  { path: "/api/transfers", body: transferBody(), limit: 4 * 1024, headers: { "idempotency-key": idempotencyKey("bodies") } },
];

/**
 * Each request comes from a caller of its own: dozens of bad transfers from one customer would
 * (rightly) hit the money rate limit first. They all name the victim's accounts, so a body that
 * wrongly got through would show up as a 404 here, or in the victim's balances.
 */
async function post(path: string, body: BodyInit, headers: Record<string, string> = {}, withToken = true): Promise<Response> {
  const caller = withToken ? await tokenFor(uniqueCustomerId("bodies")) : undefined;
  return gatewayFetch(path, {
    method: "POST",
    headers: { ...(caller ? { authorization: `Bearer ${caller}` } : {}), ...headers },
    body,
  });
}

/** A body with no Content-Length: it arrives as a stream and can only be measured while read. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"text":"${"a".repeat(1000)}`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe("request bodies", () => {
  it("answers 413 on every route for a declared body over MAX_BODY_BYTES, before authentication", async () => {
    for (const path of EVERY_ROUTE) {
      const response = await post(path, "x".repeat(16 * 1024 + 1), { "content-type": "application/json" }, false);
      await expectError(response, 413, "payload_too_large");
    }
  });

  it("answers 413 for a streamed body that grows past the route's own limit", async () => {
    for (const route of BODY_ROUTES()) {
      const response = await post(route.path, streamed(route.limit + 2000), { "content-type": "application/json", ...route.headers });
      await expectError(response, 413, "payload_too_large");
    }
    expect(await balances(token)).toEqual(before);
  });

  it("answers 415 for a body that is not declared as JSON, or not declared at all", async () => {
    for (const route of BODY_ROUTES()) {
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", undefined]) {
        const headers = { ...route.headers, ...(type ? { "content-type": type } : {}) };
        await expectError(await post(route.path, JSON.stringify(route.body), headers), 415, "unsupported_media_type");
      }
    }
    expect(await balances(token)).toEqual(before);
  });

  it("answers 400 invalid_json for malformed JSON and for bytes that are not UTF-8", async () => {
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    for (const route of BODY_ROUTES()) {
      for (const bad of ['{"id": "m-1", "text": ', "{'single': 'quotes'}", "", "NaN", invalidUtf8]) {
        const response = await post(route.path, bad, { "content-type": "application/json", ...route.headers });
        await expectError(response, 400, "invalid_json");
      }
    }
    expect(await balances(token)).toEqual(before);
  });

  it("answers 400 invalid_json for a body that names a field twice, and 415 for a compressed body, moving nothing", async () => {
    for (const route of BODY_ROUTES()) {
      const [first] = Object.keys(route.body);
      const repeated = JSON.stringify(route.body).replace(/}$/, `, ${JSON.stringify(first)}: ${JSON.stringify((route.body as Record<string, unknown>)[first!])}}`);
      const error = await expectError(await post(route.path, repeated, { "content-type": "application/json", ...route.headers }), 400, "invalid_json");
      expect(error.message).toContain(`"${first}"`);
      const headers = { "content-type": "application/json", "content-encoding": "gzip", ...route.headers };
      await expectError(await post(route.path, JSON.stringify(route.body), headers), 415, "unsupported_media_type");
    }
    expect(await balances(token)).toEqual(before);
  });

  it("answers 400 validation_failed naming an unknown field, including __proto__ and constructor", async () => {
    for (const route of BODY_ROUTES()) {
      for (const extra of ['"isAdmin": true', '"__proto__": {"isAdmin": true}', '"constructor": {"prototype": {"x": 1}}']) {
        const raw = JSON.stringify(route.body).replace(/}$/, `, ${extra}}`);
        const response = await post(route.path, raw, { "content-type": "application/json", ...route.headers });
        const error = await expectError(response, 400, "validation_failed");
        expect(error.message).toMatch(/unknown field/);
      }
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(await balances(token)).toEqual(before);
  });

  it("answers 400 for arrays, scalars and deeply nested values where an object is expected", async () => {
    // Deep enough to hurt a recursive validator, small enough for the smallest limit (1 KiB).
    const deep = `${"[".repeat(400)}${"]".repeat(400)}`;
    for (const route of BODY_ROUTES()) {
      for (const bad of ["[]", "null", '"a string"', "42", deep]) {
        const response = await post(route.path, bad, { "content-type": "application/json", ...route.headers });
        await expectError(response, 400, "validation_failed");
      }
    }
    expect(await balances(token)).toEqual(before);
  });
});

describe("the error shape on every route", () => {
  it("answers an unknown route, a wrong method and a malformed id with the error shape and a request id", async () => {
    const auth = { authorization: `Bearer ${token}` };
    await expectError(await gatewayFetch("/api/no-such-route", { headers: auth }), 404, "not_found");
    await expectError(await gatewayFetch("/dev/no-such-route", { method: "POST" }), 404, "not_found");
    await expectError(await gatewayFetch("/no-such-page", { method: "POST" }), 404, "not_found");
    await expectError(await gatewayFetch("/api/accounts", { method: "DELETE", headers: auth }), 404, "not_found");
    await expectError(await gatewayFetch("/api/transfers", { method: "PUT", headers: auth }), 404, "not_found");
    await expectError(await gatewayFetch("/api/accounts/not-an-id", { headers: auth }), 400, "validation_failed");
    await expectError(await gatewayFetch(`/api/accounts/${ACC}/transactions?limit=-1`, { headers: auth }), 400, "validation_failed");
    await expectError(await gatewayFetch("/api/chat/ws"), 426, "bad_request");
  });

  it("answers every authenticated route without a token with 401 in the error shape", async () => {
    for (const path of EVERY_ROUTE.filter((p) => p.startsWith("/api/") && !["/api/openapi.json", "/api/chat/ws"].includes(p))) {
      const method = /messages|ws-ticket|freeze|unfreeze|^\/api\/transfers$/.test(path) ? "POST" : "GET";
      await expectError(await gatewayFetch(path, { method }), 401, "unauthorized");
    }
  });
});
