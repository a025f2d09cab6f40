import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { runScript, type ScriptContext } from "./script.js";

/**
 * A typed "yes" / "no" under a confirmation card says, on the turn's reply, which card it answered
 * and how (`reply.settled`): the web app's card then reads "You confirmed." / "You said no." as it
 * does for the card's own buttons, not "no longer waiting for an answer". Through the gateway.
 */
const cardOf = (ctx: ScriptContext, turn: number) => ctx.turns[turn]!.reply.confirmation!.id;
const settledIs = (turn: number, answer: "yes" | "no") => (reply: Reply, ctx: ScriptContext) =>
  void expect(reply.settled).toEqual({ id: cardOf(ctx, turn), answer });

describe("a typed answer to a confirmation says which card it settled", () => {
  it("a typed 'yes' confirmed the card (money moved once)", async () => {
    await runScript("typed-yes", {
      turns: [
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true }, check: (reply) => void expect(reply.settled).toBeUndefined() },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 }, check: settledIs(0, "yes") },
      ],
    });
  });

  // explore19: "yes pls" got "Sorry, I didn't catch that." and the card again.
  it("a texted 'yes pls' confirmed the card (money moved once)", async () => {
    await runScript("typed-yes-pls", {
      turns: [
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes pls", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 }, check: settledIs(0, "yes") },
      ],
    });
  });

  it("a typed 'no' declined it (nothing moved)", async () => {
    await runScript("typed-no", {
      turns: [
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "no", balances: { checking: 1_000_00 }, check: settledIs(0, "no") },
      ],
    });
  });

  it("the buttons say the same; a correction that replaced the card answered nothing", async () => {
    await runScript("typed-correction", {
      turns: [
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "actually make it 20", expect: { confirmation: true }, check: (reply) => void expect(reply.settled).toBeUndefined() },
        { say: "Yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00 }, check: settledIs(1, "yes") },
      ],
    });
  });
});
