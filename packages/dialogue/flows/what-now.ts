/**
 * Session 27, found by hand: "what happens now" right after a card was frozen for a suspected fraud
 * was "Sorry, I can't help with that." The customer asks what follows from what Teller just did: the
 * latest of a card frozen or unfrozen, a transfer sent, a dispute opened, or a person asked for,
 * within the minutes "it" still points at it. With nothing recent (or a task open, whose own question
 * stands) it is not answered here.
 */
import { REPEAT_YES_WINDOW_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { moneyText, quickReply, reply } from "../render.js";
import type { Reply } from "../types.js";

const WHAT_NOW = new RegExp(
  String.raw`^(?:(?:ok(?:ay)?|so|and|alright|right|thanks|thank\s+you|great|cool|done|got\s+it)[,!.]*\s+)*(?:` +
    [
      String.raw`what\s+(?:happens|now)`,
      String.raw`now\s+what`,
      String.raw`what(?:'s|s|\s+is|\s+comes)\s+next`,
      String.raw`what\s+next`,
      String.raw`what\s+(?:do|should|can)\s+i\s+do(?:\s+(?:now|next|about\s+it))?`,
      String.raw`what\s+(?:are|r)\s+(?:the|my)\s+next\s+steps?`,
      String.raw`(?:and\s+)?then\s+what`,
      String.raw`what\s+happens\s+(?:now|next|after\s+(?:this|that))`,
      String.raw`is\s+there\s+anything\s+(?:else\s+)?i\s+(?:need|have)\s+to\s+do`,
    ].join("|") +
    String.raw`)(?:\s+now)?\s*[?.!]*$`,
  "i",
);

/** True for a message that only asks what follows now. */
export function asksWhatNow(text: string): boolean {
  return WHAT_NOW.test(text.trim());
}

type Recent =
  | { kind: "card"; at: number; last4: string; status?: "active" | "frozen" }
  | { kind: "sent"; at: number }
  | { kind: "dispute"; at: number }
  | { kind: "handoff"; at: number };

/** The latest thing Teller did that "now" can follow, if still recent. */
function latestDone(ctx: StepContext): Recent | undefined {
  const s = ctx.state;
  const all: Recent[] = [];
  if (s.lastCard) all.push({ kind: "card", ...s.lastCard });
  if (s.lastSent) all.push({ kind: "sent", at: s.lastSent.at });
  if (s.lastDisputes?.reference) all.push({ kind: "dispute", at: s.lastDisputes.at });
  if (s.handoff) all.push({ kind: "handoff", at: s.handoff.at });
  const recent = all.filter((r) => ctx.now - r.at <= REPEAT_YES_WINDOW_MS).sort((a, b) => b.at - a.at);
  return recent[0];
}

const PERSON_NOTE = "A member of our team has been asked to join this chat too: they'll reply here and can see our conversation.";

function answerFor(ctx: StepContext, done: Recent): Reply {
  const waiting = ctx.state.handoff && done.kind !== "handoff" ? ` ${PERSON_NOTE}` : "";
  switch (done.kind) {
    case "card":
      if (done.status === "active") {
        return reply({ name: "freeze_card", confidence: 1 }, `Your card ••${done.last4} works again: payments and withdrawals with it go through as before. You can freeze it again here any time.${waiting}`);
      }
      return reply(
        { name: "freeze_card", confidence: 1 },
        `Your card ••${done.last4} stays frozen: payments and withdrawals with it are declined until you unfreeze it, which you can do here any time. ` +
          `Look over your recent transactions for anything you don't recognise — I can open a dispute for it. ` +
          `If the card is lost or its details were stolen, order a replacement in the app, under Cards.${waiting}`,
        { actions: [quickReply("Recent transactions", "Show my recent transactions"), quickReply("Dispute a charge", "I want to dispute a charge"), quickReply("Unfreeze my card")] },
      );
    case "sent": {
      const sent = ctx.state.lastSent!;
      const what = `the ${moneyText(sent.amount)} to ${sent.toLabel}`;
      const where =
        "accountId" in sent.to
          ? `Nothing more to do: ${what} is already there.`
          : `Nothing more to do: ${what} has left your account. When it shows in their own bank account depends on their bank.`;
      return reply({ name: "transfer", confidence: 1 }, `${where}${waiting}`, { actions: [quickReply("Check my balance")] });
    }
    case "dispute":
      return reply(
        { name: "dispute", confidence: 1 },
        `Our disputes team reviews the charge and keeps you posted here. How long that takes depends on the charge and the merchant, so I can't promise a date; ask me for its status any time.${waiting}`,
        { actions: [quickReply("My disputes")] },
      );
    case "handoff":
      return reply(
        { name: "human_agent", confidence: 1 },
        `${PERSON_NOTE} Until then I can still help with your balances, transactions, transfers and cards.`,
      );
  }
}

/** With nothing open, minutes after a card change, a transfer, a dispute or a hand-off: what follows. */
export function answerWhatNow(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksWhatNow(text)) return false;
  const done = latestDone(ctx);
  if (!done) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(answerFor(ctx, done));
  return true;
}
