/** "my average monthly spending", "am i spending more than usual" (flows/insights.ts, average_months). */
import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("average monthly spending", () => {
  it("averages the last three full months and sets this month so far beside it", () => {
    const session = new Session();
    const turn = session.say("what's my average monthly spending", understood("spending", { query: { average: true } }));
    const loads = turn.effects.filter((e) => e.kind === "load");
    expect(loads).toHaveLength(4);
    expect(loads.every((l) => l.kind === "load" && l.what === "spending")).toBe(true);
    const text = lastReply(turn).text;
    expect(text).toMatch(/^Over the last 3 full months you spent \$[\d,.]+ a month on average \(\w+ \d{4} \$[\d,.]+, \w+ \d{4} \$[\d,.]+, \w+ \d{4} \$[\d,.]+\)\. This month so far: \$[\d,.]+/);
  });

  it("keeps to a category named", () => {
    const session = new Session();
    const turn = session.say("how much do i usually spend on groceries a month", understood("spending", { category: "groceries", query: { average: true } }));
    expect(turn.effects.filter((e) => e.kind === "load")).toEqual(
      expect.arrayContaining([expect.objectContaining({ what: "spending", query: expect.objectContaining({ category: "groceries" }) })]),
    );
    expect(lastReply(turn).text).toMatch(/ a month on groceries on average/);
  });
});
