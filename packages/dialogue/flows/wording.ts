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

/** A card's brand label as the NLU names brands: its letters, lower-case ("Master Card" → "mastercard"). */
export function brandKey(label: string | undefined): string {
  return (label ?? "").toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * The cards of the brand named, when that picks some ("freeze my visa"); all of them otherwise, so
 * a brand the customer does not hold still gets the question (or the whole list) rather than "no such card".
 */
export function withBrand<C extends { brand?: string }>(cards: C[], brand: string | undefined): C[] {
  const branded = brand ? cards.filter((c) => brandKey(c.brand) === brand) : [];
  return branded.length > 0 ? branded : cards;
}
