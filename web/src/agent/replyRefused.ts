/**
 * A reply the server refused because the bank disabled the customer after this conversation was
 * opened (409 customer_disabled): the view turns read only, as if it had loaded that way, and the
 * agent is told plainly why their words were not sent. Told apart by code, never by message.
 */
import { ApiError } from "../api.js";
import type { HandoffDetail } from "./staffApi.js";

export function afterReplyRefused(detail: HandoffDetail, error: unknown): { detail: HandoffDetail; notice: string } | null {
  if (!(error instanceof ApiError) || error.code !== "customer_disabled") return null;
  return {
    detail: { ...detail, handoff: { ...detail.handoff, customerDisabled: true } },
    notice: `Not sent: the bank has disabled ${detail.handoff.customerName}'s access since you opened this conversation. You can still read it; resolve it or hand it back.`,
  };
}
