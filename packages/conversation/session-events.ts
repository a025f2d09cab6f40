import type { ChatEvent } from "../contract/events.js";
import { redactText } from "../redaction/redact.js";
import type { Effect, EffectResult } from "../dialogue/index.js";

/** A conversation's event for the outbox (and from there the queue, transcripts and audit). */
export function chatEvent(
  type: ChatEvent["type"],
  customerId: string,
  messageId: string | undefined,
  now: number,
  payload: Record<string, unknown>,
  id: string = crypto.randomUUID(),
): ChatEvent {
  return {
    id,
    type,
    customerId,
    ...(messageId ? { messageId } : {}),
    occurredAt: new Date(now).toISOString(),
    payload,
  };
}

/** A money movement or card change, audited with its outcome; a memo is redacted, amounts stay. */
export function auditEvent(
  customerId: string,
  effect: Extract<Effect, { kind: "transfer" | "set_card_status" }>,
  result: EffectResult,
  now: number,
): ChatEvent {
  return chatEvent(effect.kind === "transfer" ? "audit.transfer" : "audit.card", customerId, undefined, now, {
    effect: effect.kind === "transfer" ? { ...effect, memo: effect.memo ? redactText(effect.memo) : undefined } : effect,
    ok: result.ok,
    ...(result.ok ? {} : { error: result.error.code }),
  });
}
