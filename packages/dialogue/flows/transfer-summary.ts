/**
 * The sentence a transfer's confirmation asks (flows/transfer.ts). The server renders it from the
 * validated slots and stores it with the confirmation it belongs to; a bill payment reads as one
 * ("Pay $84.20 to … from …?"), a transfer as a send ("Send $30.00 from … to …?").
 */
export interface SummaryParts {
  bill: boolean;
  /** "Everything available": the figure is the source's whole available balance. */
  everything: boolean;
  amount: string;
  from: string;
  to: string;
  /** " tomorrow, Wed 25 Nov 2026" or "" for now. */
  when: string;
  /** `when` is " now, today …": everything available is the figure now. */
  today?: boolean;
}

export function confirmationSummary(p: SummaryParts): string {
  // Later, "everything" would be a vague promise: the figure is the balance when asked, and fixed.
  const later = p.everything && p.when !== "" && !p.today;
  const what = p.everything && !later ? `everything available, ${p.amount},` : p.amount;
  const ask = p.bill ? `Pay ${what} to ${p.to} from ${p.from}${p.when}?` : `Send ${what} from ${p.from} to ${p.to}${p.when}?`;
  return later ? `${ask} That's everything available now; the amount stays ${p.amount} even if the balance changes before then.` : ask;
}
