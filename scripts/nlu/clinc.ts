// CLINC150 (Larson et al. 2019, CC BY 3.0): the 30 intents of its `banking` and `credit_cards`
// domains map onto Teller intents; the other eight domains are everyday assistant requests a bank
// assistant declines (out_of_scope), except the greetings, thanks and goodbyes Teller answers.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { OUT_OF_SCOPE } from "../../packages/contract/intents";

/** CLINC150 bank-domain intent → Teller intent (the table in packages/nlu/README.md). */
export const CLINC_BANK_MAPPING: Record<string, string> = {
  freeze_account: "freeze_card",
  routing: "account_numbers",
  pin_change: "change_pin",
  bill_due: "credit_statement",
  pay_bill: "pay_bill",
  account_blocked: "account_blocked",
  interest_rate: "interest_rate",
  min_payment: "credit_statement",
  bill_balance: "credit_statement",
  transfer: "transfer",
  order_checks: "order_checks",
  balance: "balance",
  spending_history: "spending",
  transactions: "transactions",
  report_fraud: "report_fraud",
  replacement_card_duration: "card_delivery_estimate",
  expiration_date: "card_expiry",
  damaged_card: "damaged_card",
  improve_credit_score: "improve_credit_score",
  report_lost_card: "lost_or_stolen_card",
  card_declined: "declined_card_payment",
  credit_limit_change: "credit_limit_change",
  apr: "interest_rate",
  redeem_rewards: "redeem_rewards",
  credit_limit: "credit_limit",
  rewards_balance: "rewards_balance",
  application_status: "application_status",
  credit_score: "credit_score",
  new_card: "order_physical_card",
  international_fees: "international_fees",
};

/** Small talk Teller answers itself. */
export const CLINC_SMALL_TALK_MAPPING: Record<string, string> = {
  greeting: "greeting",
  thank_you: "thanks",
  goodbye: "goodbye",
};

/**
 * Left out of the out-of-scope examples: travel's `exchange_rate` ("what's the exchange rate of
 * dollars to euros") is BANKING77's `exchange_rate` question, which Teller answers.
 */
export const CLINC_NOT_OUT_OF_SCOPE = new Set(["exchange_rate"]);

export interface ClincRow {
  text: string;
  /** CLINC's own label ("oos" for its out-of-scope rows). */
  clincIntent: string;
  domain: string;
  /** The Teller label: mapped bank intent, small talk, or out_of_scope. */
  intent: string;
}

function readJsonl(file: string): { text: string; intent: string; domain: string }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { text: string; intent: string; domain: string });
}

/** Teller's label for a CLINC row, or undefined for rows that are left out. */
export function tellerLabel(clincIntent: string, domain: string): string | undefined {
  if (domain === "banking" || domain === "credit_cards") return CLINC_BANK_MAPPING[clincIntent];
  if (CLINC_SMALL_TALK_MAPPING[clincIntent]) return CLINC_SMALL_TALK_MAPPING[clincIntent];
  if (CLINC_NOT_OUT_OF_SCOPE.has(clincIntent)) return undefined;
  return OUT_OF_SCOPE;
}

/** One CLINC150 split ("train" or "val"), in-scope and out-of-scope rows together, labelled for Teller. */
export function loadClinc(dir: string, split: "train" | "val"): ClincRow[] {
  const rows: ClincRow[] = [];
  for (const file of [`${split}.jsonl`, `oos_${split}.jsonl`]) {
    const full = path.join(dir, file);
    if (!existsSync(full)) throw new Error(`missing ${full}`);
    for (const r of readJsonl(full)) {
      const intent = tellerLabel(r.intent, r.domain);
      if (intent !== undefined) rows.push({ text: r.text, clincIntent: r.intent, domain: r.domain, intent });
    }
  }
  return rows;
}
