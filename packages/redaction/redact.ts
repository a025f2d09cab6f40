/**
 * Masks personal data in free text before it is stored, queued or logged (PCI DSS 3.4: card numbers
 * keep at most their last four digits). It errs on the side of masking: a long number that is not a
 * card is still masked as an account number, because transcripts never need the digits.
 *
 * Output markers:
 *   card number (13–19 digits, Luhn-valid)  → "•••• 4242"
 *   other number of 13+ digits, IBAN        → "[account ••1234]"
 *   number of 7–12 digits                   → "[phone]" when written like one, else "[account ••1234]"
 *   email address                           → "[email]"
 *   digits inside a link (https://…, www.…)  → kept, unless a card number ("•••• 4242")
 *   JWT, or any credential after "Bearer "  → "[token]"
 */

/**
 * A JWT (its header always starts with base64url of '{"', i.e. "eyJ") or whatever follows
 * "Bearer ": a customer pasting a token into the chat, or an error that echoes a header.
 */
export const TOKEN = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|\bBearer\s+[A-Za-z0-9._~+/=-]+/g;

/** Local part: RFC 5322 atext and dots, so unusual but valid addresses are caught too. */
export const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Country code, check digits, then 11–30 letters/digits, optionally grouped by single spaces. */
const IBAN = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}\b/g;

/**
 * A run of digits joined by up to three separators (space, tab, dash, parentheses), optionally led
 * by "+" or "(". Runs are taken whole so that digits glued to a card number cannot hide it.
 */
const NUMBER_RUN = /\+?\(?\d(?:[ \t\-()]{0,3}\d)*/g;

/** Dates are numbers people write all the time and are not personal data on their own. */
const DATE_SHAPES = [/^\d{4}-\d{1,2}-\d{1,2}$/, /^\d{1,2}-\d{1,2}-\d{2,4}$/];

const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;
const MIN_MASKED_DIGITS = 7;

/**
 * `publicNumbers`: numbers that name no one and stay readable (the bank's routing numbers in
 * Teller's own replies); matched as the whole run of digits, never as part of a longer one.
 */
export function redactText(text: string, publicNumbers: readonly string[] = []): string {
  // Tokens first: their base64url would otherwise be half-masked as numbers and emails.
  return text
    .replace(TOKEN, "[token]")
    .replace(EMAIL, "[email]")
    .replace(IBAN, maskIban)
    .replace(NUMBER_RUN, (run, at: number, whole: string) => {
      if (publicNumbers.includes(run.trim())) return run;
      return withinLink(whole, at, at + run.length) ? maskCardInLink(run) : maskNumberRun(run);
    });
}

/**
 * A link as people paste it. Its digits are article, order or tracking ids, read by staff in the
 * agent console ("…/articles/[account ••5678]" helped no one), so only a card number is masked there.
 */
const LINK = /(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

/** True when [start, end) lies inside one link of `text`; digits that go on past a link are not the link's. */
function withinLink(text: string, start: number, end: number): boolean {
  if (!/https?:\/\/|www\./i.test(text)) return false;
  for (const m of text.matchAll(LINK)) {
    if (start >= m.index && end <= m.index + m[0].length) return true;
  }
  return false;
}

/** In a link, a card number is still never stored (PCI DSS 3.4); any other id stays as written. */
function maskCardInLink(run: string): string {
  const digits = run.replace(/\D/g, "");
  const isCard = digits.length >= MIN_CARD_DIGITS && digits.length <= MAX_CARD_DIGITS && passesLuhn(digits);
  return isCard ? `•••• ${digits.slice(-4)}` : run;
}

/** Luhn checksum over a string of digits (ISO/IEC 7812). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function maskIban(match: string): string {
  const compact = match.replace(/ /g, "");
  // Words such as "ab12thisisaverylongword" have the shape but not the digits of an account.
  const digitsAfterCheck = compact.slice(4).replace(/\D/g, "").length;
  if (digitsAfterCheck < 4) return match;
  return `[account ••${compact.slice(-4).toUpperCase()}]`;
}

function maskNumberRun(run: string): string {
  const digits = run.replace(/\D/g, "");
  if (digits.length < MIN_MASKED_DIGITS) return run;
  const last4 = digits.slice(-4);
  if (digits.length >= MIN_CARD_DIGITS) {
    const isCard = digits.length <= MAX_CARD_DIGITS && passesLuhn(digits);
    return isCard ? `•••• ${last4}` : `[account ••${last4}]`;
  }
  const trimmed = run.trim();
  if (DATE_SHAPES.some((shape) => shape.test(trimmed))) return run;
  const writtenLikePhone = /^[+(]/.test(trimmed) || /\D/.test(trimmed);
  return writtenLikePhone ? "[phone]" : `[account ••${last4}]`;
}
