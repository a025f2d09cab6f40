import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { passesLuhn, redactText } from "./redact.js";

/** Appends the Luhn check digit to a digit string. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    if (passesLuhn(body + d)) return body + d;
  }
  throw new Error("unreachable: one check digit always fits");
}

const luhnPan = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map((digits) => withCheckDigit(digits.join("")));

/** Writes a PAN the way people do: plain, or in groups split by spaces or dashes. */
const formattedPan = fc
  .tuple(luhnPan, fc.constantFrom("", " ", "-", "  ", " - "), fc.integer({ min: 3, max: 6 }))
  .map(([pan, separator, group]) => ({
    pan,
    written: pan.match(new RegExp(`.{1,${group}}`, "g"))!.join(separator),
  }));

const digitsOnly = (s: string) => s.replace(/[\s\-()]/g, "");

describe("passesLuhn", () => {
  it("accepts well-known test card numbers and rejects a changed digit", () => {
    expect(passesLuhn("4242424242424242")).toBe(true);
    expect(passesLuhn("4000056655665556")).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
  });
});

describe("redactText", () => {
  it("keeps only the last four digits of a card number, however it is grouped", () => {
    expect(redactText("my card is 4242 4242 4242 4242, help")).toBe("my card is •••• 4242, help");
    expect(redactText("4000-0566-5566-5556")).toBe("•••• 5556");
    expect(redactText("card:378282246310005.")).toBe("card:•••• 0005.");
  });

  it("masks emails, phone numbers, IBANs and long account numbers", () => {
    expect(redactText("write to jane.doe+bank@example.co.uk please")).toBe("write to [email] please");
    expect(redactText("call me on +44 20 7946 0958")).toBe("call me on [phone]");
    expect(redactText("or (555) 123-4567")).toBe("or [phone]");
    expect(redactText("IBAN GB82 WEST 1234 5698 7654 32")).toBe("IBAN [account ••5432]");
    expect(redactText("account 12345678")).toBe("account [account ••5678]");
    expect(redactText("ref 1234567890123456789012")).toBe("ref [account ••9012]");
  });

  it("keeps a public number readable only as a whole run, and masks the account number beside it", () => {
    const reply = "Savings ••2002: account number 000056782002, routing number 074001239.";
    // The account number stays masked in stored history (shown once, when asked); the routing
    // number is the bank's, public, and once read "[account ••1239]" after a reload.
    expect(redactText(reply, ["074001239"])).toBe("Savings ••2002: account number [account ••2002], routing number 074001239.");
    expect(redactText(reply)).toContain("routing number [account ••1239]");
    expect(redactText("1074001239", ["074001239"])).toBe("[account ••1239]");
  });

  // defects17: staff read "https://example.com/help/articles/[account ••5678]" in the agent console.
  it("leaves the digits of a pasted link readable", () => {
    for (const link of [
      "https://example.com/help/articles/12345678",
      "https://bank.example/track?id=4402918833",
      "http://shop.example/orders/2026/000123456789012/receipt",
      "www.example.org/item/98765432?ref=1234567",
    ]) {
      expect(redactText(`see ${link} please`)).toBe(`see ${link} please`);
    }
  });

  it("still masks a card or account number beside a link, and a card number inside one", () => {
    expect(redactText("https://example.com/help/articles/12345678 my card is 4242 4242 4242 4242")).toBe(
      "https://example.com/help/articles/12345678 my card is •••• 4242",
    );
    expect(redactText("account 12345678, see https://bank.example/track?id=4402918833")).toBe(
      "account [account ••5678], see https://bank.example/track?id=4402918833",
    );
    // A card number is never stored, not even as part of a link.
    expect(redactText("https://pay.example/checkout?pan=4242424242424242&x=1")).toBe("https://pay.example/checkout?pan=•••• 4242&x=1");
    // Digits that start in a link and go on after it are not the link's.
    expect(redactText("https://x.example/4242 4242 4242 4242")).toBe("https://x.example/•••• 4242");
    expect(redactText("text 12345678https://x.example/a")).toBe("text [account ••5678]https://x.example/a");
  });

  it("masks JWTs and bearer credentials whole", () => {
    const jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjdXNfMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    expect(redactText(`here is my token ${jwt} ok`)).toBe("here is my token [token] ok");
    expect(redactText("Authorization: Bearer abc.def-ghi_123")).toBe("Authorization: [token]");
    expect(redactText("unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).toBe("unsigned [token]");
  });

  it("leaves amounts, dates, short numbers and ordinary words alone", () => {
    const plain = "Send $30.00 on 2026-11-24 to Alex, card ending 4242, PIN 1234, about 120000 steps";
    expect(redactText(plain)).toBe(plain);
    expect(redactText("transfer abcd1234efgh5678ijklmnop")).toBe("transfer abcd1234efgh5678ijklmnop");
  });

  it("never lets a Luhn-valid card number survive, whatever text surrounds it", () => {
    fc.assert(
      fc.property(fc.string(), formattedPan, fc.string(), (before, { pan, written }, afterText) => {
        const out = redactText(`${before}${written}${afterText}`);
        expect(digitsOnly(out)).not.toContain(pan);
        expect(digitsOnly(out)).not.toContain(pan.slice(0, -4));
      }),
    );
  });

  it("never lets an email address survive", () => {
    fc.assert(
      fc.property(fc.string(), fc.emailAddress(), fc.string(), (before, email, afterText) => {
        expect(redactText(`${before} ${email} ${afterText}`)).not.toContain(email);
      }),
    );
  });

  it("is idempotent, so text redacted twice (DO and consumer) reads the same", () => {
    fc.assert(
      fc.property(fc.string(), formattedPan, fc.string(), (before, { written }, afterText) => {
        const once = redactText(`${before}${written}${afterText}`);
        expect(redactText(once)).toBe(once);
      }),
    );
  });

  it("does not change text that has no digits and no @", () => {
    fc.assert(
      fc.property(
        // …and no token shape ("eyJ…", "Bearer …"), which is masked whatever it contains.
        fc.string().filter((s) => !/[\d@]/.test(s) && !/eyJ|Bearer/.test(s)),
        (s) => {
          expect(redactText(s)).toBe(s);
        },
      ),
    );
  });
});
