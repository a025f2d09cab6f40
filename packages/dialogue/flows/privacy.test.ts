/** What Teller keeps, who sees it and how to delete it (flows/privacy.ts, session 31). */
import { describe, expect, it } from "vitest";
import { Session, lastReply, understood } from "../../../test/support/dialogue-session.js";
import type { StepContext } from "../context.js";
import { answerPrivacy } from "./privacy.js";

function answer(text: string, transcriptRetentionDays = 90): string | false {
  const ctx = { state: { settled: [] }, now: 0, replies: [], effects: [] } as unknown as StepContext;
  return answerPrivacy(ctx, text, { transcriptRetentionDays }) ? ctx.replies[0]!.text : false;
}

describe("answerPrivacy", () => {
  it("tells how to delete the history", () => {
    for (const t of ["delete my chat history", "erase this conversation", "clear my messages", "forget everything i said", "delete all my data"]) {
      expect(answer(t), t).toMatch(/^You can delete this conversation's history yourself: choose “Delete history” at the top of the chat\..*Transfers and card changes stay/);
    }
  });

  it("tells what is kept, for how long, and who sees it", () => {
    for (const t of ["what data do you keep about me", "is this chat recorded", "are my messages saved", "is this recorded", "are you recording this", "how long do you keep my messages", "do you store my data", "do you save my chats"]) {
      expect(answer(t), t).toMatch(/^I keep this conversation .*masked .*encrypted.*90 days\. You can delete it yourself/);
    }
    for (const t of ["who can see this conversation", "can anyone else read my messages", "is this chat private", "can the bank see my messages"]) {
      expect(answer(t), t).toMatch(/^Only you, and a person on our team when you ask to talk to one/);
    }
    expect(answer("can i get a copy of my data")).toMatch(/^I can't send you a copy of your data here/);
  });

  it("says the retention the bank configured, not a figure written in the code", () => {
    // Session 31 said "90 days" whatever TRANSCRIPT_RETENTION_DAYS held.
    expect(answer("is this chat recorded", 30)).toMatch(/the history is deleted after 30 days\. You can delete it yourself/);
    expect(answer("who can see this conversation", 30)).toMatch(/masked, and deleted after 30 days\./);
    expect(answer("how long do you keep my messages", 1)).toMatch(/deleted after 1 day\./);
    for (const t of ["is this chat recorded", "who can see this conversation"]) expect(answer(t, 30), t).not.toMatch(/90/);
  });

  it("leaves alone what asks something else", () => {
    for (const t of ["I want to get rid of the account, and delete personal information .", "close my account and delete my data", "who are my saved payees?", "are my payees saved", "delete my payee", "clear", "show my history", "transaction history", "cancel the transfer", "can anyone see my balance", "is my card secure", "remove jordan", "show me my messages"]) {
      expect(answer(t), t).toBe(false);
    }
  });

  it("through the engine, whatever the model read", () => {
    const turn = new Session().say("delete my chat history", understood("transactions", {}, 0.9));
    expect(lastReply(turn).intent.name).toBe("privacy");
    expect(turn.effects).toEqual([]);
  });
});
