/**
 * "what's happening with it?" / "any update?" / "whats the status" right after the customer's
 * disputes were shown or one was opened: the status of that dispute (the one opened, else the
 * newest), read again from the bank. flows24: these got the greeting or "Sorry, I can't help
 * with that." Older than REPEAT_YES_WINDOW_MS, "it" points nowhere and the message goes its way.
 */
import { REPEAT_YES_WINDOW_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, quoted, reply, sizeText } from "../render.js";
import type { DisputeView, IntentTag, Reply } from "../types.js";
import { dateText } from "./wording.js";

// The whole message asks how "it" stands, naming nothing else.
const STATUS_OF_IT = new RegExp(
  String.raw`^(?:(?:so|and|ok|okay|hi|hey)\W+)?(?:` +
    [
      // "what's happening" alone is a greeting ("what's up"): only "… with it" is about the dispute.
      String.raw`(?:what'?s|whats|what is)\s+(?:happening|going on)\s+with\s+(?:it|that|this|them|my dispute)`,
      String.raw`any\s+(?:updates?|news|progress)(?:\s+(?:on|with)\s+(?:it|that|this|them))?(?:\s+yet)?`,
      String.raw`(?:what'?s|whats|what is)\s+(?:the\s+|its\s+)?status(?:\s+of\s+(?:it|that|this))?(?:\s+now)?`,
      String.raw`(?:how'?s|how is)\s+(?:it|that)\s+going`,
      String.raw`(?:where|how)\s+(?:is|does)\s+(?:it|that)\s+stand`,
      String.raw`(?:is|has)\s+(?:it|that)\s+(?:been\s+)?(?:resolved|sorted(?:\s+out)?|done|fixed)(?:\s+yet)?`,
      String.raw`(?:update|status)(?:\s+(?:on|of)\s+(?:it|that|this))?`,
    ].join("|") +
    String.raw`)\s*[?.!]*$`,
  "i",
);

/** Disputes were just shown, or one was opened: "any update?" is about them. */
export function rememberDisputes(ctx: StepContext, reference?: string): void {
  ctx.state.lastDisputes = { at: ctx.now, ...(reference ? { reference } : {}) };
}

/** The dispute "it" is, when the message only asks how it stands; undefined otherwise. */
export function disputeAskedAbout(ctx: StepContext, text: string): string | undefined {
  const last = ctx.state.lastDisputes;
  if (ctx.state.task || !last || ctx.now - last.at > REPEAT_YES_WINDOW_MS) return undefined;
  // A transfer, a card change or a read since then is what "it" is now.
  const since = [ctx.state.settled.at(-1)?.at, ctx.state.lastRead?.at, ctx.state.lastFact?.at, ctx.state.lastSent?.at];
  if (since.some((at) => at !== undefined && at >= last.at)) return undefined;
  return STATUS_OF_IT.test(text.trim()) ? (last.reference ?? "latest") : undefined;
}

const STANDING: Record<DisputeView["status"], string> = {
  open: "is open (opened {opened}): our disputes team will review it and keep you posted here.",
  under_review: "is under review (opened {opened}): our disputes team is looking at it and will keep you posted here.",
  resolved: "is resolved (opened {opened}).",
  rejected: "was closed without a refund (opened {opened}). A member of our team can tell you why.",
};

/** One dispute's status: the one named by reference, else the newest. */
export function renderDisputeStatus(intent: IntentTag, disputes: DisputeView[], focus: string): Reply {
  const newest = [...disputes].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const d = disputes.find((x) => x.reference === focus) ?? newest;
  if (!d) return reply(intent, "You don't have any disputes with us. If a charge looks wrong, tell me which one and I'll open one.");
  const charge = `${sizeText(d.amount)} charge at ${quoted(d.merchant)} on ${dateText(d.postedAt)}`;
  const others = disputes.length > 1 ? ` You have ${disputes.length} disputes; ask me to show them all any time.` : "";
  const standing = STANDING[d.status].replace("{opened}", dateText(d.createdAt));
  return reply(intent, `Your dispute ${d.reference} for the ${charge} ${standing}${others}`, {
    data: { kind: "disputes", disputes: [d] },
    ...(d.status === "rejected" ? { actions: [quickReply("Talk to a person")] } : {}),
  });
}
