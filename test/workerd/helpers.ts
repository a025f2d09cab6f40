import { env, exports } from "cloudflare:workers";
import { SignJWT } from "jose";
import { openDb, type DbHandle } from "../../packages/db/client.js";
import { DEV_IDP_ALG, devSigningKey } from "../../workers/gateway/dev-idp/keys.js";
import { ACCESS_TOKEN_TYPE } from "../../workers/gateway/config.js";

const BASE = "https://teller.test";

export function gatewayFetch(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

/** A token from the development identity provider, through the gateway's own /dev/login. */
export async function loginAs(customerId: string): Promise<string> {
  const response = await gatewayFetch("/dev/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ customerId }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * A token for any customer id, signed with the development identity provider's key: each test
 * gets a conversation of its own. (The dev IdP itself only signs for the demo customers.)
 */
export async function tokenFor(customerId: string): Promise<string> {
  const bindings = env as unknown as { DEV_IDP_PRIVATE_JWK: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string };
  const { key, kid } = await devSigningKey(bindings.DEV_IDP_PRIVATE_JWK);
  return new SignJWT({})
    .setProtectedHeader({ alg: DEV_IDP_ALG, kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(bindings.AUTH_ISSUER)
    .setAudience(bindings.AUTH_AUDIENCE)
    .setSubject(customerId)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}

let counter = 0;
/** A customer id no other test uses. */
export function uniqueCustomerId(label: string): string {
  return `cus_test_${label}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
}

export function postJson(path: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  return gatewayFetch(path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The test database, through the same driver and proxy the Workers use. */
export function testDb(): DbHandle {
  const bindings = env as unknown as { DATABASE_URL: string; DB_WS_PROXY: string };
  return openDb({ databaseUrl: bindings.DATABASE_URL, wsProxy: bindings.DB_WS_PROXY, maxConnections: 1 });
}

/**
 * Runs `fn` on a connection that is closed right after: the embedded PGlite serves one session
 * at a time, so a test holding a connection would starve the Worker it is waiting for.
 */
export async function withTestDb<T>(fn: (db: DbHandle["db"]) => Promise<T>): Promise<T> {
  const { db, end } = testDb();
  try {
    return await fn(db);
  } finally {
    await end();
  }
}

/** Polls until `check` returns a value (queues deliver asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A ChatSession's store, for tests that change what the object keeps (its meta rows are cached
 * by the store, so a raw SQL write underneath would not be seen by the live object).
 */
export function sessionStore(instance: unknown): { setMeta(key: string, value: string): void } {
  return (instance as { store: { setMeta(key: string, value: string): void } }).store;
}

/**
 * Runs `fn` in a transaction that is then rolled back: for functions that act on every row of a
 * table (the scheduled-transfer runner, retention, pending erasures), so that a test neither
 * touches other tests' rows for good nor has its own rows taken by another test's run meanwhile.
 */
export async function inRolledBackTransaction(fn: (tx: DbHandle["db"]) => Promise<void>): Promise<void> {
  const rollBack = new Error("rolled back by the test");
  const outcome = await withTestDb((db) =>
    db.transaction(async (tx) => {
      await fn(tx as unknown as DbHandle["db"]);
      throw rollBack;
    }),
  ).catch((error: unknown) => error);
  if (outcome !== rollBack) throw outcome;
}
