// Pieces of the reading rules' patterns shared by requests.ts and own-words.ts: how a request opens
// and ends, calendar words and the people one pays. Plain strings for RegExp sources, matched
// against text with its ASCII letters lower-cased (see requests.ts).

// How a request opens ("I want to", "can you help me", and since nlu3 "I was hoping to", "I was wondering if you could").
export const LEAD = String.raw`(?:(?:so|now|and)\s+)?(?:i(?:\s+(?:really\s+|just\s+)?(?:want|wanna|need|would\s+like|wish|have)|'?d\s+(?:really\s+|just\s+)?like|\s+am\s+(?:trying|looking|hoping)|'?m\s+(?:trying|looking|hoping|wanting)|\s+was\s+(?:trying|looking|hoping|wanting))\s+(?:to\s+)?|i\s+(?:was\s+)?wonder(?:ing)?\s+if\s+(?:you|u|i)\s+(?:can|could|might)\s+(?:please\s+)?(?:help\s+me\s+)?(?:(?:to|with)\s+)?|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:help\s+me\s+)?(?:(?:to|with)\s+)?|(?:can|could|may)\s+i\s+(?:please\s+)?|(?:please\s+)?help\s+me\s+(?:(?:to|with)\s+)?|let\s+me\s+|let'?s\s+|please\s+|(?:i\s+)?need\s+(?:help|assistance)\s+(?:with\s+|to\s+)?)`;
export const END = String.raw`(?:\s+(?:please|now|today|for\s+me|right\s+now|asap|though|too|also|as\s+well|instead))*\s*[.!?]*$`;
// Words of a calendar period only: days, months, years and the joins between them ("1 october and 15 october").
export const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
// People one pays back (a transfer), never a biller or a card.
export const PERSON = String.raw`(?:friends?|mom|mum|mother|dad|father|sister|brother|wife|husband|son|daughter|roommate|flatmate|housemate|landlord|landlady|babysitter|nanny|cleaner|neighbou?r|boss|coworker|colleague|partner|girlfriend|boyfriend|aunt|uncle|grandma|grandpa|cousin|niece|nephew)`;
