import { fail, ok, type RpcResult } from "../contract/errors.js";
import type { Currency } from "../money/money.js";
import type { Db } from "../db/client.js";
import {
  insertDispute,
  selectCustomerTransaction,
  selectDisputeForTransaction,
  selectDisputes,
  type DisputeWithTransaction,
} from "./disputes.repo.js";
import { isId, newId } from "./ids.js";
import type { DisputeReason, DisputeStatus, DisputeView } from "../contract/views.js";

export type { DisputeReason, DisputeStatus, DisputeView };

const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"; // no 0/O, 1/I/L: read aloud over the phone
const MAX_LISTED = 50;

/** "DSP-" and six characters a customer can read out without confusion. */
export function newDisputeReference(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  let body = "";
  for (const byte of bytes) body += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
  return `DSP-${body}`;
}

export async function listDisputes(db: Db, customerId: string): Promise<RpcResult<DisputeView[]>> {
  return ok((await selectDisputes(db, customerId, MAX_LISTED)).map(disputeView));
}

/**
 * Opens a dispute on one of the customer's own transactions. Idempotent per transaction: a
 * second call answers with the existing case and `created: false`. Another customer's
 * transaction answers exactly like one that does not exist.
 */
export async function openDispute(
  db: Db,
  customerId: string,
  request: { transactionId: string; reason: DisputeReason },
): Promise<RpcResult<{ dispute: DisputeView; created: boolean }>> {
  if (!isId("transaction", request.transactionId)) return fail(404, "not_found", "transaction not found");
  if (!["unrecognised", "duplicate", "other"].includes(request.reason)) return fail(400, "bad_request", "reason: unknown");
  const transaction = await selectCustomerTransaction(db, customerId, request.transactionId);
  if (!transaction) return fail(404, "not_found", "transaction not found");
  if (transaction.amount >= 0) return fail(422, "validation_failed", "only money out can be disputed");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const inserted = await insertDispute(db, {
        id: newId("dispute"),
        customerId,
        transactionId: transaction.id,
        reference: newDisputeReference(),
        reason: request.reason,
      });
      if (inserted) return ok({ dispute: disputeView({ dispute: inserted, transaction }), created: true });
      break;
    } catch (error) {
      // A reference already taken (1 in ~700 million per pair): try another.
      if (attempt === 2 || !isUniqueViolation(error)) throw error;
    }
  }
  const existing = await selectDisputeForTransaction(db, customerId, transaction.id);
  if (!existing) return fail(409, "conflict", "dispute could not be recorded");
  return ok({ dispute: disputeView(existing), created: false });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === "23505";
}

function disputeView({ dispute, transaction }: DisputeWithTransaction): DisputeView {
  return {
    id: dispute.id,
    reference: dispute.reference,
    transactionId: dispute.transactionId,
    reason: dispute.reason,
    status: dispute.status,
    createdAt: dispute.createdAt.toISOString(),
    merchant: transaction.merchant,
    amount: { minor: transaction.amount, currency: transaction.currency },
    postedAt: transaction.postedAt.toISOString(),
  };
}
