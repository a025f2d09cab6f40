/**
 * The transfer's destination when the customer names a payee (flows/transfer.ts): only the
 * customer's saved payees can come out. A name that fits none, or several, is said back to the
 * customer rather than dropped or guessed.
 */
import { cleanName, quoted } from "../render.js";
import type { Entities, PayeeOption, TransferTask } from "../types.js";
import { billerWordsIn } from "./payee-kinds.js";

/** Payees named back in one note when a name fits several. */
const MAX_NAMED_CHOICES = 4;

/** Sets `task.to` from the payee the message names, if any; returns what to tell the customer. */
export function applyPayee(task: TransferTask, payees: PayeeOption[], e: Entities): string[] {
  if (e.payeeName !== undefined && e.payeeName.trim() !== "") {
    const named = matchPayees(payees, e.payeeName);
    const matches = named.length > 0 ? named : byKind(payees, e.payeeName);
    task.to = matches.length === 1 ? { payeeId: matches[0]!.id } : undefined;
    if (matches.length === 0) return [notFound(payees, e.payeeName)];
    if (matches.length > 1) return [`More than one of your payees matches ${quoted(e.payeeName)}.`];
    // explore32: "sned 20 to jordna" went to Jordan Lee without a word: the name read is said back.
    if (e.payeeSlip) return [`I took ${quoted(e.payeeSlip)} to be your saved payee ${quoted(matches[0]!.name)}.`];
    return [];
  }
  if (e.payeeChoices !== undefined && e.payeeChoices.length > 1) {
    // The customer named someone: whoever was the destination before no longer is.
    task.to = undefined;
    return [choicesNote(e.payeeChoices)];
  }
  if (e.unknownPayee !== undefined && e.unknownPayee.trim() !== "") {
    // "Lee" for Jordan Lee: a name the NLU could not tie to a payee by its first name may still
    // be a whole word of exactly one payee's name.
    const named = payeesNamedBy(payees, e.unknownPayee);
    const fits = named.length > 0 ? named : byKind(payees, e.unknownPayee);
    task.to = fits.length === 1 ? { payeeId: fits[0]!.id } : undefined;
    if (fits.length === 1) return [];
    if (fits.length > 1) return [choicesNote(fits.map((p) => p.name))];
    return [notFound(payees, e.unknownPayee)];
  }
  if (e.billerWords && task.to === undefined) {
    // "my electric bill": a hint only, used when exactly one saved payee fits; else we say so and ask.
    const matches = payeesWithWords(payees, e.billerWords);
    if (matches.length === 1) task.to = { payeeId: matches[0]!.id };
    if (matches.length === 0) return ["I couldn't find a saved biller for that bill."];
    if (matches.length > 1) return [choicesNote(matches.map((p) => p.name))];
  }
  return [];
}

/**
 * "pay my bill to Jordan Lee": a saved person named as the bill is no bill; what can be done is a
 * transfer to them. Turns the bill payment into that transfer and returns what to say ([] if not).
 */
export function personAsBillToTransfer(task: TransferTask): string[] {
  if (task.intent.name !== "pay_bill" || !task.to || !("payeeId" in task.to)) return [];
  const payeeId = task.to.payeeId;
  const person = task.payees?.find((p) => p.id === payeeId);
  if (!person || person.biller === true) return [];
  task.intent = { ...task.intent, name: "transfer" };
  return [`${quoted(person.name)} is one of your saved people, not a biller, so I can send it as a transfer instead.`];
}

/**
 * "my mom", "landlord": no saved payee has that name. Said, with the saved payees to choose from
 * (they are also the buttons under the question), so the customer is not left guessing names.
 */
function notFound(payees: PayeeOption[], wanted: string): string {
  const said = `I couldn't find a saved payee called ${quoted(cleanName(wanted, 40))}.`;
  if (payees.length === 0) return `${said} You don't have any saved payees.`;
  const names = payees.slice(0, MAX_NAMED_CHOICES).map((p) => quoted(cleanName(p.name, 80)));
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return payees.length > MAX_NAMED_CHOICES ? `${said} Your saved payees include ${list}.` : `${said} Your saved payees are ${list}.`;
}

/** "my landlord" for Greenview Property Mgmt: the kind of recipient, when no name fits. */
function byKind(payees: PayeeOption[], wanted: string): PayeeOption[] {
  const words = billerWordsIn(wanted);
  return words.length === 0 ? [] : payeesWithWords(payees, words);
}

/** Payees with a word of their name starting with one of `words`. */
function payeesWithWords(payees: PayeeOption[], words: string[]): PayeeOption[] {
  return payees.filter((p) => normalise(p.name).split(" ").some((part) => words.some((w) => part.startsWith(w))));
}

function choicesNote(choices: string[]): string {
  const names = choices.slice(0, MAX_NAMED_CHOICES).map((name) => quoted(cleanName(name, 80)));
  return `More than one of your saved payees fits: ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}.`;
}

/** Payees with every word of `wanted` as a whole word of their name (no prefixes: "Jo" is no one). */
function payeesNamedBy(payees: PayeeOption[], wanted: string): PayeeOption[] {
  const words = normalise(wanted).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  return payees.filter((p) => {
    const name = normalise(p.name).split(" ");
    return words.every((w) => name.includes(w));
  });
}

/** Lower case without accents: "garcia" is how many customers type García. */
function normalise(name: string): string {
  return cleanName(name, 200).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Exact name first; otherwise payees whose name contains every word the customer used. */
function matchPayees(payees: PayeeOption[], wanted: string): PayeeOption[] {
  const target = normalise(wanted);
  const exact = payees.filter((p) => normalise(p.name) === target);
  if (exact.length > 0) return exact;
  const words = target.split(" ").filter(Boolean);
  return payees.filter((p) => {
    const name = normalise(p.name).split(" ");
    return words.every((w) => name.some((part) => part.startsWith(w)));
  });
}

export function payeeOption(p: { id: string; name: string; mask?: string; kind?: string }): PayeeOption {
  return { id: p.id, name: cleanName(p.name, 80), ...(p.mask ? { mask: p.mask } : {}), ...(p.kind === "biller" ? { biller: true } : {}) };
}
