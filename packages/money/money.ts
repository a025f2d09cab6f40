/**
 * Money is an integer count of minor units plus an ISO 4217 currency. Floats never hold money:
 * amounts arrive and leave as decimal strings ("12.34") and are converted here, exactly.
 */
export interface Money {
  /** Integer minor units (cents). Always a safe integer. */
  minor: number;
  currency: Currency;
}

export const CURRENCIES = ["USD", "EUR", "GBP"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Digits after the decimal point for each supported currency. */
export const MINOR_DIGITS: Record<Currency, number> = { USD: 2, EUR: 2, GBP: 2 };

const SYMBOLS: Record<Currency, string> = { USD: "$", EUR: "€", GBP: "£" };

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

export type ParseAmountError = "format" | "precision" | "too_large";

/**
 * "12.34" → 1234. Accepts only plain non-negative decimals (no sign, exponent, separators or
 * spaces), with at most the currency's number of decimals.
 */
export function parseDecimalAmount(
  value: string,
  currency: Currency,
): { ok: true; minor: number } | { ok: false; error: ParseAmountError } {
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(value);
  if (!match) return { ok: false, error: "format" };
  const digits = MINOR_DIGITS[currency];
  const whole = match[1]!;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return { ok: false, error: "precision" };
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: "too_large" };
  return { ok: true, minor };
}

/** 1234 → "12.34" (the wire format: no symbol, no grouping). */
export function toDecimalString(minor: number, currency: Currency): string {
  assertMinor(minor);
  const digits = MINOR_DIGITS[currency];
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor).toString().padStart(digits + 1, "0");
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** 123456 → "$1,234.56" for people; -500 → "-$5.00". */
export function formatMoney(minor: number, currency: Currency): string {
  const plain = toDecimalString(Math.abs(minor), currency);
  const [whole, fraction] = plain.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return `${minor < 0 ? "-" : ""}${SYMBOLS[currency]}${body}`;
}

export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
}
