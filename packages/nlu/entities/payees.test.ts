import { describe, expect, it } from "vitest";
import { matchPayee } from "./payees";

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
