/**
 * Right after a transfer was sent: "same again" and "undo that". The model read them as anything
 * ("same again" as a duplicate charge, "take it back" as an unfreeze, "undo that" as out of scope),
 * so the words are read here, against the transfer the engine itself last sent (state.lastSent).
 *
 * Nothing here moves money: a repeat, or moving money back between the customer's own accounts, is
 * a NEW transfer task with the slots filled in, which loads the accounts and payees afresh, checks
 * them like any other (flows/transfer-questions.ts) and waits for a Yes on its own card, under a new
 * confirmation id and so a new idempotency key. A sent transfer itself is never recalled.
 */
import type { StepContext } from "../context.js";
import { moneyText, quickReply, reply } from "../render.js";
import { recentlySent, recentlySettled } from "../state.js";
import type { Entities, IntentTag, SentTransfer } from "../types.js";
import { hasTransferEntities } from "./transfer-answers.js";
import { busyExecuting } from "./execution.js";
import { startTransfer } from "./transfer.js";

const LEAD = String.raw`^(?:(?:ok(?:ay)?|and|now|so|please|pls|can\s+you|could\s+you|just)[,\s]+)*`;
const TAIL = String.raw`(?:\s+(?:please|pls|thanks))?[.!?\s]*$`;

// "same again", "send the same again", "do that again", "again please", "repeat that transfer".
const SAME_AGAIN_CORE =
    String.raw`(?:(?:send|do|pay|make|transfer)\s+(?:the\s+)?same(?:\s+(?:thing|amount|transfer|payment|one))?\s+again|(?:the\s+)?same\s+(?:again|one\s+again|thing\s+again)|(?:send|do|pay|make|repeat)\s+(?:that|it|this)(?:\s+(?:transfer|payment|one))?\s+again|again|once\s+more|one\s+more\s+time|repeat\s+(?:that|it|this|the\s+last|my\s+last)(?:\s+(?:one|transfer|payment))?)`;
const SAME_AGAIN = new RegExp(LEAD + SAME_AGAIN_CORE + TAIL, "i");
// "same again but 50", "same again but to Sam": the rest changes the repeat (read from its entities).
const SAME_AGAIN_BUT = new RegExp(LEAD + SAME_AGAIN_CORE + String.raw`[,\s]+(?:but|only|just)\s+\S.*$`, "i");

// "undo that", "reverse it", "take it back", "cancel that transfer", "can I get it back".
const TAKE_BACK = new RegExp(
  String.raw`^(?:(?:oh\s+no|oops|wait|no+|please|pls|can\s+you|could\s+you|i\s+want\s+to|i'?d\s+like\s+to|i\s+need\s+to)[,!\s]+)*` +
    String.raw`(?:(?:undo|reverse|revert|recall|cancel|stop)(?:\s+(?:it|that|this|(?:the|that|this|my)\s+last\s+(?:transfer|payment|one)|(?:the|that|this)\s+(?:transfer|payment|one)))?|take\s+(?:it|that|this|the\s+money)\s+back|(?:can\s+i\s+)?get\s+(?:it|that|the\s+money)\s+back|send\s+(?:it|that)\s+back)` +
    String.raw`(?:\s+(?:i|you)\s+just\s+(?:made|sent|did))?` +
    TAIL,
  "i",
);

// "that was a mistake", "oops, wrong person": said of what was just done, never of a task still open.
const MISTAKE = new RegExp(
  String.raw`^(?:(?:oh\s+no|oops|wait|no+|sorry|damn|ugh)[,!.\s]+)*(?:(?:that|it|this)\s+was\s+(?:a\s+)?(?:mistake|wrong|an\s+accident)|i\s+(?:made\s+a\s+mistake|didn'?t\s+mean\s+(?:to|that))|(?:i\s+sent\s+(?:it|that|the\s+money)\s+to\s+(?:the\s+)?)?wrong\s+(?:person|account|payee|recipient))` +
    TAIL,
  "i",
);

/** "same again", "do that again", "repeat that transfer": nothing else said. */
export function asksSameAgain(text: string): boolean {
  return SAME_AGAIN.test(text.trim());
}

/** "same again but to Sam", "same again but 50": a repeat whose change the rest of the message says. */
export function asksSameAgainBut(text: string): boolean {
  return SAME_AGAIN_BUT.test(text.trim());
}

/** "undo that", "reverse it", "take it back", "cancel that transfer": nothing else said. */
export function asksTakeBack(text: string): boolean {
  return TAKE_BACK.test(text.trim());
}

const REPEAT_INTENT: IntentTag = { name: "transfer", confidence: 1 };
const TAKE_BACK_INTENT: IntentTag = { name: "cancel_transfer", confidence: 1 };

/**
 * Nothing open: "same again" sets up the last sent transfer again, "undo that" says what can be
 * done about it. True when the message was one of them and was answered.
 */
export function answerAfterSent(ctx: StepContext, text: string, e: Entities): boolean {
  if (asksSameAgain(text)) {
    repeatSent(ctx, null);
    return true;
  }
  // Only when the rest said something a transfer can take (an amount, an account, a payee).
  if (asksSameAgainBut(text) && hasTransferEntities(e)) {
    repeatSent(ctx, e);
    return true;
  }
  if (asksTakeBack(text) || MISTAKE.test(text.trim())) return takeBack(ctx, BARE_CANCEL.test(text.trim()));
  return false;
}

// explore28: a bare "cancel" with an answer read since the transfer (a balance, a spending total)
// offered to move the money back: it names nothing, so it is about nothing still open.
const BARE_CANCEL = /^(?:cancel|stop)\W*$/i;

function repeatSent(ctx: StepContext, changes: Entities | null): void {
  ctx.state.consecutiveFallbacks = 0;
  if (busyExecuting(ctx, REPEAT_INTENT)) return;
  const sent = recentlySent(ctx.state, ctx.now);
  if (!sent) {
    ctx.replies.push(
      reply(REPEAT_INTENT, "I haven't sent any money for you in the last few minutes, so there's nothing to repeat. Tell me how much to send and to whom.", {
        actions: [quickReply("Make a transfer", "I want to make a transfer")],
      }),
    );
    return;
  }
  const lead = changes ? "Based on your last transfer, this is a new one." : `Sending ${moneyText(sent.amount)} to ${sent.toLabel} again is a new transfer.`;
  startPreset(ctx, sent.intent, { from: sent.fromAccountId, to: sent.to, amount: sent.amount }, [lead]);
  // The changes are applied over the repeat once the accounts and payees are loaded.
  const task = ctx.state.task;
  if (changes && task?.kind === "transfer") task.unresolved = [changes];
}

/**
 * A sent transfer cannot be recalled. Between the customer's own accounts the money can be moved
 * back (a new transfer, its own card); to a payee, or onto a card, it is said plainly and a person
 * offered. False when nothing was sent lately that "that" could mean (the message goes on as before).
 */
function takeBack(ctx: StepContext, bare = false): boolean {
  if (ctx.state.executing) {
    ctx.replies.push(
      reply(TAKE_BACK_INTENT, "I'm still finishing that request, so I can't stop it now — it will only happen once. Ask me again once it's done and I'll tell you what can be done."),
    );
    return true;
  }
  const sent = recentlySent(ctx.state, ctx.now);
  // "that" is the transfer only while it is the last thing settled (not a freeze or a cancelled card since).
  if (!sent || recentlySettled(ctx.state, ctx.now)?.id !== sent.id) return false;
  // Queued for a person since: "cancel" is about that request (flows/conversation.ts withdraws it).
  if ((ctx.state.handoff?.at ?? -Infinity) >= sent.at) return false;
  if (bare && Math.max(ctx.state.lastRead?.at ?? -Infinity, ctx.state.lastFact?.at ?? -Infinity) > sent.at) return false;
  ctx.state.consecutiveFallbacks = 0;
  const what = `${moneyText(sent.amount)} to ${sent.toLabel}`;
  if ("accountId" in sent.to && sent.payment !== "card") {
    startPreset(ctx, { name: "transfer", confidence: 1 }, { from: sent.to.accountId, to: { accountId: sent.fromAccountId }, amount: sent.amount }, [
      `The ${what} has already gone through, so it can't be recalled — but both accounts are yours, so I can move it back as a new transfer.`,
    ]);
    return true;
  }
  const paid = sent.payment !== undefined ? "payment" : "transfer";
  ctx.replies.push(
    reply(
      TAKE_BACK_INTENT,
      `The ${what} has already gone through, and a ${paid} that was sent can't be recalled from here. If it went to the wrong place or you think it's fraud, one of our team can look into it with you; otherwise the recipient can send it back.`,
      { actions: [quickReply("Talk to a person")] },
    ),
  );
  return true;
}

/** A transfer task with its slots given; the accounts and payees load as for any transfer. */
function startPreset(ctx: StepContext, intent: IntentTag, slots: { from: string; to: SentTransfer["to"]; amount: SentTransfer["amount"] }, notes: string[]): void {
  startTransfer(ctx, intent, { accountRefs: [] }, notes);
  const task = ctx.state.task;
  if (task?.kind !== "transfer") return;
  task.unresolved = [];
  task.from = slots.from;
  task.to = slots.to;
  task.amount = { ...slots.amount };
}
