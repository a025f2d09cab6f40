/**
 * "not X, Y" during a transfer: Y takes the place of X, in X's role. "not jordan, my savings" at
 * "Which account should I send it from?" took savings as the source (the lone account fills the slot
 * asked for); Jordan is the recipient, so savings is where the money goes. "not checking, savings"
 * there still means from savings (it took checking, the first account said, as the source).
 */
import type { AccountRef, Entities, PayeeOption, TransferTask } from "../types.js";
import { matchAccounts } from "./transfer-accounts.js";

const NOT_X_Y =
  /^(?:(?:no+|nope|wait|sorry|oops|actually|hmm)[,.!]?\s+)*not\s+(?:to\s+|from\s+)?(?<neg>[^,;]+?)\s*(?:[,;—–-]|\s+but\s+)\s*(?:but\s+)?(?<rest>\S.*)$/i;

// An account named in the negated part (the first account ref of the message is then that one).
const ACCOUNT_WORD = /\b(?:checking|chequing|savings?|credit|card|account|\d{4})\b|••/i;

// "from savings, no wait checking", "savings, I mean checking": the account said first is taken back.
const X_NO_Y =
  /^(?<role>from\s+|to\s+)?(?:my\s+|the\s+)?(?<neg>[^,;]+?)[,;.]?\s+(?:no+[,.]?\s+wait|no+|wait|sorry|i\s+mean|actually)[,.]?\s+(?:from\s+|to\s+)?(?:my\s+|the\s+)?(?<rest>\S.*)$/i;

/** The message's entities with the negated value taken out and the replacement given its role. */
export function withoutNegated(task: TransferTask, payees: PayeeOption[] | null | undefined, e: Entities, text: string): Entities {
  const taken = X_NO_Y.exec(text.trim());
  if (taken?.groups && ACCOUNT_WORD.test(taken.groups.neg!) && ACCOUNT_WORD.test(taken.groups.rest!) && e.accountRefs.length === 2) {
    const [negated, replacement] = e.accountRefs as [AccountRef, AccountRef];
    const role = taken.groups.role?.trim().toLowerCase();
    const slot = role === "from" ? "from" : role === "to" ? "to" : negatedSlot(task, negated);
    const out: Entities = { ...e, accountRefs: [replacement] };
    delete out.fromRef;
    delete out.toRef;
    if (slot === "to") out.toRef = replacement;
    else out.fromRef = replacement;
    return out;
  }
  const m = NOT_X_Y.exec(text.trim());
  if (!m?.groups) return e;
  const neg = m.groups.neg!.toLowerCase();
  if (ACCOUNT_WORD.test(neg)) {
    const [negated, ...rest] = e.accountRefs;
    const replacement = rest[0];
    if (!negated || !replacement) return e;
    const out: Entities = { ...e, accountRefs: rest };
    delete out.fromRef;
    delete out.toRef;
    const slot = negatedSlot(task, negated);
    if (slot === "to") out.toRef = replacement;
    else out.fromRef = replacement;
    return out;
  }
  // No account in the negated part: it names a recipient. The account said after it is the new
  // destination, never the source; a payee named there only (not the negated one) is kept.
  const out: Entities = { ...e };
  if (out.payeeName !== undefined && mentions(neg, out.payeeName)) delete out.payeeName;
  if (out.unknownPayee !== undefined && mentions(neg, out.unknownPayee)) delete out.unknownPayee;
  if (out.payeeChoices?.some((name) => mentions(neg, name))) {
    // "wait, not Alex, Sam": both names fit payees; the one left once the negated is taken out is meant.
    const left = out.payeeChoices.filter((name) => !mentions(neg, name));
    delete out.payeeChoices;
    if (left.length === 1) out.payeeName = left[0]!;
    else if (left.length > 1) out.payeeChoices = left;
  }
  const current = currentPayee(task, payees);
  const recipientNegated = current !== undefined ? mentions(neg, current.name) : e.payeeName !== undefined || e.unknownPayee !== undefined;
  if (!recipientNegated && out.payeeName === e.payeeName && out.unknownPayee === e.unknownPayee) return e;
  if (out.toRef === undefined && out.fromRef === undefined && out.accountRefs.length > 0) out.toRef = out.accountRefs[0];
  return out;
}

/** Which slot the negated account held: the one it fills, else the one asked for, else the source. */
function negatedSlot(task: TransferTask, ref: AccountRef): "from" | "to" {
  const accounts = task.accounts ?? [];
  const ids = new Set(matchAccounts(accounts, ref).map((a) => a.id));
  if (task.to && "accountId" in task.to && ids.has(task.to.accountId)) return "to";
  if (task.from !== undefined && ids.has(task.from)) return "from";
  if (task.asking === "to") return "to";
  return "from";
}

function currentPayee(task: TransferTask, payees: PayeeOption[] | null | undefined): PayeeOption | undefined {
  const to = task.to;
  return to && "payeeId" in to ? payees?.find((p) => p.id === to.payeeId) : undefined;
}

/** The negated words name `name`: one of its words (of two letters or more) stands in them whole. */
function mentions(neg: string, name: string): boolean {
  return name.toLowerCase().split(/\s+/).some((w) => w.length > 1 && hasWord(neg, w));
}

/** `word` stands in `text` between word boundaries, as /\bword\b/ finds it (compared as text: no pattern built per call). */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (isWordChar(text[at - 1]) !== isWordChar(word[0]) && isWordChar(word[word.length - 1]) !== isWordChar(text[end])) return true;
  }
  return false;
}

/** A character \w matches: a letter, digit or underscore (ASCII). */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
