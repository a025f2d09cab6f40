/**
 * How customers point at a charge without its number: "the 42.10 at shell yesterday", "the one
 * from yesterday", "the $30 one". The figures, the day and the merchant's name they said narrow
 * the charges a dispute offers, and pick one from the list already shown.
 */
import type { ChargeHints, DisputeTask, Entities } from "../types.js";

type Charge = DisputeTask["candidates"][number];

const MAX_WORDS = 24;
// A figure, not a day ("the 15th", "3 days ago") nor a share ("10%").
const FIGURE = /(?<![\d.,])\$?\s?(\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.(\d{2}))?(?![\d%]|\.\d|\s*(?:st|nd|rd|th|days?|weeks?|months?|years?|hours?|am|pm)\b)/gi;

export function chargeHints(e: Entities, text: string): ChargeHints {
  const hints: ChargeHints = {};
  const amounts = new Set<number>();
  if (e.amount && "minor" in e.amount) amounts.add(e.amount.minor);
  for (const m of text.matchAll(FIGURE)) amounts.add(Number(m[1]!.replace(/,/g, "")) * 100 + Number(m[2] ?? 0));
  if (amounts.size > 0) hints.amounts = [...amounts];
  if (e.dateRange) hints.range = { from: e.dateRange.from, to: e.dateRange.to };
  const words = [...new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? [])].slice(0, MAX_WORDS);
  if (words.length > 0) hints.words = words;
  return hints;
}

/**
 * The charges that fit what was said, each hint applied only when some charge fits it (a figure
 * that is no charge's amount narrows nothing). `matched`: at least one hint fitted.
 */
export function narrowCharges<T extends Pick<Charge, "merchant" | "amount" | "postedAt">>(rows: T[], hints: ChargeHints): { rows: T[]; matched: boolean } {
  const fits: Array<(row: T) => boolean> = [];
  if (hints.amounts) fits.push((row) => hints.amounts!.includes(Math.abs(row.amount.minor)));
  if (hints.range) fits.push((row) => row.postedAt.slice(0, 10) >= hints.range!.from && row.postedAt.slice(0, 10) <= hints.range!.to);
  if (hints.words) fits.push((row) => nameWord(row.merchant) !== undefined && hints.words!.includes(nameWord(row.merchant)!));
  let out = rows;
  let matched = false;
  for (const fit of fits) {
    const kept = out.filter(fit);
    if (kept.length === 0) continue;
    matched = true;
    out = kept;
  }
  return { rows: out, matched };
}

/** "shell" for “Shell”, "bluebird" for “Bluebird Coffee”, "home" for “The Home Depot”. */
function nameWord(merchant: string): string | undefined {
  return merchant.toLowerCase().match(/[a-z]{3,}/g)?.find((w) => w !== "the");
}
