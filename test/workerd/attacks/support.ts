import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { SignJWT, type JWTPayload } from "jose";
import { devSigningKey, DEV_IDP_ALG } from "../../../workers/gateway/dev-idp/keys.js";
import type { GatewayEnv } from "../../../workers/gateway/env.js";
import { gatewayFetch } from "../helpers.js";

/** Shared by the attack suites: tokens with chosen defects, and the exact error shape to expect. */

export const testEnv = env as unknown as GatewayEnv & { DEV_IDP_PRIVATE_JWK: string };

const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface TokenSpec {
  sub?: string | null;
  iss?: string | null;
  aud?: string | null;
  /** Seconds from now; null leaves the claim out. */
  exp?: number | null;
  iat?: number | null;
  nbf?: number;
  header?: Record<string, unknown>;
  claims?: JWTPayload;
  key?: CryptoKey | Uint8Array;
  alg?: string;
}

/** A token signed by the trusted development key unless `key` says otherwise; defaults are valid. */
export async function signToken(spec: TokenSpec = {}): Promise<string> {
  const dev = await devSigningKey(testEnv.DEV_IDP_PRIVATE_JWK);
  const payload: JWTPayload = { ...spec.claims };
  const put = (claim: "sub" | "iss" | "aud", value: string | null | undefined, fallback: string) => {
    if (value !== null) payload[claim] = value ?? fallback;
  };
  const at = (claim: "iat" | "exp", offset: number | null | undefined, fallbackOffset: number) => {
    if (offset !== null) payload[claim] = nowSeconds() + (offset ?? fallbackOffset);
  };
  put("sub", spec.sub, "cus_attack_default");
  put("iss", spec.iss, testEnv.AUTH_ISSUER);
  put("aud", spec.aud, testEnv.AUTH_AUDIENCE);
  at("iat", spec.iat, 0);
  at("exp", spec.exp, 600);
  if (spec.nbf !== undefined) payload.nbf = nowSeconds() + spec.nbf;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: spec.alg ?? DEV_IDP_ALG, kid: dev.kid, typ: "at+jwt", ...spec.header } as never)
    .sign(spec.key ?? dev.key);
}

export function base64url(input: string | Uint8Array): string {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An unsigned token (`alg: none`) or any hand-built header/payload with a chosen signature. */
export function rawToken(header: object, payload: object, signature = ""): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signature}`;
}

export function validClaims(sub: string): Record<string, unknown> {
  return { sub, iss: testEnv.AUTH_ISSUER, aud: testEnv.AUTH_AUDIENCE, iat: nowSeconds(), exp: nowSeconds() + 600 };
}

export function authGet(path: string, token: string, headers: Record<string, string> = {}): Promise<Response> {
  return gatewayFetch(path, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

/**
 * The one error shape, exactly: status, code, a message, the request id (also in X-Request-Id),
 * and nothing else — no stack, no internals.
 */
export async function expectError(response: Response, status: number, code: string): Promise<{ message: string; requestId: string }> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  const body = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "requestId"]);
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:|node_modules|\.ts\b/);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return body.error;
}

/** A fake execution context for gateways built from an env object (production-configured tests). */
export function testContext(): ExecutionContext & { settled(): Promise<void> } {
  const pending: Promise<unknown>[] = [];
  return {
    waitUntil: (promise: Promise<unknown>) => void pending.push(promise),
    passThroughOnException() {},
    props: {},
    settled: async () => void (await Promise.allSettled(pending)),
  } as unknown as ExecutionContext & { settled(): Promise<void> };
}

/** Signs any header with the trusted key, bypassing jose's own checks (e.g. an unknown `crit`). */
export async function signRawWithDevKey(header: object, payload: object): Promise<string> {
  const { key, kid } = await devSigningKey(testEnv.DEV_IDP_PRIVATE_JWK);
  const input = `${base64url(JSON.stringify({ alg: "ES256", kid, typ: "at+jwt", ...header }))}.${base64url(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key as CryptoKey, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}
