/**
 * What the NLU understood, as the engine reads it: the DO maps the NLU package's output into these
 * (intent, confidence, entities). Plain JSON. Split from types.ts by role; types.ts re-exports it.
 */
import type { Money } from "../money/money.js";
import type { ScheduleSpec } from "../money/schedule.js";
import type { TimingProblemReason } from "../contract/understood.js";
import type { QueryModifiers } from "./types.answers.js";

export type { TimingProblemReason } from "../contract/understood.js";

export type AccountType = "checking" | "savings" | "credit";
/** How a customer names one of their accounts: by kind or by the last four digits. */
/** The intent a reply or task is labelled with, and how sure the reading was. */
export interface IntentTag {
  name: string;
  confidence: number;
}

export type AccountRef = AccountType | { last4: string };
export type InvalidAmount = {
  invalid: "negative" | "too_large" | "format" | "currency" | "vague";
  /** A price said in words ("twenty five fifty"): the two sums it could be, said back to the customer. */
  readings?: Money[];
};

export interface Entities {
  amount?: Money | InvalidAmount;
  /** Accounts mentioned, in the order they were mentioned. */
  accountRefs: AccountRef[];
  /** Set when the text marked a role ("from savings", "to ••1234"); otherwise refs fill slots in order. */
  fromRef?: AccountRef;
  toRef?: AccountRef;
  payeeName?: string;
  /** explore32: `payeeName` was read from a name with a slip ("sned 20 to jordna"): the name as typed, said back. */
  payeeSlip?: string;
  /**
   * A recipient the customer named who is none of their saved payees ("send 50 to Jordan" with no
   * Jordan saved). Never resolved to anyone: it is only said back to the customer.
   */
  unknownPayee?: string;
  /** A second saved payee named beside `payeeName` ("pay Mom 20 and Jake 30"): one recipient at a time. */
  otherRecipient?: string;
  /** Saved payees the name fits equally well ("send 20 to alex" with two Alexes): never guessed. */
  payeeChoices?: string[];
  /** Words a biller's name may contain, from the kind of bill named ("electric bill" → power…). */
  billerWords?: string[];
  /** ISO dates (YYYY-MM-DD), inclusive. */
  dateRange?: { from: string; to: string };
  merchant?: string;
  category?: string;
  yes?: boolean;
  no?: boolean;
  /** The whole message is a slip of "yes" ("yse", "ya"): at a confirmation it is asked about, never taken as a yes. */
  nearYes?: boolean;
  /** When the customer wants a money action to happen; absent = nothing was said about timing. */
  timing?: Timing;
  /** A weekday named in the message (0 = Sunday), to pick a scheduled payment ("my Friday payment"). */
  weekday?: number;
  /** The message is in another language than English (Teller understands English only). */
  otherLanguage?: boolean;
  /** A card network named ("freeze my visa"): picks the card when the customer has several. */
  cardBrand?: string;
  /** "debit card" / "credit card" named: picks among the customer's cards by what they draw on. */
  cardKind?: "debit" | "credit";
  /** The message asks to cancel or stop something ("cancel my Friday payment"). */
  cancelRequest?: boolean;
  /** The message only asks for time ("wait", "hmm, let me think"): the open question stands. */
  hold?: boolean;
  /** What the question asks of the data and the message's shape (counts, lookups, cancel…). */
  query?: QueryModifiers;
  /**
   * Two amounts said for one transfer ("send 10 and 20 to Jordan"): neither is taken for the other,
   * the customer is asked which (flows/transfer-slots.ts).
   */
  amountChoices?: Money[];
  /**
   * A second request after the first in the same message ("yes, and also 30 to savings", "show me
   * my transactions and send 20 to Jordan"): read on its own, handled once the first is answered
   * (flows/two-requests.ts), with its own confirmation. The entities above are the first request's.
   */
  then?: SecondRequest;
}

export interface SecondRequest {
  /** The second request's words, as the customer wrote them. */
  text: string;
  /** Said before the request answered first ("freeze my card and tell me my balance"): asked plainly, not in passing. */
  saidFirst?: boolean;
  intent: string;
  confidence: number;
  entities: Entities;
}


export interface Timing {
  /** "now", "today": at once. */
  now?: true;
  /** At once, said in words that name no moment ("eod", "whenever"): the confirmation says the date. */
  sameDay?: string;
  schedule?: ScheduleSpec;
  /** Timing that was said but cannot be honoured, in the customer's words. */
  problems: Array<{ reason: TimingProblemReason; text: string }>;
}

export interface Understanding {
  intent: string;
  confidence: number;
  entities: Entities;
}
