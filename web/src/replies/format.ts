/** How amounts, dates and card numbers read on screen. Money is formatted by the shared module. */
import { formatMoney, type Money } from "../../../packages/money/money.js";

export function money(amount: Money): string {
  return formatMoney(amount.minor, amount.currency);
}

/** Money in gets a plus sign: direction is never told by colour alone. */
export function signedMoney(amount: Money): string {
  return amount.minor > 0 ? `+${money(amount)}` : money(amount);
}

const withYear = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const thisYear = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

/** "12 Mar" this year, "12 Mar 2025" otherwise: short enough for a phone-width table. */
export function shortDate(iso: string, now = new Date()): string {
  // A bare date ("2026-03-01") is a calendar day, not UTC midnight: west of Greenwich that would
  // show the day before.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (date.getFullYear() === now.getFullYear() ? thisYear : withYear).format(date);
}

/** PCI DSS 3.4: only the last four digits are ever shown. */
export function maskedNumber(last4: string): string {
  return `•••• ${last4.replace(/\D/g, "").slice(-4)}`;
}

/** A card's printed expiry, "08/29". */
export function expiryText(expiry: { month: number; year: number }): string {
  return `${String(expiry.month).padStart(2, "0")}/${String(expiry.year % 100).padStart(2, "0")}`;
}

export function spokenMask(last4: string): string {
  return `ending ${last4.replace(/\D/g, "").slice(-4).split("").join(" ")}`;
}

export function titleCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, " ");
}
