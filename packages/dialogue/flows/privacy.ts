/**
 * Session 31, found by hand: "delete my chat history" listed transactions, "who can see this
 * conversation" said goodbye, "what data do you keep about me" and "is this chat recorded" got
 * "Sorry, I can't help with that." What Teller keeps, who sees it and how to delete it are said as
 * docs/compliance.md records them: nothing promised that is not built (no export; no sharing policy,
 * which is the bank's privacy notice). The days the history is kept are the bank's
 * TRANSCRIPT_RETENTION_DAYS, passed in with the message (session 32; it said "90 days" whatever that held).
 */
import type { StepContext } from "../context.js";
import { TALK_TO_PERSON } from "../faq/answer.js";
import { reply } from "../render.js";
import type { DialogueSettings } from "../types.js";

const CHAT = String.raw`(?:chats?|conversations?|messages?|chat\s+(?:history|log|logs)|history|transcripts?|what\s+i\s+(?:say|said|type|typed|write|wrote))`;
const MY_CHAT = String.raw`(?:(?:my|this|our|the|these|all\s+(?:my|our|the))\s+)?${CHAT}`;

const DELETE = new RegExp(
  String.raw`\b(?:delete|erase|clear|wipe|remove|get\s+rid\s+of)\s+(?:all\s+)?(?:of\s+)?${MY_CHAT}\b|\bforget\s+(?:everything|all|what)\s+(?:i(?:'ve)?\s+(?:said|told\s+you|typed)|about\s+me)|\b(?:delete|erase|remove)\s+(?:all\s+)?(?:my\s+)?(?:personal\s+)?(?:data|information|info)\b|\bright\s+to\s+(?:be\s+forgotten|erasure)\b`,
  "i",
);
const RECORDED = new RegExp(
  // "is this chat recorded", "are my messages saved", "is this recorded"; not "who are my saved payees".
  String.raw`\b(?:is|are)\s+(?:(?:this|these|my|our)\s+${CHAT}|this|you)\s+(?:being\s+)?(?:recorded|saved|stored|kept|logged|monitored)\b(?!\s+(?:payees?|accounts?|cards?|billers?))|\b(?:are\s+you|do\s+you)\s+(?:recording|saving|storing|keeping|logging)\s+(?:this|${MY_CHAT})\b|\bhow\s+long\s+(?:do|will)\s+you\s+(?:keep|store|save|hold)\s+${MY_CHAT}\b|\bdo\s+you\s+(?:keep|store|save)\s+(?:a\s+(?:copy|record)\s+of\s+)?${MY_CHAT}\b`,
  "i",
);
const WHAT_KEPT = new RegExp(
  String.raw`\bwhat\s+(?:data|information|info|personal\s+data|details)\s+(?:do|does|did|will)\s+(?:you|teller|the\s+bank)\s+(?:keep|store|hold|have|collect|save|track)\b|\bwhat\s+do\s+you\s+(?:know|keep|store|collect)\s+about\s+me\b|\bdo\s+you\s+(?:store|keep|collect|save)\s+my\s+(?:personal\s+)?(?:data|information|info|details)\b`,
  "i",
);
const WHO_SEES = new RegExp(
  String.raw`\bwho\s+(?:can|else\s+can|could|will|gets\s+to)\s+(?:see|read|access|look\s+at)\s+${MY_CHAT}\b|\b(?:can|does|do|will)\s+(?:anyone|anybody|someone|a\s+(?:person|human)|(?:the\s+)?(?:bank|staff|employees))(?:\s+(?:else|at\s+the\s+bank))?\s+(?:see|read|access)\s+${MY_CHAT}\b|\bis\s+(?:this|my|our)\s+(?:chat|conversation)\s+(?:private|confidential|secure|encrypted|safe)\b`,
  "i",
);
const EXPORT = new RegExp(
  String.raw`\b(?:download|export|send\s+me|get|see)\s+(?:a\s+copy\s+of\s+)?(?:all\s+)?(?:my|the)\s+(?:personal\s+)?(?:data|information\s+you\s+(?:have|hold|keep))\b|\bcopy\s+of\s+(?:my\s+)?(?:personal\s+)?data\b`,
  "i",
);

const kept = (days: string) =>
  `I keep this conversation so I can pick up where you left off, and so that a person on our team can see it if you ask for one. Card and account numbers in your messages are masked before anything is stored, the words are stored encrypted, and the history is deleted after ${days}.`;
const DELETE_IT =
  "You can delete this conversation's history yourself: choose “Delete history” at the top of the chat. It deletes your messages and my replies from the bank's records. Transfers and card changes stay on your accounts, as the bank must keep them.";
const who = (days: string) =>
  `Only you, and a person on our team when you ask to talk to one (they see this conversation so they can help). The words are stored encrypted, with card and account numbers masked, and deleted after ${days}.`;
const DELETE_SHORT = "You can delete it yourself any time: choose “Delete history” at the top of the chat.";
const COPY =
  "I can't send you a copy of your data here in the chat. A member of our team can help you ask the bank for one: choose “Talk to a person”.";

// "I want to get rid of the account, and delete personal information" (BANKING77 terminate_account):
// closing the account is the request, which the written answer on closing an account covers.
const CLOSES_ACCOUNT = /\b(?:close|closing|get\s+rid\s+of|terminate|cancel|delete|shut\s+down)\s+(?:the\s+|my\s+)?(?:bank\s+)?account\b/i;

/** Answers what Teller keeps, who sees it, and how to delete it; false when the message asks none of it. */
export function answerPrivacy(ctx: StepContext, text: string, settings: DialogueSettings): boolean {
  const t = text.trim();
  if (CLOSES_ACCOUNT.test(t)) return false;
  const n = settings.transcriptRetentionDays;
  const days = n === 1 ? "1 day" : `${n} days`;
  let answer: string | undefined;
  if (DELETE.test(t)) answer = DELETE_IT;
  else if (EXPORT.test(t)) answer = COPY;
  else if (WHO_SEES.test(t)) answer = `${who(days)} ${DELETE_SHORT}`;
  else if (RECORDED.test(t) || WHAT_KEPT.test(t)) answer = `${kept(days)} ${DELETE_SHORT}`;
  if (!answer) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply({ name: "privacy", confidence: 1 }, answer, answer === COPY ? { actions: [TALK_TO_PERSON] } : {}));
  return true;
}
