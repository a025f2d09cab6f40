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
}

export function confirmationSummary(p: SummaryParts): string {
  const what = p.everything ? `everything available, ${p.amount},` : p.amount;
  return p.bill ? `Pay ${what} to ${p.to} from ${p.from}${p.when}?` : `Send ${what} from ${p.from} to ${p.to}${p.when}?`;
}
