/**
 * explore29: "show my transactions", then "the second one" / "what was the 3rd one" got "Sorry,
 * I can't help with that." A list of transactions shown is remembered (its first LIST_KEPT rows) for
 * READ_FOLLOW_UP_MS; an ordinal alone then picks that row and shows it on its own, which also makes
 * it what "dispute it" means (flows/dispute-shown.ts). Any other data shown since forgets the list.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { cleanName, moneyText, quickReply, quoted, reply } from "../render.js";
import type { TransactionView as TransactionShown } from "../types.js";
import { dateText } from "./wording.js";

const LIST_KEPT = 20;
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ORDINAL = String.raw`(${ORDINALS.join("|")}|(?:1st|2nd|3rd|[4-9]th|10th|1[1-9]th|20th))`;
const PICK = new RegExp(
  String.raw`^(?:(?:ok(?:ay)?|so|and|hmm+|wait)[,\s]+)*(?:(?:show|tell)\s+me\s+(?:more\s+about\s+)?|what(?:'s|s|\s+is|\s+was|\s+about)\s+|(?:more\s+)?(?:details?|info)\s+(?:on|about|for)\s+|(?:and\s+)?(?:how\s+about)\s+)?(?:the\s+)?${ORDINAL}\s*(?:one|transaction|charge|payment|purchase|item|thing)?(?:\s+(?:on\s+the\s+list|please|pls))?\s*[?.!]*$`,
  "i",
);

// Session 31: "show me my last 5 transactions", then "which of those was the most expensive" answered
// the biggest payment of the last 30 days (rent), not of the five shown. A superlative pointed at the
// list ("which one", "of those", "the biggest one") picks from the list.
const BIG = String.raw`(?:biggest|largest|highest|most\s+expensive|priciest|dearest)`;
const SMALL = String.raw`(?:smallest|lowest|cheapest|least\s+expensive|tiniest)`;
const SIZE = String.raw`(${BIG}|${SMALL})`;
const OF_LIST = String.raw`(?:of\s+(?:those|these|them|the\s+(?:list|ones?\s+(?:above|shown)))|on\s+(?:that|the)\s+list)`;
const SUPERLATIVE = new RegExp(
  String.raw`^(?:(?:ok(?:ay)?|so|and|hmm+|wait)[,\s]+)*(?:(?:which|what)(?:\s+one|\s+${OF_LIST}|\s+one\s+${OF_LIST})\s+(?:was|is|were|cost)\s+(?:the\s+)?(?:most|${SIZE}(?:\s+one)?)|(?:(?:what|which)\s+(?:was|is|were)\s+|(?:show\s+me\s+)?)the\s+${SIZE}\s+(?:one(?:\s+${OF_LIST})?|${OF_LIST}))\s*[?.!]*$`,
  "i",
);

const SMALL_WORD = new RegExp(`^${SMALL}$`, "i");

/** The size a superlative pointed at the list asks for ("which of those was the biggest"), or null. */
export function pickedSize(text: string): "biggest" | "smallest" | null {
  const m = SUPERLATIVE.exec(text.trim());
  if (!m) return null;
  const word = m[1] ?? m[2];
  return word && SMALL_WORD.test(word) ? "smallest" : "biggest";
}

/** After a step: a list of two or more transactions shown is kept; any other data shown forgets it. */
export function noteShownList(ctx: StepContext): void {
  for (const r of ctx.replies) {
    if (!r.data) continue;
    if (r.data.kind === "transactions" && r.data.transactions.length >= 2) {
      ctx.state.lastList = { at: ctx.now, rows: r.data.transactions.slice(0, LIST_KEPT) };
    } else if (r.data.kind !== "transactions") {
      ctx.state.lastList = null;
    }
  }
}

/** The position an ordinal alone names ("the second one" → 1), or null when the message is none. */
export function pickedPosition(text: string): number | null {
  const m = PICK.exec(text.trim());
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const named = ORDINALS.indexOf(word);
  return named >= 0 ? named : Number.parseInt(word, 10) - 1;
}

/** Shows the row of the list just shown that an ordinal names; false when the message is none or no list is recent. */
export function answerListPick(ctx: StepContext, text: string): boolean {
  const list = ctx.state.lastList;
  if (!list || ctx.now - list.at > READ_FOLLOW_UP_MS) return false;
  const size = pickedSize(text);
  const position = size ? sizedPosition(list.rows, size) : pickedPosition(text);
  if (position === null) return false;
  ctx.state.consecutiveFallbacks = 0;
  const intent = { name: "transactions", confidence: 1 };
  const row = list.rows[position];
  if (size && row) {
    ctx.replies.push(
      reply(intent, `The ${size === "biggest" ? "biggest" : "smallest"} of those: ${rowText(row)}`, {
        data: { kind: "transactions", transactions: [row], query: { limit: 1 } },
        ...(row.amount.minor < 0 && row.transferId == null ? { actions: [quickReply("Dispute this charge", "dispute it")] } : {}),
      }),
    );
    return true;
  }
  if (!row) {
    ctx.replies.push(reply(intent, `That list had only ${list.rows.length} transactions. Which one did you mean?`));
    return true;
  }
  ctx.replies.push(
    reply(intent, `${ORDINALS[position] ? `The ${ORDINALS[position]} one` : `Number ${position + 1}`}: ${rowText(row)}`, {
      data: { kind: "transactions", transactions: [row], query: { limit: 1 } },
      ...(row.amount.minor < 0 && row.transferId == null ? { actions: [quickReply("Dispute this charge", "dispute it")] } : {}),
    }),
  );
  return true;
}

/** The position of the list's biggest or smallest payment out (of any row when none went out). */
function sizedPosition(rows: readonly TransactionShown[], size: "biggest" | "smallest"): number | null {
  const out = rows.some((r) => r.amount.minor < 0);
  let best: number | null = null;
  rows.forEach((r, i) => {
    if (out && r.amount.minor >= 0) return;
    const a = Math.abs(r.amount.minor);
    const b = best === null ? null : Math.abs(rows[best]!.amount.minor);
    if (b === null || (size === "biggest" ? a > b : a < b)) best = i;
  });
  return best;
}

function rowText(row: TransactionShown): string {
  const money = moneyText({ ...row.amount, minor: Math.abs(row.amount.minor) });
  const what = row.amount.minor < 0 ? `${money} at ${quoted(row.merchant)}` : `${money} in from ${quoted(row.merchant)}`;
  const pending = row.status === "pending" ? ", still pending" : "";
  return `${what} on ${dateText(row.postedAt)} (${cleanName(row.category, 30)}${pending}).`;
}
