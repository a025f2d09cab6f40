import { createTestCustomer, type TestCustomer } from "../../scripts/db/fixtures.js";
import type { Currency } from "../../packages/money/money.js";
import type { RpcResult } from "../../packages/contract/errors.js";
import { gatewayFetch, withTestDb } from "./helpers.js";

/**
 * Banking tests make their own customers (`cus_test_<file>_<run>_<n>`): test files run in
 * parallel on one database, and ids of their own keep them from seeing each other's money.
 */
const RUN = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
let counter = 0;

/** The value of a result the test expects to succeed; its message when it did not. */
export function value<T>(result: RpcResult<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

export function freshCustomerId(file: string): string {
  return `cus_test_${file}_${RUN}_${++counter}`;
}

export function makeCustomer(
  file: string,
  options: { checking?: number; savings?: number; creditLimit?: number; currency?: Currency } = {},
): Promise<TestCustomer> {
  const id = freshCustomerId(file);
  return withTestDb((db) => createTestCustomer(db, id, options));
}

/** Tokens for customers of the tests' own (the dev IdP's /dev/login only signs for demo customers). */
export { tokenFor } from "./helpers.js";

export async function apiGet(path: string, token: string): Promise<Response> {
  return gatewayFetch(path, { headers: { authorization: `Bearer ${token}` } });
}

export async function apiPost(path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return gatewayFetch(path, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

export function postTransfer(token: string, key: string | undefined, body: unknown): Promise<Response> {
  return apiPost("/api/transfers", token, body, key === undefined ? {} : { "idempotency-key": key });
}

export interface WireAccount {
  id: string;
  type: string;
  balance: { value: string; currency: string };
  available: { value: string; currency: string };
}

export async function balances(token: string): Promise<Record<string, string>> {
  const response = await apiGet("/api/accounts", token);
  const body = (await response.json()) as { items: WireAccount[] };
  return Object.fromEntries(body.items.map((a) => [a.id, a.balance.value]));
}

let keyCounter = 0;
export function idempotencyKey(label = "key"): string {
  return `${label}-${RUN}-${++keyCounter}`;
}
