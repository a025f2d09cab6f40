// Intent names the model can return. BANKING77 names are copied verbatim from the dataset
// (including its odd spellings such as "Refund_not_showing_up" and "reverted_card_payment?")
// so that evaluation against the dataset labels needs no mapping.

export const BANKING77_INTENTS = [
  "card_arrival",
  "card_linking",
  "exchange_rate",
  "card_payment_wrong_exchange_rate",
  "extra_charge_on_statement",
  "pending_cash_withdrawal",
  "fiat_currency_support",
  "card_delivery_estimate",
  "automatic_top_up",
  "card_not_working",
  "exchange_via_app",
  "lost_or_stolen_card",
  "age_limit",
  "pin_blocked",
  "contactless_not_working",
  "top_up_by_bank_transfer_charge",
  "pending_top_up",
  "cancel_transfer",
  "top_up_limits",
  "wrong_amount_of_cash_received",
  "card_payment_fee_charged",
  "transfer_not_received_by_recipient",
  "supported_cards_and_currencies",
  "getting_virtual_card",
  "card_acceptance",
  "top_up_reverted",
  "balance_not_updated_after_cheque_or_cash_deposit",
  "card_payment_not_recognised",
  "edit_personal_details",
  "why_verify_identity",
  "unable_to_verify_identity",
  "get_physical_card",
  "visa_or_mastercard",
  "topping_up_by_card",
  "disposable_card_limits",
  "compromised_card",
  "atm_support",
  "direct_debit_payment_not_recognised",
  "passcode_forgotten",
  "declined_cash_withdrawal",
  "pending_card_payment",
  "lost_or_stolen_phone",
  "request_refund",
  "declined_transfer",
  "Refund_not_showing_up",
  "declined_card_payment",
  "pending_transfer",
  "terminate_account",
  "card_swallowed",
  "transaction_charged_twice",
  "verify_source_of_funds",
  "transfer_timing",
  "reverted_card_payment?",
  "change_pin",
  "beneficiary_not_allowed",
  "transfer_fee_charged",
  "receiving_money",
  "failed_transfer",
  "transfer_into_account",
  "verify_top_up",
  "getting_spare_card",
  "top_up_by_cash_or_cheque",
  "order_physical_card",
  "virtual_card_not_working",
  "wrong_exchange_rate_for_cash_withdrawal",
  "get_disposable_virtual_card",
  "top_up_failed",
  "balance_not_updated_after_bank_transfer",
  "cash_withdrawal_not_recognised",
  "exchange_charge",
  "top_up_by_card_charge",
  "activate_my_card",
  "cash_withdrawal_charge",
  "card_about_to_expire",
  "apple_pay_or_google_pay",
  "verify_my_identity",
  "country_support",
] as const;

/** Intents that act on the customer's own data; the dialogue layer maps them to operations. */
export const ACTION_INTENTS = [
  "balance",
  "transactions",
  "spending",
  "transfer",
  "freeze_card",
  "unfreeze_card",
  "payees",
  "human_agent",
  "greeting",
  "goodbye",
  "thanks",
  // Learned from CLINC150's bank domains (and our own utterances for the last three).
  "account_numbers",
  "credit_statement",
  "credit_limit",
  "interest_rate",
  "card_expiry",
  "rewards_balance",
  "pay_bill",
  "report_fraud",
  "scheduled_payments",
  "dispute",
  "list_disputes",
] as const;

/** Questions answered in writing like the BANKING77 ones, learned from CLINC150's bank domains. */
export const TELLER_FAQ_INTENTS = [
  "redeem_rewards",
  "account_blocked",
  "order_checks",
  "damaged_card",
  "improve_credit_score",
  "credit_limit_change",
  "application_status",
  "credit_score",
  "international_fees",
] as const;

/**
 * Questions answered in writing that no model class covers: only a reading rule in packages/nlu
 * (own-words.ts) gives them, so they are not in ALL_INTENTS and the shipped artifact is unchanged.
 */
export const RULE_FAQ_INTENTS = ["overdraft", "opening_hours", "open_account", "transfer_limit_change", "add_payee", "account_statement", "remove_payee", "account_fees", "international_transfer"] as const;

/**
 * Questions about the customer's own data that only a reading rule gives (limits15): the transfer
 * limits and what is left of today's. Not in ALL_INTENTS either; the dialogue answers from a load.
 */
export const RULE_DATA_INTENTS = ["transfer_limits"] as const;

/** Messages that are nothing but small talk; a request inside a message always wins over them. */
export const SMALL_TALK_INTENTS = ["greeting", "goodbye", "thanks"] as const;

export const OUT_OF_SCOPE = "out_of_scope" as const;

export type Banking77Intent = (typeof BANKING77_INTENTS)[number];
export type ActionIntent = (typeof ACTION_INTENTS)[number];
export type TellerFaqIntent = (typeof TELLER_FAQ_INTENTS)[number];
export type RuleFaqIntent = (typeof RULE_FAQ_INTENTS)[number];
export type RuleDataIntent = (typeof RULE_DATA_INTENTS)[number];
export type SmallTalkIntent = (typeof SMALL_TALK_INTENTS)[number];
export type IntentName = Banking77Intent | ActionIntent | TellerFaqIntent | RuleFaqIntent | RuleDataIntent | typeof OUT_OF_SCOPE;

/** Class order of the model's output layer; the artifact stores it and the loader checks it. */
export const ALL_INTENTS: readonly IntentName[] = [
  ...BANKING77_INTENTS,
  ...ACTION_INTENTS,
  ...TELLER_FAQ_INTENTS,
  OUT_OF_SCOPE,
];

/** FAQ intents with a written answer: the 77 BANKING77 ones, Teller's own and the rule-only ones. */
export function isFaqIntent(value: string): value is Banking77Intent | TellerFaqIntent | RuleFaqIntent {
  return (
    (BANKING77_INTENTS as readonly string[]).includes(value) ||
    (TELLER_FAQ_INTENTS as readonly string[]).includes(value) ||
    (RULE_FAQ_INTENTS as readonly string[]).includes(value)
  );
}

export function isSmallTalkIntent(value: string): value is SmallTalkIntent {
  return (SMALL_TALK_INTENTS as readonly string[]).includes(value);
}
