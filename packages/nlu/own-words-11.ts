// Wave 3, sweep19 (issue 12): what forty other conversations showed Teller misread. Same conventions
// as requests.ts and own-words*.ts, which apply these after their own: each pattern matches the whole
// small-talk-free message (lower-cased ASCII, texting spelled out), gated on words it cannot match
// without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const CARD = String.raw`(?:(?:lost|missing|old|debit|credit|bank)\s+)?(?:card|visa|master\s?card|amex)`;
const FROM = String.raw`(?:from|out\s+of|with|using)\s+(?:my\s+)?(?:savings|checking)(?:\s+account)?`;

export const OWN_WORDS_11_RULES: ReadingRule[] = [
  // "found my card" (card_linking 0.93: how to link a card): a card turned up again, so unfreezing
  // it (the unfreeze asks its Yes) — never another freeze.
  [["found"], lazyPattern(String.raw`^(?:(?:oh|ok(?:ay)?|good\s+news|great|phew|nvm|never\s+mind)[,!.]?\s+)*(?:i(?:'ve|\s+have|\s+just)?\s+)?found\s+(?:my|the)\s+${CARD}(?:\s+again)?(?:\s+(?:after\s+all|in\s+my\s+(?:bag|pocket|car|jacket|wallet|coat)|at\s+home))?(?:\s*[,.]?\s*(?:so\s+)?(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:unfreeze|unlock|unblock|reactivate)\s+it)?${END}`), "unfreeze_card"],
  // "pay off my full statement balance from checking" (transfer 0.69: "How much would you like to
  // send?", to no one): a card payment of the newest statement's balance (entities/query.ts).
  [["statement"], lazyPattern(String.raw`^${LEAD}?(?:pay|clear|settle)\s+(?:off\s+)?(?:my|the)\s+(?:(?:full|whole|entire|total)\s+)?(?:(?:credit\s+)?card(?:'s)?\s+)?statement(?:\s+(?:balance|amount))?(?:\s+(?:on|for)\s+(?:my|the)\s+(?:credit\s+)?card)?(?:\s+${FROM})?${END}`), "pay_bill"],
];
