// Number words ("two hundred and fifty", "forty-two") as integers, for amounts (amount.ts).

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, grand: 1000, million: 1_000_000 };
export const NUMBER_WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALES)].join("|")})(?:-(?:${Object.keys(SMALL).join("|")}))?`;
/** Every number word, for a cheap check before the patterns run. */
export const NUMBER_WORD_LIST = [...Object.keys(SMALL), ...Object.keys(SCALES)];

/** Parses a run of number words ("two hundred and fifty") into an integer, or null. */
export function parseNumberWords(words: string[]): number | null {
  return addNumberWords(words, 0, 1, false);
}

/**
 * Number words read on from `current` (in units of `unit`, so that "1.5 thousand" stays in
 * integer cents: current 150, unit 100); null if a word is not a number word.
 */
export function addNumberWords(words: string[], start: number, unit: number, started: boolean): number | null {
  let total = 0;
  let current = start;
  let seen = started;
  // nlu9: the last small number word since a scale word; "three fifty" or "nineteen ninety" (two
  // small numbers not "twenty five") is no one number: null rather than 5,300.
  let lastSmall: number | undefined;
  // crowd30: "a" first is one ("a hundred") unless a number follows: then it is the article ("a
  // three hundred dollar phone bill" was $400.00, "a five hundred dollar rent payment" $600.00).
  let article = false;
  for (const raw of words) {
    for (const w of raw.split("-")) {
      if (w === "and" || w === "") continue;
      if (w === "a" && !seen) {
        current = unit;
        seen = true;
        article = true;
      } else if (SMALL[w] !== undefined) {
        const n = SMALL[w]!;
        if (lastSmall !== undefined && !(lastSmall >= 20 && lastSmall % 10 === 0 && n > 0 && n < 10)) return null;
        lastSmall = n;
        if (article) current = 0;
        article = false;
        current += n * unit;
        seen = true;
      } else if (SCALES[w] !== undefined) {
        lastSmall = undefined;
        article = false;
        const scale = SCALES[w]!;
        if (scale === 100) current = (current || unit) * 100;
        else {
          total += (current || unit) * scale;
          current = 0;
        }
        seen = true;
      } else return null;
    }
  }
  return seen ? total + current : null;
}

/**
 * "twenty five fifty", "three fifty", "nineteen ninety nine": a price said the way people say one,
 * which is no one number (parseNumberWords gives null) and could be either of two sums: dollars and
 * cents ($25.50) or hundreds ($2,550.00). Both, in cents; undefined for any other run of words.
 */
export function spokenPrice(words: string[]): [number, number] | undefined {
  const values = words.flatMap((w) => w.split("-")).filter((w) => w !== "" && w !== "and");
  for (let split = 1; split < values.length; split++) {
    const first = twoDigit(values.slice(0, split));
    const second = twoDigit(values.slice(split));
    if (first === undefined || second === undefined || first < 1 || second < 10) continue;
    return [first * 100 + second, (first * 100 + second) * 100];
  }
  return undefined;
}

/** 1–99 said as one word or a tens word and a unit ("twenty five"); undefined otherwise. */
function twoDigit(words: string[]): number | undefined {
  const [a, b] = words.map((w) => SMALL[w]);
  if (words.length === 1 && a !== undefined) return a;
  if (words.length === 2 && a !== undefined && b !== undefined && a >= 20 && a % 10 === 0 && b > 0 && b < 10) return a + b;
  return undefined;
}
