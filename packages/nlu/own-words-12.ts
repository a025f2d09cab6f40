// Wave 3, sweep23: what forty customers' conversations showed Teller misread. Same conventions as
// own-words-11.ts: each pattern matches the whole small-talk-free message (lower-cased ASCII),
// gated on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const CARD = String.raw`(?:(?:debit|credit|bank)\s+)?(?:card|visa|master\s?card|amex)(?:\s+(?:details|number))?`;
const SOMEONE = String.raw`(?:some(?:one|body)(?:\s+else)?|a\s+stranger)`;
const USED = String.raw`(?:has\s+|have\s+|just\s+)?(?:used|is\s+using|been\s+using|made\s+(?:purchases|payments|charges)\s+(?:on|with)|bought\s+(?:stuff|things|something)\s+(?:on|with)|spent\s+money\s+on)`;
// "in another country", "abroad", "online", "last night", "at a store i've never been to".
const WHERE = String.raw`(?:\s+(?:in\s+another\s+country|abroad|overseas|online|last\s+night|yesterday|today|this\s+morning|at\s+[a-z' ]{1,30}))?`;
const NOT_ME = String.raw`(?:\s*[,.;-]?\s*(?:and\s+|but\s+)?(?:it|that)\s+(?:wasn'?t|was\s+not|wasnt)\s+me|\s+without\s+my\s+(?:permission|knowledge|consent))?`;

export const OWN_WORDS_12_RULES: ReadingRule[] = [
  // "someone used my mastercard in another country, it wasnt me" (out_of_scope 0.9: "Sorry, I can't
  // help with that."): a card someone else has used (compromised_card, as BANKING77 files "Somebody
  // used my card without my knowledge!"): the written answer, the team asked in, that card's freeze offered.
  [["some", "stranger"], lazyPattern(String.raw`^(?:${LEAD})?(?:i\s+think\s+)?${SOMEONE}\s+${USED}\s+(?:my|our)\s+${CARD}${WHERE}${NOT_ME}${END}`), "compromised_card"],
];
