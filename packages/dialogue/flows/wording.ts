import { cleanName, reply } from "../render.js";
import type { AccountRef, EffectResult, Entities, IntentTag, Reply } from "../types.js";

/** Wording and small readings shared by several flows (kept here so the flows import no one another in circles). */

export function explainLoadFailure(intent: IntentTag, result: EffectResult): Reply {
  if (!result.ok && result.error.code === "unavailable") {
    return reply(
      intent,
      "I can't reach your accounts right now. Please try again in a few minutes — I can still answer general questions in the meantime.",
    );
  }
  return reply(intent, "Something went wrong while getting your account details. Please try again in a moment.");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-03" → "3 Nov 2026"; anything else is shown cleaned as it came. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : cleanName(iso, 30);
}

export function namedLast4(e: Entities): string | undefined {
  const refs: AccountRef[] = [...(e.fromRef ? [e.fromRef] : []), ...(e.toRef ? [e.toRef] : []), ...e.accountRefs];
  for (const ref of refs) if (typeof ref !== "string" && /^\d{4}$/.test(ref.last4)) return ref.last4;
  return undefined;
}
