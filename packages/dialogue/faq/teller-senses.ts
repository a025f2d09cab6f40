/**
 * BANKING77 labels whose rows, asked of Teller, want another written answer. BANKING77 (a bank whose
 * customers top up by bank transfer) files "Do you charge for transfers?", "How much does a transfer
 * cost?" and "Is there a fee to make a transfer?" under top_up_by_bank_transfer_charge, and the model
 * reads them so (1.00). Teller has no top-ups: a customer asking what a transfer costs asks about the
 * transfers Teller makes, whose written answer is transfer_fee_charged ("There's no fee …", true to
 * the ledger). Only when the message names no top-up, no money coming in and no SEPA / SWIFT
 * transfer: those keep the model's answer. A reading rule cannot do this (rule-check.ts: a rule
 * claims no public row with another label), so the answer is chosen here, after the model.
 */

// A top-up, money coming in, or a transfer kind Teller's chat never makes: the model's answer stays.
const TOP_UP_OR_INCOMING =
  /\b(?:top(?:ping)?[\s-]?(?:up|off)s?|topup\w*|add(?:ing|ed)?\s+(?:money|cash|funds)|rec(?:ei|ie)v\w*|incoming|sepa|swift|get(?:ting)?\s+(?:my\s+)?money|collect\w*|sends?\s+me|sent\s+me|into\s+my\s+account|to\s+my\s+account|cash|cheques?|checks?\s+deposit\w*)\b/i;
// The message names a transfer made (the class is about charges whatever the wording).
const TRANSFER_WORD = /\b(?:transfer\w*|send(?:ing)?|payments?|wires?|move\s+money|moving\s+money)\b/i;

// Session 29: "can i apply for a credit card" is read as CLINC150 files it (new_card → order_physical_card,
// whose answer is how a plastic card is ordered). Applying for a credit card is opening a new account.
const APPLY_FOR_CREDIT_CARD =
  /\b(?:apply(?:ing)?\s+for|application\s+for|sign(?:ing)?\s+up\s+for)\s+(?:an?\s+|one\s+of\s+your\s+|your\s+)?(?:new\s+)?credit\s+cards?\b|\bcredit\s+card\s+application\b/i;

// Session 30: "where did my money go" is read as verify_source_of_funds (BANKING77's "Where did my money
// come from?"), whose answer is about documents. Money that went is what was spent: the spending.
const MONEY_WENT = /\bwhere\s+(?:did|has|have|does|do|is)\s+(?:all\s+)?(?:of\s+)?my\s+(?:money|cash|funds|pay\s*check|pay|salary)\s+(?:go|gone|going|went)\b/i;

// explore31: "how do i transfer money to my savings account" (transfer_into_account, whose answer leads
// with money from another bank): to one of the customer's own accounts here, with no other bank named,
// it is a transfer Teller makes, asked for what is missing (BANKING77 files "I would like to transfer
// money from my checking account to my savings account" under transfer_into_account too).
const TO_OWN_ACCOUNT = /\b(?:to|into)\s+(?:my\s+|the\s+)?(?:savings|checking)(?:\s+account)?\b/i;
const OTHER_BANK = /\b(?:another|other|external|different)\s+(?:bank|account)|\b(?:from|at)\s+(?:my\s+)?(?:other\s+)?bank\b|\bbank\s+account\s+(?:at|with|from)\b|\bpaypal|\bvenmo|\bcash|\bcheques?\b|\bchecks?\b(?!ing)/i;

/** The written answer Teller gives for `intent` read in `text` (the model's, unless listed above). */
export function tellerSense(intent: string, text: string): string {
  if (intent === "order_physical_card" && APPLY_FOR_CREDIT_CARD.test(text)) return "open_account";
  if (intent === "verify_source_of_funds" && MONEY_WENT.test(text)) return "spending";
  if (intent === "transfer_into_account" && TO_OWN_ACCOUNT.test(text) && !OTHER_BANK.test(text)) return "transfer";
  if (intent === "top_up_by_bank_transfer_charge" && TRANSFER_WORD.test(text) && !TOP_UP_OR_INCOMING.test(text)) return "transfer_fee_charged";
  return intent;
}
