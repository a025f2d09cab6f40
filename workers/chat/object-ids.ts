import { setBounded } from "../../packages/bounded-map/bounded-map.js";
import type { ChatEnv } from "./env.js";

/** Names remembered per namespace and isolate (a customer id is ~40 characters). */
const MAX_IDS = 10_000;
const known = new WeakMap<object, Map<string, DurableObjectId>>();

/**
 * `namespace.idFromName(name)`, remembered in this isolate: every turn, status check and socket
 * upgrade names its customer's ChatSession, and the id is a keyed hash of the name that never
 * changes. An id holds no request's I/O, so one isolate's requests may share it; the stub made
 * from it (`get`) is still made per request.
 */
export function objectId(namespace: { idFromName(name: string): DurableObjectId }, name: string): DurableObjectId {
  let ids = known.get(namespace);
  if (!ids) known.set(namespace, (ids = new Map()));
  const hit = ids.get(name);
  if (hit) return hit;
  const id = namespace.idFromName(name);
  setBounded(ids, name, id, MAX_IDS);
  return id;
}

/** The customer's ChatSession: its id remembered (objectId), its stub made for this request. */
export function customerSession(env: Pick<ChatEnv, "CHAT_SESSION">, customerId: string) {
  return env.CHAT_SESSION.get(objectId(env.CHAT_SESSION, customerId));
}
