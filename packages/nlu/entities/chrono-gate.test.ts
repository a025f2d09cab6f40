import * as chrono from "chrono-node";
import { describe, expect, it } from "vitest";
import { mayHoldDate, mayHoldDateBesideAmounts } from "./chrono-gate";

const reference = { instant: new Date(Date.UTC(2026, 11, 3, 12)), timezone: 0 };
const found = (text: string) => chrono.parse(text, reference, { forwardDate: true }).length > 0 || chrono.parse(text, reference, { forwardDate: false }).length > 0;

// What each parser of chrono's casual English configuration reads, in the shapes messages take.
const DATE_PHRASES = [
  "2026-12-03", "12/03", "3/12/2026", "12/2026", "2026 march", "march 2026", "at 5", "5pm", "5:30", "noon", "at midnight",
  "now", "right now", "today", "Tonight", "tomorrow", "tmr", "tmrw", "overmorrow", "yesterday", "last night", "this morning",
  "in the afternoon", "evening", "end of the month", "the last day of month",
  "march", "in May", "Sept. 5", "sep 5", "the 3rd of march", "third of march", "march 3rd", "on the 3rd of Dec",
  "friday", "on Fri", "this weekend", "on a weekday", "next thu.", "last sunday", "this sat",
  "in two days", "within a week", "for a few hours", "two days ago", "a couple of weeks later", "half an hour from now",
  "in several days", "the day after", "3 days ago", "5 min later", "+2h", "-1 d", "a few d ago",
  "next month", "last year", "past week", "this quarter", "after this week", "last m", "next d", "lasts", "next s",
];

// Messages with no date in them, which must skip chrono.
const NO_DATE = ["what is the exchange rate for euros?", "what's my balance", "hi", "i want to talk to a person", "freeze my card", "how do i order checks"];

describe("mayHoldDate: whether chrono-node could read a date at all", () => {
  it.each(DATE_PHRASES)("lets %j through, which chrono reads", (text) => {
    expect(found(text)).toBe(true);
    expect(mayHoldDate(text)).toBe(true);
  });

  it.each(NO_DATE)("skips %j", (text) => {
    expect(mayHoldDate(text)).toBe(false);
    expect(found(text)).toBe(false);
  });

  it("never skips a text chrono reads: each phrase inside messages, in any case", () => {
    const frames = ["send 20 to Jordan {}", "{} what did i spend", "show transactions from {} please", "pay rent {}, thanks"];
    for (const phrase of DATE_PHRASES) {
      for (const frame of frames) {
        for (const text of [frame.replace("{}", phrase), frame.replace("{}", phrase).toUpperCase()]) {
          if (found(text)) expect(mayHoldDate(text), text).toBe(true);
        }
      }
    }
  });
});

describe("mayHoldDateBesideAmounts: an amount after a currency sign is nothing chrono could read", () => {
  // Each of these has only the amount's digits for mayHoldDate; chrono reads none of them.
  const AMOUNTS_ONLY = ["move $1 from savings to checking", "send $30 to Jordan Lee", "$5", "send $1,000.50 to checking please", "transfer £20 into savings.", "send € 3.99 back"];
  // chrono reads the amount's figure as a time or date here, so chrono still runs.
  const READ_AS_TIMES = ["send $5 am i right", "$5 a day", "$5pm", "€5 pm", "$ 5pm", "$5:30", "$5.30 pm", "$5/6", "$5 h", "$5 d", "$5 o'clock", "$5 oclock", "at 5 dollars", "$10 from 3"];

  it.each(AMOUNTS_ONLY)("skips %j, in which chrono reads nothing", (text) => {
    expect(mayHoldDate(text)).toBe(true);
    expect(mayHoldDateBesideAmounts(text)).toBe(false);
    expect(found(text)).toBe(false);
  });

  it.each(READ_AS_TIMES)("lets %j through, which chrono reads", (text) => {
    expect(found(text)).toBe(true);
    expect(mayHoldDateBesideAmounts(text)).toBe(true);
  });

  it("never skips a date beside an amount", () => {
    for (const phrase of DATE_PHRASES) {
      for (const text of [`send $20 to Jordan ${phrase}`, `${phrase} move $1 from savings`, `pay $5 for ${phrase}`]) {
        if (found(text)) expect(mayHoldDateBesideAmounts(text), text).toBe(true);
      }
    }
  });
});
