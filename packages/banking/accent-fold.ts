/**
 * explore27: "how much have i sent to lucia" found nothing for the payee “Lucía García”: a merchant
 * searched as the customer types it, without accents, matches one stored with them. Postgres folds
 * the stored name with translate() over the letters below (no extension needed); the customer's text
 * is folded the same way here. Matching stays ILIKE's as well, so nothing that matched before is lost.
 */
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** Accented Latin letters (lower case) and, at the same index, the plain letter each folds to. */
export const ACCENTED = "áàâäãåāăąçćčďéèêëēėęěíìîïīįıñńňóòôöõøōőŕřśšşťúùûüūůűųýÿžźż";
export const PLAIN = "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooorrssstuuuuuuuuyyzzz";

const FOLD = new Map([...ACCENTED].map((c, i) => [c, PLAIN[i]!]));

/** `text` lower-cased with the accented letters above replaced by their plain ones. */
export function foldAccents(text: string): string {
  return [...text.toLowerCase()].map((c) => FOLD.get(c) ?? c).join("");
}

/** `column` folded as foldAccents folds, matched with LIKE against `pattern` (folded here). */
export function foldedLike(column: SQL | AnyColumn, pattern: string): SQL {
  return sql`translate(lower(${column}), ${ACCENTED}, ${PLAIN}) LIKE ${foldAccents(pattern)}`;
}
