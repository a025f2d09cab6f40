/** Small talk, fallbacks, FAQ answers and the hand-off to a person. */
import { FALLBACKS_BEFORE_HANDOFF, OFF_TOPIC_CONFIDENCE } from "../config.js";
import { derivedId, type StepContext } from "../context.js";
import { faqAnswer } from "../faq/index.js";
import { CAPABILITIES_TEXT, CAPABILITY_ACTIONS, quickReply, reply } from "../render.js";
import type { EffectResult, HandoffReason, IntentTag } from "../types.js";
import { OUT_OF_SCOPE } from "../../contract/intents.js";

export function greet(ctx: StepContext, intent: IntentTag): void {
  // "hello?" while waiting for a person is mostly "is anyone there?": say they are still queued
  // (Teller falls silent once an agent claims it, so a greeting here is never to an agent).
  const text = ctx.state.handoff
    ? `Hi! You're still in the queue for a member of our team; they'll reply here in this chat. Meanwhile, ${CAPABILITIES_TEXT}`
    : `Hi! I'm Teller. ${CAPABILITIES_TEXT} What can I do for you?`;
  ctx.replies.push(reply(intent, text, { actions: CAPABILITY_ACTIONS }));
}

/** "What can you do?", "who are you?": what Teller is and does, and how to reach a person. */
export function introduce(ctx: StepContext, intent: IntentTag): void {
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      intent,
      `I'm Teller, your bank's automated assistant. ${CAPABILITIES_TEXT} Ask in your own words, or pick one below. To talk to a person, just say so.`,
      { actions: [...CAPABILITY_ACTIONS, quickReply("Talk to a person")] },
    ),
  );
}

/** "Cancel" with no task open: nothing was in progress; a scheduled payment is cancelled by name. */
export function nothingToCancel(ctx: StepContext, intent: IntentTag): void {
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(intent, "There's nothing in progress to cancel, so I haven't changed anything. Is there anything else I can help with?", {
      actions: [quickReply("My scheduled payments", "What payments do I have scheduled?"), quickReply("Recent transactions", "Show my recent transactions")],
    }),
  );
}

/**
 * "wait", "hold on" with nothing in progress: time given. It got the fallback, and the second one
 * a hand-off to staff, for a customer who had only paused.
 */
export function giveTime(ctx: StepContext, intent: IntentTag): void {
  ctx.replies.push(reply(intent, "Sure, take your time. I'm here when you're ready."));
}

export function sayGoodbye(ctx: StepContext, intent: IntentTag): void {
  ctx.replies.push(reply(intent, "Goodbye! I'm here whenever you need me."));
}

export function sayThanks(ctx: StepContext, intent: IntentTag): void {
  ctx.replies.push(reply(intent, "You're welcome! Anything else I can help with?", { actions: CAPABILITY_ACTIONS }));
}

/** Answers a BANKING77 question; returns false when there is no written answer for the intent. */
export function answerFaq(ctx: StepContext, intent: IntentTag): boolean {
  const answer = faqAnswer(intent.name);
  if (!answer) return false;
  ctx.replies.push(reply(intent, answer.text, { actions: answer.actions ?? [] }));
  // The written answer already says a person will help, so the hand-off is not announced twice.
  if (answer.escalate) handOff(ctx, intent, "fraud_risk", false);
  return true;
}

/**
 * A message in another language: said plainly, in English (the one language Teller reads), with
 * the way to a person. Not a misunderstanding, so it never counts towards the automatic hand-off.
 */
export function englishOnly(ctx: StepContext, intent: IntentTag): void {
  ctx.replies.push(
    reply(
      intent,
      "Sorry, I can only understand English for now. Please write to me in English, or choose “Talk to a person” and a member of our team will help you.",
      { actions: [quickReply("Talk to a person")] },
    ),
  );
}

/** A lone "?": what Teller can do, and the way to a person, without counting a misunderstanding. */
export function askWhatNext(ctx: StepContext, guess: IntentTag): void {
  const intent: IntentTag = { name: OUT_OF_SCOPE, confidence: guess.confidence };
  ctx.replies.push(reply(intent, `What can I help you with? ${CAPABILITIES_TEXT}`, { actions: [...CAPABILITY_ACTIONS, quickReply("Talk to a person")] }));
}

// A word of banking keeps the way to a person: "statment for october" is out_of_scope at 0.99.
const BANK_WORD =
  /\b(?:stat[a-z]*m[a-z]*nt|accounts?|cards?|bank\w*|money|pay\w*|transfer\w*|balance|limits?|loans?|fees?|interest|atm|cash|deposit\w*|withdr\w*|savings?|checking|credit|debit|charge\w*|disputes?|fraud|mortgage|overdraft)\b/i;

/**
 * Not understood or out of scope: say what Teller can do; the second in a row goes to a person.
 * Recorded as out_of_scope (with the model's confidence), never as the model's unsure guess.
 */
export function fallback(ctx: StepContext, guess: IntentTag, text = ""): void {
  const intent: IntentTag = { name: OUT_OF_SCOPE, confidence: guess.confidence };
  // explore23: "what's the weather like?" was offered a person. A message the model is sure is about
  // something else was understood, only it isn't a bank's to answer: declined plainly, no person
  // (who couldn't help either), and no misunderstanding counted towards the automatic hand-off.
  if (guess.name === OUT_OF_SCOPE && guess.confidence >= OFF_TOPIC_CONFIDENCE && !BANK_WORD.test(text)) {
    ctx.replies.push(reply(intent, `Sorry, I can't help with that. I'm a banking assistant: ${CAPABILITIES_TEXT}`, { actions: CAPABILITY_ACTIONS }));
    return;
  }
  ctx.state.consecutiveFallbacks += 1;
  if (ctx.state.consecutiveFallbacks >= FALLBACKS_BEFORE_HANDOFF) {
    ctx.state.consecutiveFallbacks = 0;
    ctx.replies.push(reply(intent, "Sorry, I'm still not getting it."));
    handOff(ctx, intent, "repeated_fallback");
    return;
  }
  ctx.replies.push(
    reply(intent, `Sorry, I can't help with that. ${CAPABILITIES_TEXT}`, {
      actions: [...CAPABILITY_ACTIONS, quickReply("Talk to a person")],
    }),
  );
}

const HANDOFF_TEXT: Record<Exclude<HandoffReason, "fraud_risk">, string> = {
  customer_request:
    "I'm connecting you with a member of our team. They'll reply here in this chat and can see our conversation, so you won't need to repeat yourself.",
  repeated_fallback:
    "I'm passing this conversation to a member of our team. They'll reply here in this chat and can see what we've discussed.",
  fraud:
    "I've asked our fraud team to join this chat: they'll reply here, can see our conversation and will help you with any payments you don't recognise.",
};

/**
 * Marks the session for an agent and emits the handoff effect once; asking again while one is
 * already requested only reassures the customer, unless the new reason is more urgent (fraud):
 * then the same hand-off is marked with it.
 */
export function handOff(ctx: StepContext, intent: IntentTag, reason: HandoffReason, announce = true): void {
  const waiting = ctx.state.handoff;
  if (waiting && URGENCY[reason] <= URGENCY[waiting.reason]) {
    if (announce) {
      // Session 27: a fraud risk queues in silence (its answer says the team will help); "You're already
      // in the queue" then told of a queue the customer never heard of.
      const text =
        waiting.reason === "fraud_risk"
          ? "I've already asked a member of our team to join this chat about it; they'll reply here and can see our conversation."
          : "You're already in the queue for a member of our team; they'll reply here in this chat.";
      ctx.replies.push(reply(intent, text));
    }
    return;
  }
  // A fraud report while already queued for a person: the same hand-off, now marked as fraud.
  ctx.state.handoff = { reason, at: waiting?.at ?? ctx.now };
  ctx.effects.push({
    kind: "handoff",
    effectId: derivedId(ctx, "handoff"),
    reason,
    intent: intent.name,
    messageId: ctx.messageId ?? "",
  });
  if (announce && reason !== "fraud_risk") ctx.replies.push(reply(intent, waiting ? ESCALATED_TEXT : HANDOFF_TEXT[reason]));
}

/** Higher outranks lower: a request while one waits changes it only if more urgent. */
const URGENCY: Record<HandoffReason, number> = { customer_request: 0, repeated_fallback: 0, fraud_risk: 1, fraud: 2 };

const ESCALATED_TEXT =
  "You're already in the queue for a member of our team, and I've marked it as a fraud report so they know what it's about when they pick it up. They'll reply here in this chat.";

/**
 * "never mind" / "forget it" while waiting for a person: the request leaves the staff queue (the
 * DO closes it only if nobody from the bank took it yet). It stayed queued, and "There's nothing in
 * progress to cancel" was the answer. True if a hand-off was waiting.
 */
export function withdrawHandoff(ctx: StepContext): boolean {
  if (!ctx.state.handoff) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.effects.push({ kind: "withdraw_handoff", effectId: derivedId(ctx, WITHDRAW) });
  return true;
}

const WITHDRAW = "withdraw_handoff";
const HANDOFF_INTENT: IntentTag = { name: "human_agent", confidence: 1 };

export function isWithdrawResult(effectId: string): boolean {
  return effectId.endsWith(`:${WITHDRAW}`);
}

export function onHandoffWithdrawn(ctx: StepContext, result: EffectResult): void {
  const status = result.ok && typeof result.data === "object" && result.data !== null ? (result.data as { status?: unknown }).status : undefined;
  if (status === "withdrawn" || status === "none") ctx.state.handoff = null;
  const text =
    status === "withdrawn"
      ? "OK, I've taken you out of the queue, so nobody from our team will join. I'm here if you need anything else."
      : status === "taken"
        ? "Someone from our team has already picked this up and will reply here in a moment, so I've left it with them."
        : status === "none"
          ? "You're not waiting for anyone from our team any more, so there's nothing to cancel."
          : "I couldn't take you out of the queue just now, so you're still waiting for our team. Please try again in a moment.";
  ctx.replies.push(reply(HANDOFF_INTENT, text));
}
