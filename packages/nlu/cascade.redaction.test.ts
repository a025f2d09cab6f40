import { describe, expect, it } from "vitest";
import { passesLuhn } from "../common/redact.js";
import { resolveIntent, type TextGenerator } from "./cascade";
import { loadIntentModel } from "./classifier";

// Target: 0 unredacted card or account numbers reach the Workers AI adapter. A corpus of the ways
// people write them goes through resolveIntent with a stand-in binding (the one allowed stand-in)
// that keeps what it was sent; the threshold is set so that every utterance goes to the "AI".

/** Deterministic PRNG (mulberry32), so the corpus is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(16);
const digitsOf = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");

function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error("unreachable");
}

const WELL_KNOWN_PANS = [
  "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "378282246310005",
  "6011111111111117", "30569309025904", "3530111333300000", "6200000000000005", "4222222222222",
  withCheckDigit("621234567890123456"),
];
const PANS = [
  ...WELL_KNOWN_PANS,
  ...[13, 14, 15, 16, 17, 18, 19].flatMap((length) =>
    [0, 1, 2].map(() => withCheckDigit(String(1 + Math.floor(random() * 9)) + digitsOf(length - 2))),
  ),
];

const FULLWIDTH = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const groups = (digits: string, size: number) => digits.match(new RegExp(`.{1,${size}}`, "g"))!;

/** Ways people write a number: groups of 4 (or Amex 4-6-5) joined by every separator in use. */
function writings(digits: string): string[] {
  const fours = groups(digits, 4);
  const amex = digits.length === 15 ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)] : fours;
  const separators = [" ", "-", ".", "/", "_", "  ", "    ", " - ", "\n", "\t", "\u00a0", "\u202f", "\u2009", "\u2013", "\u2014", ", ", " . ", "*"];
  return [
    digits,
    FULLWIDTH(digits),
    FULLWIDTH(fours.join(" ")),
    amex.join(" "),
    groups(digits, 3).join("."),
    groups(digits, 2).join(" "),
    `${fours[0]} ${fours.slice(1).join("-")}`,
    `${fours.slice(0, 2).join(".")} ${fours.slice(2).join("/")}`,
    ...separators.map((separator) => fours.join(separator)),
  ];
}

const TEMPLATES = [
  (x: string) => `my card number is ${x}`,
  (x: string) => `${x} was charged twice`,
  (x: string) => `why was card ${x} declined?`,
  (x: string) => `cc#${x}`,
  (x: string) => `freeze card:${x}.`,
  (x: string) => `please send it to account (${x}) today`,
];

interface Case {
  text: string;
  /** The digits that must not reach the model (beyond a last four). */
  secret: string;
}

const cards: Case[] = PANS.flatMap((pan) => writings(pan).flatMap((written) => TEMPLATES.map((t) => ({ text: t(written), secret: pan }))));

// IBAN-like: country, check digits, then a BBAN of digits (the part that identifies the account).
const IBANS = ["GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300", "ES9121000418450200051332"];
const ibanCases: Case[] = IBANS.flatMap((iban) => {
  const spaced = groups(iban, 4).join(" ");
  return [iban, iban.toLowerCase(), spaced, groups(iban, 4).join("-"), groups(iban, 4).join("."), `${iban.slice(0, 4)}\u00a0${iban.slice(4)}`].map((written) => ({
    text: `transfer to IBAN ${written} please`,
    secret: iban.slice(4).replace(/\D/g, ""),
  }));
});

// Account numbers: 7 to 12 digits (and the 20+ digit references some banks print), written plain,
// dotted, dashed, slashed, grouped; non-Luhn 16-digit numbers too.
const accountNumbers = [7, 8, 9, 10, 11, 12, 16, 20, 24].flatMap((length) => [0, 1].map(() => String(1 + Math.floor(random() * 9)) + digitsOf(length - 1)));
const accountCases: Case[] = accountNumbers.flatMap((number) =>
  [number, groups(number, 4).join(" "), groups(number, 4).join("-"), groups(number, 3).join("."), groups(number, 4).join("/"), FULLWIDTH(number), `${number.slice(0, 2)}-${number.slice(2)}`].flatMap((written) => [
    { text: `my account number is ${written}`, secret: number },
    { text: `routing 021000021 account ${written}`, secret: number },
  ]),
);

// Card-length numbers that fail the Luhn check (a typo, a made-up or partial number): masked all
// the same, in every writing (Amex 4-6-5 for 15 digits).
const NON_LUHN = [13, 14, 15, 16, 17, 18, 19].flatMap((length) =>
  [0, 1].map(() => {
    const number = String(1 + Math.floor(random() * 9)) + digitsOf(length - 1);
    return passesLuhn(number) ? number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10) : number;
  }),
);
const nonLuhnCases: Case[] = NON_LUHN.flatMap((number) => writings(number).flatMap((written) => TEMPLATES.slice(0, 3).map((t) => ({ text: t(written), secret: number }))));

// ABA routing numbers (9 digits) on their own and beside an account number; UK sort code + account.
const ROUTING = ["021000021", "011401533", "091000019", "122105278"];
const routingCases: Case[] = [
  ...ROUTING.flatMap((routing) =>
    [routing, `${routing.slice(0, 3)}-${routing.slice(3, 6)}-${routing.slice(6)}`, groups(routing, 3).join(" "), FULLWIDTH(routing)].flatMap((written) => [
      { text: `my routing number is ${written}`, secret: routing },
      { text: `ABA ${written}, account 4402917733`, secret: routing },
      { text: `ABA ${written}, account 4402917733`, secret: "4402917733" },
    ]),
  ),
  ...["20-00-00 55779911", "40 47 84 70872490", "309634/12345678"].map((written) => ({ text: `sort code and account: ${written}`, secret: written.replace(/\D/g, "").slice(-8) })),
];

const corpus: Case[] = [...cards, ...ibanCases, ...accountCases, ...nonLuhnCases, ...routingCases];

/** True when 6 consecutive digits of the secret appear in what the model was sent. */
function leaks(sent: string, secret: string): boolean {
  const digits = sent.normalize("NFKC").replace(/\D/g, "");
  for (let i = 0; i + 6 <= secret.length; i++) if (digits.includes(secret.slice(i, i + 6))) return true;
  return false;
}

describe("Workers AI sees only redacted text", () => {
  const model = loadIntentModel();

  it("has only real (Luhn-valid) card numbers of 13 to 19 digits in its corpus", () => {
    for (const pan of PANS) expect(passesLuhn(pan) && pan.length >= 13 && pan.length <= 19, pan).toBe(true);
    expect(new Set(PANS.map((pan) => pan.length)).size).toBe(7);
    for (const number of NON_LUHN) expect(passesLuhn(number), number).toBe(false);
  });

  it(`masks every card and account number in a corpus of ${corpus.length} utterances`, async () => {
    const sent: string[] = [];
    const ai: TextGenerator = {
      run: async (_model, inputs) => {
        const messages = inputs.messages as Array<{ role: string; content: string }>;
        sent.push(messages.map((m) => m.content).join("\n"));
        return { response: { intent: "out_of_scope" } };
      },
    };
    const leaked: string[] = [];
    for (const { text, secret } of corpus) {
      const before = sent.length;
      await resolveIntent(text, { model, ai, confidenceThreshold: 2 });
      expect(sent.length).toBe(before + 1);
      if (leaks(sent.at(-1)!, secret)) leaked.push(`${JSON.stringify(text)} → ${sent.at(-1)!.split("\n").at(-1)}`);
    }
    expect(corpus.length).toBeGreaterThan(1500);
    expect(leaked).toEqual([]);
  }, 60_000);

  it("keeps what the intent needs: words, amounts, dates, the last four digits", async () => {
    let sent = "";
    const ai: TextGenerator = {
      run: async (_model, inputs) => {
        sent = (inputs.messages as Array<{ content: string }>)[1]!.content;
        return { response: "{}" };
      },
    };
    await resolveIntent("pay $1,250.00 on 2026-12-05 from card 4242 4242 4242 4242", { model, ai, confidenceThreshold: 2 });
    expect(JSON.parse(sent)).toEqual({ customer_message: "pay $1,250.00 on 2026-12-05 from card •••• 4242" });
  });
});
