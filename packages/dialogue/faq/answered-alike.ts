/**
 * FAQ intents whose written answers say the same thing to the customer (faq/transfers.ts): for
 * Teller a transfer is made when confirmed, so "how long does a transfer take?" and "my transfer
 * is pending" are answered alike. The model splits such a question between them (transfer_timing
 * 0.49, pending_transfer 0.47), each under FALLBACK_CONFIDENCE, and it was declined — twice, a
 * hand-off. Whether to answer is decided on the group's summed probability; which answer is given
 * stays the model's top intent. A group holds only answers written to agree: never one picked from
 * the model's confusions (nlu11 measured those and did not ship them).
 */
const GROUPS: readonly (readonly string[])[] = [["transfer_timing", "pending_transfer"]];

export interface ScoredIntent {
  intent: string;
  confidence: number;
}

/**
 * The confidence to decide on: the top intent's own, or, when it belongs to a group, the sum of
 * the group's members among the top intent and its alternatives (capped at 1).
 */
export function answeredAlikeConfidence(top: ScoredIntent, alternatives: readonly ScoredIntent[]): number {
  const group = GROUPS.find((members) => members.includes(top.intent));
  if (!group) return top.confidence;
  let sum = top.confidence;
  for (const alternative of alternatives) {
    if (alternative.intent !== top.intent && group.includes(alternative.intent)) sum += alternative.confidence;
  }
  return Math.min(1, sum);
}
