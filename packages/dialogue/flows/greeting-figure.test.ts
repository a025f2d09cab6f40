/** "hi 29" in the middle of a transfer (flows/greeting-figure.ts): asked again, never the amount. */
import { describe, expect, it } from "vitest";
import { greetingFigure } from "./greeting-figure.js";
import { Session, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";

describe("greetingFigure", () => {
  it.each([
    ["hi 29", "29"],
    ["hello 29", "29"],
    ["Hey, 40!", "40"],
    ["hi there 12.50", "12.50"],
    ["good morning 1,000", "1,000"],
    ["29 hi", "29"],
    ["hiii 29", "29"],
  ])("%s → %s", (text, figure) => {
    expect(greetingFigure(text)).toBe(figure);
  });

  it.each(["29", "ok 29", "29 dollars", "hi $29", "hi 29 dollars", "hmm 29 maybe", "hi", "hi, send 29 to Jordan", "this 29", "which 29"])(
    "%s is no greeting with a bare figure",
    (text) => {
      expect(greetingFigure(text)).toBeUndefined();
    },
  );
});

describe("a greeting with a figure during a transfer", () => {
  function askedHowMuch() {
    const session = new Session();
    const turn = session.say("send money to Alex", understood("transfer", { payeeName: "Alex", fromRef: "checking", accountRefs: ["checking"] }));
    expect(lastReply(turn).text).toMatch(/How much would you like to send\?$/);
    return session;
  }

  it("'hi 29' (read as a greeting with $29) is greeted and asked again; no amount is taken", () => {
    const session = askedHowMuch();
    const turn = session.say("hi 29", understood("greeting", { amount: usd(29) }));
    expect(lastReply(turn).text).toBe("Hi! I wasn't sure “29” was the amount, so I haven't used it. How much would you like to send?");
    expect(lastReply(turn).confirmation).toBeUndefined();
    const task = session.state.task;
    expect(task?.kind === "transfer" ? task.amount : "no task").toBeUndefined();
  });

  it("'hi 29' read as a transfer is asked again as well", () => {
    const session = askedHowMuch();
    const turn = session.say("hi 29", understood("transfer", { amount: usd(29) }));
    expect(lastReply(turn).text).toMatch(/^Hi! I wasn't sure “29” was the amount/);
    expect(lastReply(turn).confirmation).toBeUndefined();
  });

  it("'ok 29' answers how much: the card carries $29.00", () => {
    const session = askedHowMuch();
    const turn = session.say("ok 29", understood("transfer", { amount: usd(29) }));
    expect(lastReply(turn).confirmation).toBeDefined();
    expect(lastReply(turn).text).toMatch(/\$29\.00/);
  });
});
