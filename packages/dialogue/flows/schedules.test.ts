import { describe, expect, it } from "vitest";
import { scheduleFailureNotice } from "./schedules.js";
import { Session, allText, lastReply, moneyEffects, understood, usd } from "../../../test/support/dialogue-session.js";
import type { Entities, ScheduleTransferEffect, ScheduledTransferView } from "../types.js";

// Session's clock: Tue 24 Nov 2026.
const tomorrow: Entities["timing"] = { problems: [], schedule: { start: "2026-11-25" } };
const everyFriday6: Entities["timing"] = {
  problems: [],
  schedule: { start: "2026-11-27", repeat: { unit: "week", interval: 1 }, count: 6 },
};

const savingsToChecking = { amount: usd(100), fromRef: "savings" as const, toRef: "checking" as const, accountRefs: ["savings" as const, "checking" as const] };

describe("scheduled transfers in the dialogue", () => {
  it("states the date in the confirmation and stores a schedule on yes, moving no money", () => {
    const session = new Session();
    let turn = session.say("transfer 100 from savings to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toBe("Send $100.00 from Savings ••5678 to Checking ••1234 tomorrow, Wed 25 Nov 2026?");
    turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toEqual([]);
    const [effect] = turn.effects.filter((e) => e.kind === "schedule_transfer") as ScheduleTransferEffect[];
    expect(effect).toMatchObject({
      idempotencyKey: `schedule:${confirmation.id}`,
      confirmationId: confirmation.id,
      fromAccountId: "acc-sav",
      to: { accountId: "acc-chk" },
      amount: usd(100),
      schedule: { start: "2026-11-25" },
    });
    expect(lastReply(turn).text).toMatch(/scheduled \$100\.00 to Checking ••1234 tomorrow, Wed 25 Nov 2026\. Nothing has been sent yet/);
    expect(session.bank.transfers).toHaveLength(0);
    // A repeated yes stores nothing new.
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0));
    expect(session.bank.schedulesByKey.size).toBe(1);
  });

  it("'cancel it' right after a schedule was confirmed offers to cancel that one, and cancels it only on yes", () => {
    const session = new Session();
    let turn = session.say("transfer 100 from savings to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    const cancelIt = understood("cancel_transfer", { no: true, cancelRequest: true, query: { cancel: true } });
    turn = session.say("cancel it", cancelIt);
    const offer = lastReply(turn).confirmation!;
    expect(offer.summary).toMatch(/^Cancel your scheduled payment of \$100\.00 to Checking from Savings/);
    expect([...session.bank.schedulesByKey.values()][0]!.status).toBe("active");
    turn = session.press(offer.id, "yes");
    expect(allText(turn)).toMatch(/cancelled the scheduled payment of \$100\.00/);
    expect([...session.bank.schedulesByKey.values()][0]!.status).toBe("cancelled");
  });

  it("'can i change that to 150?' right after a schedule: can't be changed, offers to cancel it (sweep23: 'Sorry, I can't help with that.')", () => {
    const session = new Session();
    let turn = session.say("transfer 100 from savings to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    turn = session.say("can i change that to 150?", understood("change_pin", { amount: usd(150), query: { correction: true, question: true } }, 0.45));
    expect(allText(turn)).toMatch(/can't change a schedule[\s\S]*\$150\.00/);
    expect(allText(turn)).not.toMatch(/Sorry/);
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Cancel your scheduled payment of \$100\.00/);
    expect([...session.bank.schedulesByKey.values()].map((v) => v.status)).toEqual(["active"]);
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("a bare 'never mind' after a schedule is no request to cancel it", () => {
    const session = new Session();
    const turn = session.say("transfer 100 from savings to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    const reply = session.say("never mind", understood("out_of_scope", { no: true, query: { cancel: true } }, 1));
    expect(lastReply(reply).confirmation).toBeUndefined();
    expect([...session.bank.schedulesByKey.values()][0]!.status).toBe("active");
  });

  it("'cancel it' while also queued for a person is about whichever came last", () => {
    const session = new Session();
    const cancelIt = understood("cancel_transfer", { no: true, cancelRequest: true, query: { cancel: true } });
    session.say("I want to talk to a person", understood("human_agent"));
    session.now += 1000;
    const turn = session.say("transfer 100 from savings to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    const offer = session.say("cancel it", cancelIt);
    expect(lastReply(offer).confirmation?.summary).toMatch(/^Cancel your scheduled payment/);
    expect(offer.effects.map((e) => e.kind)).not.toContain("withdraw_handoff");
  });

  it("'cancel it' long after a schedule has nothing to cancel; after an immediate transfer, it says the money went (no schedule offered)", () => {
    const session = new Session();
    const cancelIt = understood("cancel_transfer", { no: true, cancelRequest: true, query: { cancel: true } });
    let turn = session.say("transfer 100 from savings to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    session.now += 11 * 60 * 1000;
    expect(allText(session.say("cancel it", cancelIt))).toMatch(/nothing in progress to cancel/);
    turn = session.say("transfer 100 from savings to checking", understood("transfer", savingsToChecking));
    session.press(lastReply(turn).confirmation!.id, "yes");
    // sweep15: "There's nothing in progress to cancel" left out that the money had gone (flows/after-sent.ts).
    const sent = session.say("cancel it", cancelIt);
    expect(allText(sent)).toMatch(/^The \$100\.00 to Checking ••1234 has already gone through, so it can't be recalled/);
    expect(sent.effects.map((e) => e.kind)).not.toContain("cancel_schedule");
  });

  it("states a repeat with its first and last dates", () => {
    const session = new Session();
    const turn = session.say(
      "pay Alex 12.50 every friday from checking 6 times",
      understood("transfer", { amount: usd(12.5), fromRef: "checking", accountRefs: ["checking"], payeeName: "Alex", timing: everyFriday6 }),
    );
    expect(lastReply(turn).confirmation?.summary).toBe(
      "Send $12.50 from Checking ••1234 to “Alex Kim” ••4321 every Friday, starting Fri 27 Nov 2026, 6 times (last on Fri 1 Jan 2027)?",
    );
  });

  it("checks funds on the day, not now, for a scheduled transfer", () => {
    const session = new Session();
    const turn = session.say("send 1000 from checking to savings tomorrow", understood("transfer", {
      amount: usd(1000), fromRef: "checking", toRef: "savings", accountRefs: ["checking", "savings"], timing: tomorrow,
    }));
    expect(lastReply(turn).confirmation).toBeDefined();
  });

  it("never drops timing it cannot honour: says so, asks, and offers no confirmation until answered", () => {
    const session = new Session();
    const atThree: Entities["timing"] = { problems: [{ reason: "time_of_day", text: "at 3pm" }] };
    let turn = session.say("send 100 from savings to checking at 3pm", understood("transfer", { ...savingsToChecking, timing: atThree }));
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(allText(turn)).toMatch(/not for a time of day \(“at 3pm”\)/);
    expect(allText(turn)).toMatch(/when should it go/i);

    // An answer that is not about timing does not let the transfer through.
    turn = session.say("make it 90", understood("transfer", { amount: usd(90) }));
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(allText(turn)).toMatch(/when should it go/i);

    turn = session.say("now", understood("out_of_scope", { timing: { now: true, problems: [] } }, 0.2));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $90.00 from Savings ••5678 to Checking ••1234?");
  });

  it("a later timing correction replaces an immediate confirmation", () => {
    const session = new Session();
    let turn = session.say("send 100 from savings to checking", understood("transfer", savingsToChecking));
    const first = lastReply(turn).confirmation!;
    turn = session.say("actually tomorrow", understood("transfer", { timing: tomorrow }));
    expect(lastReply(turn).confirmation?.summary).toMatch(/tomorrow, Wed 25 Nov 2026\?$/);
    turn = session.press(first.id, "yes");
    expect(turn.effects).toEqual([]);
  });
});

describe("correcting the date of a scheduled transfer", () => {
  // Thursday 3 Dec 2026, whatever day the test runs.
  const thursday = Date.UTC(2026, 11, 3, 12, 0, 0);
  const monday: Entities["timing"] = { problems: [], schedule: { start: "2026-12-07" } };
  const friday: Entities["timing"] = { problems: [], schedule: { start: "2026-12-04" } };

  it("re-asks the confirmation with the new date, and yes schedules it without moving money", () => {
    const session = new Session();
    session.now = thursday;
    let turn = session.say("send 100 from savings to checking on monday", understood("transfer", { ...savingsToChecking, timing: monday }));
    const first = lastReply(turn).confirmation!;
    expect(first.summary).toMatch(/on Mon 7 Dec 2026\?$/);
    turn = session.say("change it to friday", understood("out_of_scope", { timing: friday, weekday: 5, query: { correction: true } }, 0.3));
    const second = lastReply(turn).confirmation!;
    expect(second.summary).toBe("Send $100.00 from Savings ••5678 to Checking ••1234 tomorrow, Fri 4 Dec 2026?");
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0));
    expect(moneyEffects(turn)).toEqual([]);
    expect(turn.effects.filter((e) => e.kind === "schedule_transfer")).toMatchObject([{ confirmationId: second.id, schedule: { start: "2026-12-04" } }]);
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("answers a yes to a date it could not read with what to say, not the same question again", () => {
    const session = new Session();
    session.now = thursday;
    let turn = session.say("send 100 from savings to checking on monday", understood("transfer", { ...savingsToChecking, timing: monday }));
    const unclear: Entities["timing"] = { problems: [{ reason: "unclear_date", text: "by friday" }] };
    turn = session.say("make it by friday", understood("out_of_scope", { timing: unclear, query: { correction: true } }, 0.3));
    const question = allText(turn);
    expect(question).toMatch(/not sure which date you mean by “by friday”/);
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0));
    expect(allText(turn)).not.toBe(question);
    expect(allText(turn)).toMatch(/I still need the day/);
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(turn.effects).toEqual([]);
    turn = session.say("friday", understood("out_of_scope", { timing: friday, weekday: 5 }, 0.3));
    expect(lastReply(turn).confirmation?.summary).toMatch(/tomorrow, Fri 4 Dec 2026\?$/);
  });
});

describe("listing and cancelling scheduled payments", () => {
  function withSchedules() {
    const session = new Session();
    let turn = session.say("pay Alex every friday", understood("transfer", {
      amount: usd(12.5), fromRef: "checking", accountRefs: ["checking"], payeeName: "Alex", timing: everyFriday6,
    }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    turn = session.say("send 100 to checking tomorrow", understood("transfer", { ...savingsToChecking, timing: tomorrow }));
    session.press(lastReply(turn).confirmation!.id, "yes");
    return session;
  }

  it("lists them in words and dates", () => {
    const session = withSchedules();
    const turn = session.say("what payments do I have scheduled?", understood("scheduled_payments"));
    expect(lastReply(turn).text).toBe(
      "You have 2 scheduled payments:\n" +
        "• $12.50 to “Alex Kim” from Checking ••1234, every Friday, next on Fri 27 Nov 2026\n" +
        "• $100.00 to Checking from Savings ••5678, on Wed 25 Nov 2026",
    );
  });

  it("cancels the one named, after a confirmation", () => {
    const session = withSchedules();
    let turn = session.say("cancel my Friday payment to Alex", understood("scheduled_payments", { cancelRequest: true, weekday: 5, payeeName: "Alex" }));
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toMatch(/^Cancel your scheduled payment of \$12\.50 to “Alex Kim”/);
    expect(turn.effects.some((e) => e.kind === "cancel_schedule")).toBe(false);
    turn = session.press(confirmation.id, "yes");
    expect(turn.effects.filter((e) => e.kind === "cancel_schedule")).toHaveLength(1);
    expect(lastReply(turn).text).toMatch(/^Done — I've cancelled/);
    expect([...session.bank.schedulesByKey.values()].map((s) => s.status).sort()).toEqual(["active", "cancelled"]);
  });

  it("cancels nothing when the description is ambiguous or matches nothing", () => {
    const session = withSchedules();
    let turn = session.say("cancel my scheduled payment", understood("scheduled_payments", { cancelRequest: true }));
    expect(lastReply(turn).text).toMatch(/More than one/);
    expect(lastReply(turn).confirmation).toBeUndefined();
    turn = session.say("cancel my Monday payment", understood("scheduled_payments", { cancelRequest: true, weekday: 1 }));
    expect(lastReply(turn).text).toMatch(/couldn't find/);
    expect(turn.effects.some((e) => e.kind === "cancel_schedule")).toBe(false);
  });

  it("cancels the payment due on the day named, even when the model reads it as the FAQ on cancelling a sent transfer", () => {
    const session = withSchedules();
    const turn = session.say("cancel my transfer tomorrow", understood("cancel_transfer", { cancelRequest: true, timing: tomorrow }));
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Cancel your scheduled payment of \$100\.00 to Checking from Savings ••5678, on Wed 25 Nov 2026\?/);
    session.press(lastReply(turn).confirmation!.id, "yes");
    const statuses = [...session.bank.schedulesByKey.values()].map((s) => [s.amount.minor, s.status]);
    expect(statuses).toEqual([[12_50, "active"], [100_00, "cancelled"]]);
  });

  it("still answers the FAQ for cancelling a transfer that names no day to come", () => {
    const session = withSchedules();
    const turn = session.say("cancel my transfer", understood("cancel_transfer", { cancelRequest: true }));
    expect(lastReply(turn).text).toMatch(/once it's sent I can't cancel it/);
  });

  it("a no keeps the schedule", () => {
    const session = withSchedules();
    const turn = session.say("cancel the payment to Alex", understood("scheduled_payments", { cancelRequest: true, payeeName: "Alex" }));
    session.press(lastReply(turn).confirmation!.id, "no");
    expect([...session.bank.schedulesByKey.values()].every((s) => s.status === "active")).toBe(true);
  });
});

describe("schedule wording", () => {
  it("tells the customer why an occurrence was not sent", () => {
    const view: ScheduledTransferView = {
      id: "sch-1",
      fromAccount: { id: "a", name: "Checking", mask: "1234" },
      to: { kind: "payee", id: "p", name: "Alex Kim", mask: "4321" },
      amount: usd(100),
      schedule: { start: "2026-11-25" },
      status: "failed",
      nextRunDate: null,
    };
    expect(scheduleFailureNotice(view, "2026-11-25", "insufficient_funds").text).toBe(
      "Your scheduled payment of $100.00 to “Alex Kim” on Wed 25 Nov 2026 didn't go through: there wasn't enough available in Checking ••1234. Nothing was sent.",
    );
  });
});
