/**
 * The bank's own ABA routing numbers (ABA checksum valid). A routing number names the bank, not a
 * customer: it is public, printed on every check, so stored transcripts may keep it readable while
 * every other number (account numbers above all) stays masked. Seeds and fixtures use this list,
 * so the accounts' routing numbers in the database are among them.
 */
export const BANK_ROUTING_NUMBERS: readonly string[] = ["074001239"];
