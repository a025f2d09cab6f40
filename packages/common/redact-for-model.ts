import { EMAIL, TOKEN, maskIban, passesLuhn, redactText } from "./redact.js";

/**
 * Redaction for text that leaves our systems for a model we do not run (Workers AI). Stricter
 * than redactText, which is tuned to keep stored transcripts readable: an intent classifier never
 * needs a long number, so here any 7+ digits held together by non-letters are masked, whatever
 * joins them — dots, slashes, underscores, new lines, runs of spaces, any dash — after folding
 * look-alike characters to plain ones (NFKC: full-width digits, no-break and thin spaces; and
 * every kind of dash to "-").
 * Kept: dates and ordinary amounts, which carry meaning for the intent ("$1,250.00 on 2026-11-24").
 *
 *   card number (13–19 digits, Luhn-valid)  → "•••• 4242"
 *   any other run of 7+ digits              → "[account ••1234]"
 *   plus everything redactText masks (emails, tokens, IBANs, phones)
 */
export function redactForModel(text: string): string {
  const folded = text.normalize("NFKC").replace(/\p{Pd}/gu, "-");
  // Credentials and IBANs first (their letters would split them into harmless-looking pieces),
  // then every number run whole, then redactText for what is left (phones).
  const identifiers = folded.replace(TOKEN, "[token]").replace(EMAIL, "[email]").replace(IBAN_ANY_SEPARATOR, maskIban);
  return redactText(identifiers.replace(LOOSE_NUMBER_RUN, maskLooseRun));
}

/** redactText's IBAN shape, with any single separator people use between the groups. */
const IBAN_ANY_SEPARATOR = /\b[A-Za-z]{2}\d{2}(?:[ .\-/_]?[A-Za-z0-9]){11,30}\b/g;

/**
 * Digits joined by up to four characters that are neither letters nor digits. The IBAN marker is
 * matched first and kept, so its last four digits never join a neighbouring number.
 */
const LOOSE_NUMBER_RUN = /•••• \d{4}|\[account ••[0-9A-Z]{4}\]|\d(?:[^\p{L}\p{N}]{0,4}\d)*/gu;

const MIN_MASKED_DIGITS = 7;
const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;
/** Below card length only: 2026-11-24, 24/11/2026, 24.11.2026. */
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
/**
 * Below card length only, money as people write it: 1,250,000 · 12,500.00 · 12500.00 · 1.250.000,00
 * · 12500,00, and any grouping when a currency sign is written beside it (€ 1.250.000). Groups of
 * three without cents or a currency are ambiguous (792.904.577) and masked.
 */
const AMOUNT = [/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/, /^\d+\.\d{2}$/, /^\d{1,3}(?:[.' ]\d{3})+,\d{1,2}$/, /^\d+,\d{2}$/];
const AMOUNT_WITH_CURRENCY = /^\d{1,3}(?:[,.' ]\d{3})*(?:[.,]\d{1,2})?$/;

function maskLooseRun(run: string): string {
  if (!/^\d/.test(run)) return run;
  const digits = run.replace(/\D/g, "");
  if (digits.length < MIN_MASKED_DIGITS) return run;
  if (digits.length >= MIN_CARD_DIGITS && digits.length <= MAX_CARD_DIGITS && passesLuhn(digits)) return `•••• ${digits.slice(-4)}`;
  // "on 2026-11-24, 24/11/2026" is a list, not one number: judge each item on its own. But bare
  // groups of up to four digits adding up to a card's length are one number written with commas
  // ("4065, 6492, 1765, 1234"), Luhn-valid or not.
  const items = run.split(/([,;] )/);
  if (digits.length >= MIN_CARD_DIGITS && items.every((item, i) => i % 2 === 1 || /^\d{1,4}$/.test(item))) return `[account ••${digits.slice(-4)}]`;
  return items.map((item, i) => (i % 2 ? item : maskItem(item))).join("");
}

function maskItem(item: string): string {
  const digits = item.replace(/\D/g, "");
  if (digits.length < MIN_MASKED_DIGITS) return item;
  if (digits.length >= MIN_CARD_DIGITS && digits.length <= MAX_CARD_DIGITS && passesLuhn(digits)) return `•••• ${digits.slice(-4)}`;
  const masked = `[account ••${digits.slice(-4)}]`;
  if (digits.length >= MIN_CARD_DIGITS) return masked;
  const trimmed = item.replace(/^[\s\p{Sc}]+|[\s\p{Sc}]+$/gu, "");
  if (DATE.test(trimmed)) return item;
  if (AMOUNT.some((shape) => shape.test(trimmed))) return item;
  if (/\p{Sc}/u.test(item) && AMOUNT_WITH_CURRENCY.test(trimmed)) return item;
  return masked;
}
