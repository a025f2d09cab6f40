import { describe, expect, it } from "vitest";
import { FakeBank, Session, understood } from "../../../test/support/dialogue-session.js";
import { WHY_DECLINED_TEXT, asksWhyDeclined } from "./why-declined.js";

describe("'why' right after a declined card's answer (explore31)", () => {
  it.each(["why", "why?", "but why", "Why tho", "so why was it declined?", "why did that happen", "why did my card get declined", "why would it do that"])("reads '%s' as asking why", (text) => {
    expect(asksWhyDeclined(text)).toBe(true);
  });

  it.each(["why is my account blocked", "why is my balance so low", "why did you freeze my account", "what"])("leaves '%s' alone", (text) => {
    expect(asksWhyDeclined(text)).toBe(false);
  });

  it("after the declined answer: the reason isn't in the chat, and the cards' status (it was the answer on restricted accounts)", () => {
    const session = new Session(new FakeBank());
    session.say("my card got declined", understood("declined_card_payment"));
    const turn = session.say("why", understood("account_blocked", {}, 0.8));
    const texts = turn.replies.map((r) => r.text);
    expect(texts[0]).toBe(WHY_DECLINED_TEXT);
    expect(texts.join(" ")).toMatch(/is active|is frozen/);
  });

  it("with no declined card before it, 'why' goes its usual way", () => {
    const turn = new Session(new FakeBank()).say("why", understood("account_blocked", {}, 0.8));
    expect(turn.replies.map((r) => r.text)).not.toContain(WHY_DECLINED_TEXT);
  });
});
