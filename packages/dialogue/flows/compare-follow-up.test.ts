/** "how does that compare to last month" right after a spending answer (flows/compare-follow-up.ts). */
import { describe, expect, it } from "vitest";
import { comparesBack, compareReadAgain, monthOf, weekAndBefore } from "./compare-follow-up.js";
import { Session, allText, understood } from "../../../test/support/dialogue-session.js";
import type { Turn } from "../../../test/support/dialogue-session.js";

const loads = (turn: Turn) => turn.effects.flatMap((e) => (e.kind === "load" ? [e] : []));
const october = { from: "2026-10-01", to: "2026-10-31" };

function afterGroceriesInOctober() {
  const session = new Session();
  session.say("how much did I spend on groceries last month", understood("spending", { category: "groceries", dateRange: october }));
  return session;
}

describe("a comparison that points back", () => {
  it("reads 'that' set against something", () => {
    for (const text of ["how does that compare to last month", "compare that to this month", "is that more than usual?", "was it less than in september", "that vs october"]) {
      expect(comparesBack(text), text).toBe(true);
    }
    for (const text of ["compare groceries and dining", "what did i spend", "is that all?", "how much is that"]) expect(comparesBack(text), text).toBe(false);
  });

  it("labels a period's month, this one as so far", () => {
    expect(monthOf(october, "2026-11-24")).toEqual({ from: "2026-10-01", to: "2026-10-31", label: "October 2026" });
    expect(monthOf({ from: "2026-11-01", to: "2026-11-24" }, "2026-11-24")).toEqual({ from: "2026-11-01", to: "2026-11-24", label: "November 2026 so far" });
    expect(monthOf({ from: "2026-10-25", to: "2026-11-24" }, "2026-11-24")).toBeUndefined();
  });
});

describe("a comparison right after a month's spending", () => {
  it("'how does that compare to this month' after groceries in October: October against November so far, groceries (it was 'Sorry, I can't help with that.')", () => {
    const turn = afterGroceriesInOctober().say("how does that compare to this month", understood("out_of_scope", { dateRange: { from: "2026-11-01", to: "2026-11-24" } }, 0.74));
    expect(loads(turn)[0]).toMatchObject({ what: "spending", query: { ...october, category: "groceries" } });
    expect(loads(turn)[1]).toMatchObject({ what: "spending", query: { from: "2026-11-01", to: "2026-11-24", category: "groceries" } });
    // Session 29: November so far against October's same days, then October's whole total.
    expect(loads(turn)[2]).toMatchObject({ what: "spending", query: { from: "2026-10-01", to: "2026-10-24", category: "groceries" } });
    expect(allText(turn)).toMatch(/on groceries in November 2026 so far, and .* in the same days of October 2026 \(1–24 Oct\): .* October 2026 in all: /);
    expect(allText(turn)).not.toMatch(/Sorry/);
  });

  it("with no other month named: the month before", () => {
    const turn = afterGroceriesInOctober().say("how does that compare", understood("out_of_scope", {}, 0.6));
    expect(loads(turn).map((l) => ("query" in l ? l.query : undefined))).toMatchObject([{ from: "2026-10-01" }, { from: "2026-09-01", to: "2026-09-30" }]);
    expect(allText(turn)).toMatch(/in October 2026 and .* in September 2026/);
  });

  it("'is that more than usual': the usual month of that category", () => {
    const turn = afterGroceriesInOctober().say("is that more than usual", understood("out_of_scope", { query: { average: true } }, 0.9));
    expect(loads(turn).length).toBeGreaterThan(2);
    expect(loads(turn).every((l) => "query" in l && (l.query as { category?: string }).category === "groceries")).toBe(true);
    expect(allText(turn)).toMatch(/on average/);
  });

  // Session 31: "is that a lot" got "Sorry".
  it("'is that a lot' / 'is that too much': the usual month of that category", () => {
    for (const text of ["is that a lot", "wow is that too much?", "is that normal for me"]) {
      const turn = afterGroceriesInOctober().say(text, understood("out_of_scope", {}, 0.5));
      expect(loads(turn).length, text).toBeGreaterThan(2);
      expect(allText(turn), text).toMatch(/on average/);
    }
    expect(comparesBack("is that a lot of money to send")).toBe(false);
  });

  it("after no spending answer, or naming its own categories, it is no follow-up", () => {
    const session = new Session();
    session.say("what's my balance", understood("balance"));
    expect(loads(session.say("how does that compare to last month", understood("out_of_scope", {}, 0.7))).filter((l) => l.what === "spending")).toEqual([]);
    const fresh = afterGroceriesInOctober();
    const ctxLike = fresh.say("compare that with dining", understood("spending", { category: "dining" }, 0.9));
    expect(allText(ctxLike)).not.toMatch(/in October 2026 and/);
    expect(compareReadAgain).toBeTypeOf("function");
  });
});

describe("a week set against the one before (explore31)", () => {
  it("reads a message that starts with the comparison as following the answer", () => {
    expect(["compared to the week before?", "and compared to last month", "vs the previous week", "how about compared with october"].map(comparesBack)).toEqual([true, true, true, true]);
    expect(["compare savings accounts", "what did i spend"].map(comparesBack)).toEqual([false, false]);
  });

  it("gives a week (or a week so far) and the seven days before it", () => {
    expect(weekAndBefore({ from: "2026-11-23", to: "2026-11-29" }, "2026-12-05")).toEqual([
      { from: "2026-11-23", to: "2026-11-29", label: "the week of 23 Nov" },
      { from: "2026-11-16", to: "2026-11-22", label: "the week of 16 Nov" },
    ]);
    expect(weekAndBefore({ from: "2026-11-30", to: "2026-12-05" }, "2026-12-05")?.[0].label).toBe("the week of 30 Nov so far");
    expect(weekAndBefore({ from: "2026-11-01", to: "2026-11-30" }, "2026-12-05")).toBeUndefined();
  });
});
