import { describe, expect, it } from "vitest";
import { FakeBank, Session, cardStatement, fixtures, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";

const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };
const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };
const texts = (r: { actions: Array<{ label: string } & ({ text: string } | object)> }) => r.actions.map((a) => ("text" in a ? a.text : a.label));

/** The card's statements closed 14 November (the newest) and 14 September. */
function bank(): FakeBank {
  const b = new FakeBank();
  b.creditStatements = [
    cardStatement({ statementBalance: usd(412.35) }),
    cardStatement({ periodStart: "2026-08-15", periodEnd: "2026-09-14", dueDate: "2026-10-09", statementBalance: usd(88) }),
  ];
  return b;
}

describe("a statement asked by month (facts24)", () => {
  it("the statement closed that month is read, past ones asked for", () => {
    const turn = new Session(bank()).say("my credit card statement for last month", understood("credit_statement", { dateRange: NOVEMBER }));
    expect(turn.effects[0]).toMatchObject({ kind: "load", what: "credit_statements", history: true });
    expect(lastReply(turn).text).toMatch(/^Credit card ••9012: your statement of 14 Nov 2026 shows a balance of \$412\.35\./);
  });

  it("an older month's statement", () => {
    const turn = new Session(bank()).say("statement for september", understood("account_statement", { dateRange: { from: "2026-09-01", to: "2026-09-30" } }));
    expect(lastReply(turn).intent.name).toBe("credit_statement");
    expect(lastReply(turn).text).toMatch(/statement of 14 Sep 2026 shows a balance of \$88\.00/);
  });

  it("no statement that month: says so and which months there are, with a button for each", () => {
    const turn = new Session(bank()).say("show me my october statement", understood("account_statement", { dateRange: OCTOBER }));
    const reply = lastReply(turn);
    expect(reply.text).toBe(
      "There's no statement for October 2026 on your credit card. The statements I have are for November 2026 (closed 14 Nov 2026) and September 2026 (closed 14 Sep 2026).",
    );
    expect(texts(reply)).toEqual(["Show me my november statement", "Show me my september statement", "Show my transactions in October 2026"]);
  });

  it("without a credit card: no card statement, that month's transactions offered", () => {
    const data = fixtures();
    const b = new FakeBank({ ...data, accounts: data.accounts.filter((a) => a.type !== "credit") });
    const turn = new Session(b).say("statement for october", understood("account_statement", { dateRange: OCTOBER }));
    expect(lastReply(turn).text).toMatch(/^You don't have a credit card with us, so there's no card statement\. .* your transactions for October 2026\.$/);
    expect(texts(lastReply(turn))).toContain("Show my transactions in October 2026");
  });

  it("a bank statement as a document stays the written answer", () => {
    const turn = new Session(bank()).say("can i get a copy of my october bank statement", understood("account_statement", { dateRange: OCTOBER }));
    expect(turn.effects).toEqual([]);
    expect(lastReply(turn).text).toMatch(/^I can't send or download a statement here in the chat/);
  });

  it("a period that names no statement: the newest, as before", () => {
    const turn = new Session(bank()).say("when is my credit card payment due this month", understood("credit_statement", { dateRange: { from: "2026-11-01", to: "2026-11-30" } }));
    expect(turn.effects[0]).not.toHaveProperty("history");
    expect(lastReply(turn).text).toMatch(/\$412\.35[\s\S]*\$88\.00/);
  });

  it("no month: the newest statement as before", () => {
    const turn = new Session(bank()).say("when is my credit card bill due", understood("credit_statement"));
    expect(turn.effects[0]).not.toHaveProperty("history");
    expect(lastReply(turn).text).toMatch(/\$412\.35[\s\S]*\$88\.00/);
  });
});
