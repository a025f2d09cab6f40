// Wave 3, sweep16 (issue 12): what customers asked that Teller declined. Same conventions as
// requests.ts and own-words*.ts, which apply these after their own: each pattern matches the whole
// small-talk-free message (lower-cased ASCII, texting spelled out), gated on words it cannot match
// without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// A transfer in general ("a transfer", "transfers", "money"), never one of the customer's ("my
// transfer", "the transfer": BANKING77's "How long does it take for the transfer to go through?" is
// transfer_not_received_by_recipient) nor a bank transfer (BANKING77 files incoming ones under
// balance_not_updated_after_bank_transfer).
const ANY_TRANSFER = String.raw`(?:(?:a|an)\s+(?:money\s+|online\s+)?(?:transfer|payment)|(?:money\s+|online\s+)?(?:transfers|payments)|money)`;
const USUALLY = String.raw`(?:usually\s+|normally\s+|typically\s+|generally\s+)?`;
// What a transfer does when it is made, never "arrive" ("how long does it take for a transfer to
// arrive" is BANKING77's transfer_not_received_by_recipient) nor "show up" (pending_transfer).
const GO_THROUGH = String.raw`(?:go\s+through|clear|process|be\s+(?:processed|made|completed|done)|complete)`;

export const OWN_WORDS_9_RULES: ReadingRule[] = [
  // "how long does it take for a transfer to go through" (transfer_not_received_by_recipient 0.45,
  // declined), "how long do transfers take to go through": how long a transfer takes, in general.
  // Teller's written answer: made as soon as it is confirmed, any day, any hour.
  [["how long"], lazyPattern(String.raw`^how\s+long\s+(?:does|do|will|would|should|can)\s+it\s+${USUALLY}take\s+(?:for\s+)?${ANY_TRANSFER}\s+to\s+${GO_THROUGH}${END}`), "transfer_timing"],
  [["how long"], lazyPattern(String.raw`^how\s+long\s+(?:does|do|will|would|should)\s+${ANY_TRANSFER}\s+${USUALLY}take\s+to\s+${GO_THROUGH}${END}`), "transfer_timing"],
];
