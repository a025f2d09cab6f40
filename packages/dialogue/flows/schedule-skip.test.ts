import { describe, expect, it } from "vitest";
import { asksToSkipPayment } from "./schedule-skip.js";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("skipping one payment of a repeating transfer (explore25)", () => {
  it("reads the request", () => {
    for (const text of ["skip the next one", "skip the next one to savings", "skip next month's payment to bright broadband", "can you skip this week's transfer", "i want to skip the next payment", "pause my monthly transfer"]) {
      expect(asksToSkipPayment(text), text).toBe(true);
    }
  });

  it("reads no skip in other requests", () => {
    for (const text of ["cancel the next one", "show my scheduled payments", "skip", "send 20 to savings", "can i skip the queue"]) {
      expect(asksToSkipPayment(text), text).toBe(false);
    }
  });

  it("says it can't be skipped, offers the list and cancelling, and changes nothing", () => {
    const session = new Session();
    const turn = session.say("skip the next one", understood("out_of_scope", {}, 0.61));
    expect(lastReply(turn).text).toMatch(/^I can't skip just one payment of a repeating transfer\. I can cancel it/);
    expect(lastReply(turn).actions?.map((a) => a.label)).toEqual(["My scheduled payments", "Cancel a scheduled payment"]);
    expect(turn.effects).toEqual([]);
    expect(session.state.consecutiveFallbacks).toBe(0);
  });
});
