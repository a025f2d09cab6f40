/**
 * "change it to 150" right after a schedule (flows/schedule-change.ts): one card cancels it and sets
 * up the rest of it at the new amount. flows24: it offered only the cancel, and a yes left the
 * customer with no schedule at all.
 */
import { describe, expect, it } from "vitest";
import { Session, allText, lastReply, moneyEffects, understood, usd } from "../../../test/support/dialogue-session.js";
import type { Entities, ScheduleTransferEffect } from "../types.js";

// Session's clock: Tue 24 Nov 2026.
const everyFriday: Entities["timing"] = { problems: [], schedule: { start: "2026-11-27", repeat: { unit: "week", interval: 1 } } };
const changeTo150 = understood("credit_limit_change", { amount: usd(150), query: { correction: true } }, 0.51);

function scheduled() {
  const session = new Session();
  const turn = session.say(
    "send 50 to savings every friday",
    understood("transfer", { amount: usd(50), toRef: "savings", fromRef: "checking", accountRefs: ["savings", "checking"], timing: everyFriday }),
  );
  session.press(lastReply(turn).confirmation!.id, "yes");
  return session;
}
const byStatus = (session: Session) => [...session.bank.schedulesByKey.values()].map((s) => [s.status, s.amount.minor]);

describe("changing the amount of a schedule just set up", () => {
  it("one card cancels the old and sets up the same schedule at the new amount; nothing changes before its yes", () => {
    const session = scheduled();
    let turn = session.say("change it to 150", changeTo150);
    expect(turn.replies[0]!.text).toBe("That payment is already scheduled, and I can't change a schedule in place: I can cancel it and set up the same schedule at $150.00 instead.");
    const card = lastReply(turn).confirmation!;
    expect(card.summary).toBe(
      "Cancel your scheduled payment of $50.00 to Savings from Checking ••1234, every Friday, next on Fri 27 Nov 2026, and instead set up $150.00 to Savings every Friday, starting Fri 27 Nov 2026, until you cancel it? Nothing is sent now.",
    );
    expect(byStatus(session)).toEqual([["active", 50_00]]);
    turn = session.press(card.id, "yes");
    expect(allText(turn)).toMatch(/cancelled the scheduled payment of \$50\.00[\s\S]*Done — I've scheduled \$150\.00 to Savings ••5678 every Friday, starting Fri 27 Nov 2026/);
    expect(byStatus(session)).toEqual([["cancelled", 50_00], ["active", 150_00]]);
    const [effect] = turn.effects.filter((e) => e.kind === "schedule_transfer") as ScheduleTransferEffect[];
    expect(effect).toMatchObject({ idempotencyKey: `schedule:${card.id}`, confirmationId: card.id, fromAccountId: "acc-chk", to: { accountId: "acc-sav" }, schedule: { start: "2026-11-27", repeat: { unit: "week", interval: 1 } } });
    expect(moneyEffects(turn)).toEqual([]);
    // A repeated yes, or the card's Yes pressed again, sets up nothing more.
    session.say("yes", understood("out_of_scope", { yes: true }, 0.88));
    session.press(card.id, "yes");
    expect(byStatus(session)).toEqual([["cancelled", 50_00], ["active", 150_00]]);
  });

  it("a no keeps the schedule as it is, and sets up nothing", () => {
    const session = scheduled();
    const turn = session.say("change it to 150", changeTo150);
    session.press(lastReply(turn).confirmation!.id, "no");
    expect(byStatus(session)).toEqual([["active", 50_00]]);
  });

  it("a schedule with runs left keeps only those", () => {
    const session = new Session();
    const turn = session.say(
      "send 50 to savings every friday 6 times",
      understood("transfer", { amount: usd(50), toRef: "savings", fromRef: "checking", accountRefs: ["savings", "checking"], timing: { problems: [], schedule: { ...everyFriday!.schedule!, count: 6 } } }),
    );
    session.press(lastReply(turn).confirmation!.id, "yes");
    const [stored] = session.bank.schedulesByKey.values();
    stored!.nextRunDate = "2026-12-11";
    const card = lastReply(session.say("change it to 150", changeTo150)).confirmation!;
    expect(card.summary).toMatch(/instead set up \$150\.00 to Savings every Friday, starting Fri 11 Dec 2026, 4 times \(last on Fri 1 Jan 2027\)\?/);
  });

  it("a cancel that fails sets up nothing new", () => {
    const session = scheduled();
    const card = lastReply(session.say("change it to 150", changeTo150)).confirmation!;
    session.bank.failNext("cancel_schedule", "unavailable");
    const turn = session.press(card.id, "yes");
    expect(allText(turn)).toMatch(/couldn't cancel that scheduled payment[\s\S]*haven't set up the new one/);
    expect(byStatus(session)).toEqual([["active", 50_00]]);
  });
});

describe("a slip of yes at the schedule's card", () => {
  it("asks whether yes was meant, with the same card; nothing changes", () => {
    const session = scheduled();
    const card = lastReply(session.say("change it to 150", changeTo150)).confirmation!;
    const turn = session.say("yse", understood("out_of_scope", { nearYes: true }, 0.95));
    expect(lastReply(turn).text).toBe("Did you mean yes? Tap Yes to cancel the schedule of $50.00 and set up $150.00 instead, or No to keep it as it is.");
    expect(lastReply(turn).confirmation?.id).toBe(card.id);
    expect(byStatus(session)).toEqual([["active", 50_00]]);
  });
});
