/**
 * explore25: "pay my internet bill" while a transfer to someone else waits for its question or its
 * Yes. It got "Let's finish this one first." and the figure said next ("45 from checking", meant for
 * the bill) went on the first transfer's card; "pay my internet bill 45" changed its amount at once.
 * Now the customer is asked whether to drop that transfer (interruptions.ts); Yes starts the bill
 * payment with the kind of bill said, No carries on with the transfer as it was.
 */
import type { Entities, IntentTag, TransferTask } from "../types.js";
import { billerWordsIn, nameFitsKind } from "./payee-kinds.js";

export interface OtherBill {
  intent: IntentTag;
  entities: Entities;
  /** "pay your internet bill", for "Do you want to drop it and … instead?". */
  request: string;
}

/**
 * The bill a message asks to pay when it is not the one the open transfer goes to, or null: the
 * transfer has a destination already, and it is no saved payee of that kind of bill.
 */
export function otherBillAsked(task: TransferTask, intent: IntentTag, e: Entities, text: string): OtherBill | null {
  if (!task.to || !PAYS.test(text)) return null;
  const billerWords = billerWordsIn(text);
  if (billerWords.length === 0) return null;
  if ("payeeId" in task.to) {
    const payeeId = task.to.payeeId;
    const payee = task.payees?.find((p) => p.id === payeeId);
    if (payee && nameFitsKind(payee.name, billerWords)) return null;
  }
  const kind = KIND_SAID.exec(text)?.[1]?.toLowerCase();
  const request = kind === undefined ? "pay that bill" : /^(?:rent|landlord)$/.test(kind) ? "pay your rent" : `pay your ${kind} bill`;
  return { intent: { name: "pay_bill", confidence: intent.confidence }, entities: { ...e, billerWords }, request };
}

// Asked as a payment, not a question about one ("is my internet bill paid?" is left alone).
const PAYS = /^(?:(?:ok(?:ay)?|oh|wait|actually|actualy|hmm+|no|nah|sorry|and|also|then|now|first|instead)[\s,.!]+)*(?:(?:i\s+(?:want|need|would\s+like)|i'?d\s+like|let\s+me|can\s+you|could\s+you|please)\s+(?:to\s+)?)?(?:pay|settle|send\s+money\s+to)\b/i;
const KIND_SAID = /\b(electric(?:ity)?|power|energy|water|sewer|gas|internet|broadband|cable|wi-?fi|tv|phone|mobile|cell(?:ular)?|rent|landlord)\b/i;
