import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";

describe("a trip told (explore29)", () => {
  it.each([
    ["im going to italy next week", understood("out_of_scope", {}, 0.98)],
    ["we're traveling to mexico in march", understood("out_of_scope", {}, 0.95)],
    ["do i need to set a travel notice", understood("out_of_scope", {}, 0.7)],
    ["should i let you know i'm traveling", understood("greeting", {}, 0.3)],
  ])("'%s': no travel notice to set, what matters abroad; nothing starts", (text, u) => {
    const turn = new Session().say(text, u);
    const reply = lastReply(turn);
    expect(reply.text).toMatch(/^There's no travel notice to set in Teller: you can use your card abroad/);
    expect(reply.actions.map((a) => a.label)).toEqual(["Fees abroad", "Freeze my card"]);
    expect(turn.effects).toEqual([]);
  });

  it("leaves a trip with a question the model reads clearly to it", () => {
    const turn = new Session().say("im going to italy next week, will my card charge me extra", understood("international_fees", {}, 0.9));
    expect(lastReply(turn).text).not.toMatch(/travel notice/);
  });
});
