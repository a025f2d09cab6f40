import { describe, expect, it } from "vitest";
import { matchPayee, secondPayeeNamed } from "./payees";

const payees = [
  { id: "1", name: "Alex Smith" },
  { id: "2", name: "Alex Jones" },
  { id: "3", name: "Tom Baker" },
  { id: "4", name: "Maria" },
  { id: "5", name: "Jonathan Price" },
];
const byId = (id: string) => payees.find((p) => p.id === id);

describe("matchPayee", () => {
  it("matches full names exactly and case-insensitively", () => {
    expect(matchPayee("send 20 to Alex Smith", payees)).toEqual({ status: "matched", payee: byId("1"), how: "exact", needsConfirmation: false });
    expect(matchPayee("send 20 to alex jones", payees)).toMatchObject({ status: "matched", payee: byId("2"), how: "case_insensitive" });
  });

  it("matches a unique first name", () => {
    expect(matchPayee("pay tom 15", payees)).toMatchObject({ status: "matched", payee: byId("3"), how: "first_name", needsConfirmation: false });
  });

  it("ignores accents the customer did not type (or typed where the payee has none)", () => {
    const accented = [{ id: "6", name: "Lucía García" }, { id: "7", name: "Zoë Brontë" }];
    expect(matchPayee("send 25 to lucia", accented)).toMatchObject({ status: "matched", payee: accented[0], how: "first_name" });
    expect(matchPayee("send 25 to Lucia Garcia", accented)).toMatchObject({ status: "matched", payee: accented[0], how: "case_insensitive" });
    expect(matchPayee("pay zoe 5", accented)).toMatchObject({ status: "matched", payee: accented[1] });
    expect(matchPayee("pay jónathan 5", payees)).toMatchObject({ status: "matched", payee: byId("5"), how: "first_name" });
  });

  it("reports ambiguity instead of guessing", () => {
    expect(matchPayee("send 20 to alex", payees)).toEqual({ status: "ambiguous", candidates: [byId("1"), byId("2")], how: "first_name" });
  });

  it("tolerates one typo but asks for confirmation", () => {
    expect(matchPayee("pay mraia 10", payees)).toMatchObject({ status: "matched", payee: byId("4"), how: "typo", needsConfirmation: true });
    expect(matchPayee("pay jonathon 10", payees)).toMatchObject({ status: "matched", payee: byId("5"), how: "typo", needsConfirmation: true });
  });

  it("never turns unrelated or short words into a payee", () => {
    expect(matchPayee("send 20 to mom", payees)).toEqual({ status: "none" });
    expect(matchPayee("send money to bob", payees)).toEqual({ status: "none" });
    expect(matchPayee("transfer to my savings", payees)).toEqual({ status: "none" });
    expect(matchPayee("pay alex 20", [])).toEqual({ status: "none" });
  });

  it("only ever returns a saved payee object", () => {
    for (const text of ["send 5 to Alex Smith", "pay tom", "pay mraia", "pay alx 5"]) {
      const result = matchPayee(text, payees);
      if (result.status === "matched") expect(payees).toContain(result.payee);
      if (result.status === "ambiguous") for (const c of result.candidates) expect(payees).toContain(c);
    }
  });
});

describe("a family member's other words", () => {
  const family = [
    { id: "m", name: "Mom" },
    { id: "j", name: "Jake Miller" },
    { id: "d", name: "Dad" },
  ];
  it("reads 'mum' and 'mother' as the payee saved as Mom, never as Dad", () => {
    for (const text of ["pay my mum 25", "send 20 to my mother", "send mom 40"]) {
      const m = matchPayee(text, family);
      expect(m.status === "matched" && m.payee.id, text).toBe("m");
    }
    expect(matchPayee("send 20 to tom", family).status).toBe("none");
  });
});

describe("secondPayeeNamed", () => {
  const saved = [
    { id: "m", name: "Mom" },
    { id: "j", name: "Jake Miller" },
    { id: "l", name: "Jordan Lee" },
    { id: "s", name: "Lee Smith" },
  ];
  const mom = saved[0]!;
  const jordan = saved[2]!;
  it("finds a second recipient joined to the first", () => {
    expect(secondPayeeNamed("pay Mom 20 and Jake 30", saved, mom)?.id).toBe("j");
    expect(secondPayeeNamed("send 20 to jake and 30 to mom", saved, mom)?.id).toBe("j");
  });
  it("finds none in a correction, a single name or a surname inside the first name", () => {
    expect(secondPayeeNamed("not jake, mom", saved, mom)).toBeUndefined();
    expect(secondPayeeNamed("send mom 40 from checking", saved, mom)).toBeUndefined();
    expect(secondPayeeNamed("pay Jordan Lee 20 and thanks", saved, jordan)).toBeUndefined();
    expect(secondPayeeNamed("jake, no wait, mom and 30", saved, mom)).toBeUndefined();
    expect(secondPayeeNamed("pay mom 20 and jake will pay you back", saved, mom)).toBeUndefined();
  });
});
