import { describe, expect, it } from "vitest";
import { asksHowDisputesGo } from "./dispute-timing.js";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("how a dispute goes (explore25)", () => {
  it("reads the question", () => {
    for (const text of [
      "how long does a dispute take",
      "how long do disputes take?",
      "how long does it take for a dispute to be resolved",
      "how long until my dispute is resolved",
      "how does a dispute work",
      "what happens after i open a dispute",
      "ok how long does the dispute process usually take",
    ]) {
      expect(asksHowDisputesGo(text), text).toBe(true);
    }
  });

  it("reads no question in a dispute asked for or its status", () => {
    for (const text of ["i want to dispute a charge", "dispute the netflix charge", "whats the status of my dispute", "how long does a transfer take", "how long ago was my dispute opened"]) {
      expect(asksHowDisputesGo(text), text).toBe(false);
    }
  });

  it("answers without listing charges to pick from, no dispute task left open", () => {
    const session = new Session();
    const turn = session.say("how long does a dispute take", understood("dispute", {}, 0.96));
    expect(lastReply(turn).text).toMatch(/^When you open a dispute, our disputes team reviews the charge/);
    expect(lastReply(turn).actions?.map((a) => a.label)).toEqual(["Dispute a charge", "My disputes"]);
    expect(turn.effects).toEqual([]);
    expect(session.state.task).toBeNull();
  });
});
