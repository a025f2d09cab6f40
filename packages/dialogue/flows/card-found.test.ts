import { describe, expect, it } from "vitest";
import { saysCardFound } from "./card-found.js";
import { Session, allText, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("a lost card found again (explore25)", () => {
  it("reads the card found", () => {
    for (const text of ["oh wait found it in my jacket", "nvm found it", "never mind, I found my card", "i found my visa card", "false alarm", "it turned up", "found the card lol"]) {
      expect(saysCardFound(text), text).toBe(true);
    }
  });

  it("reads no find in a card still lost or in another request", () => {
    for (const text of ["i can't find my card", "i haven't found it yet", "what if i find it later", "i lost my card", "freeze my card", "find my transactions at amazon", "i didn't find it anywhere"]) {
      expect(saysCardFound(text), text).toBe(false);
    }
  });

  it("drops the freeze offered after a lost card: nothing frozen, no question left open", () => {
    const session = new Session();
    session.say("i think i lost my card", understood("lost_or_stolen_card"));
    expect(session.state.task?.kind).toBe("card");
    const turn = session.say("oh wait found it in my jacket", understood("out_of_scope", {}, 0.59));
    expect(lastReply(turn).text).toMatch(/^Glad you found it! I haven't frozen anything/);
    expect(allText(turn)).not.toMatch(/Which card|Sorry/);
    expect(session.state.task).toBeNull();
    expect(session.bank.cards.find((c) => c.last4 === "4242")?.status).toBe("active");
    expect(turn.effects.filter((e) => e.kind === "set_card_status")).toEqual([]);
  });

  it("with nothing open, leaves the message to the engine ('found my card' offers to unfreeze a frozen card)", () => {
    const session = new Session();
    const turn = session.say("found my card", understood("unfreeze_card"));
    expect(allText(turn)).not.toMatch(/Glad you found it/);
  });

  it("offers the card just frozen back when it is found (explore32): nothing changes before its Yes", () => {
    const session = new Session();
    session.say("freeze my visa", understood("freeze_card", { cardBrand: "visa" }));
    expect(session.bank.cards.find((c) => c.last4 === "4242")?.status).toBe("frozen");
    const turn = session.say("oh wait found it", understood("out_of_scope", {}, 0.6));
    expect(allText(turn)).toMatch(/^Glad you found it![\s\S]*Unfreeze Visa ••4242\?/);
    expect(lastReply(turn).confirmation).toBeDefined();
    expect(session.bank.cards.find((c) => c.last4 === "4242")?.status).toBe("frozen");
  });

  it("leaves a transfer being set up alone", () => {
    const session = new Session();
    session.say("I want to send money", understood("transfer"));
    const turn = session.say("found it", understood("out_of_scope", {}, 0.4));
    expect(allText(turn)).not.toMatch(/Glad you found it/);
  });
});
