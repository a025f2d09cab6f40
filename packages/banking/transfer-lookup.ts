import { ok, type RpcResult } from "../contract/errors.js";
import type { Db } from "../db/client.js";
import { selectTransferByKey } from "./transfers.repo.js";
import type { TransferView } from "../contract/views.js";
import { transferView } from "./views.js";

/**
 * The transfer this customer made with `idempotencyKey`, or null if none was ever applied: how a
 * caller that lost a transfer's answer (a crash, a timeout) learns whether the money moved before
 * it calls the action off. Scoped to the customer like every query.
 */
export async function findTransferByKey(db: Db, customerId: string, idempotencyKey: string): Promise<RpcResult<TransferView | null>> {
  const row = await selectTransferByKey(db, customerId, idempotencyKey);
  return ok(row ? transferView(row) : null);
}
