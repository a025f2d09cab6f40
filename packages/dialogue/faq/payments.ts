/** Answers about card payments, cash withdrawals, refunds and charges on the statement. */
import { FREEZE_CARD, RECENT_TRANSACTIONS, TALK_TO_PERSON, type FaqTable } from "./answer.js";

export const PAYMENT_ANSWERS = {
  card_payment_not_recognised: {
    text: "If you don't recognise a card payment, check the merchant name in the transaction details — companies sometimes trade under a different name. If it still looks wrong, freeze your card now; I'm passing this to our team so they can look into it with you.",
    actions: [FREEZE_CARD, RECENT_TRANSACTIONS],
    escalate: true,
  },
  cash_withdrawal_not_recognised: {
    text: "A cash withdrawal you didn't make is serious: freeze your card now so it can't be used again. I'm passing this to our team so they can investigate and help you get your money back.",
    actions: [FREEZE_CARD, RECENT_TRANSACTIONS],
    escalate: true,
  },
  direct_debit_payment_not_recognised: {
    text: "Check the direct debit's reference in the transaction details; it often names the company behind it. If you didn't set it up, you can cancel it in the app, and I'm passing this to our team so they can help you claim the money back.",
    actions: [RECENT_TRANSACTIONS],
    escalate: true,
  },
  pending_card_payment: {
    text: "A card payment stays pending until the merchant completes it, which usually takes a few days. If the merchant doesn't complete it, the money is released back to your account automatically.",
    actions: [RECENT_TRANSACTIONS],
  },
  declined_card_payment: {
    text: "A payment can be declined if the card is frozen, the balance or a limit isn't enough, or the merchant's details don't match. The app shows the reason next to the declined payment. If everything looks fine, try again or contact the merchant.",
    actions: [RECENT_TRANSACTIONS],
  },
  "reverted_card_payment?": {
    text: "A payment is reverted when the merchant cancels it or doesn't complete it in time, and the money goes back to your account. If you expected the payment to go through, please contact the merchant.",
  },
  transaction_charged_twice: {
    text: "A payment can show twice while one of them is still pending — usually the duplicate disappears within a few days. If both are completed, ask the merchant for a refund first; if that doesn't work, our team can help you dispute it.",
    actions: [RECENT_TRANSACTIONS, TALK_TO_PERSON],
  },
  request_refund: {
    text: "Refunds are issued by the merchant, so please ask them first. Once they process it, the money comes back to the card you paid with. If the merchant won't help, our team can tell you whether you can dispute the payment.",
  },
  Refund_not_showing_up: {
    text: "Refunds can take several working days to appear after the merchant sends them, depending on the merchant and card network. If it's been longer than the merchant said, ask them for a refund reference, then contact us with it.",
    actions: [RECENT_TRANSACTIONS],
  },
  extra_charge_on_statement: {
    text: "An extra charge can be a fee, a currency conversion cost or a payment that's still pending. Open the transaction in the app to see what it is. If it still doesn't look right, our team can check it with you.",
    actions: [RECENT_TRANSACTIONS, TALK_TO_PERSON],
  },
  card_payment_fee_charged: {
    text: "Some card payments carry a fee, for example in a foreign currency or above your plan's allowance. The fee is shown in the transaction details, and all fees are listed on the fees page in the app.",
  },
  card_payment_wrong_exchange_rate: {
    text: "The exchange rate for a card payment is set by the card network when the merchant completes the payment, which can be a day or two after you paid, so it can differ from the rate you saw. Your transaction details show the rate that was applied. If it still looks wrong, our team can check it.",
    actions: [TALK_TO_PERSON],
  },
  atm_support: {
    text: "You can withdraw cash at ATMs that accept your card's network, in most countries. Some ATM operators charge their own fee, which the ATM shows before you confirm.",
  },
  pending_cash_withdrawal: {
    text: "A cash withdrawal can show as pending for a few days until the ATM operator completes it. If the ATM didn't give you the cash, the amount is usually returned automatically once the operator reports it.",
    actions: [RECENT_TRANSACTIONS],
  },
  declined_cash_withdrawal: {
    text: "A withdrawal can be declined if the card is frozen, the PIN was wrong, your balance or daily cash limit isn't enough, or the ATM doesn't accept your card. Check the reason in the app and try another ATM if needed.",
  },
  wrong_amount_of_cash_received: {
    text: "If the ATM gave you less cash than it charged, note the ATM's location and the time. The difference is often corrected once the operator balances the machine; if not, our team can raise a claim with you.",
    actions: [TALK_TO_PERSON],
  },
  wrong_exchange_rate_for_cash_withdrawal: {
    text: "Abroad, the ATM may offer to convert the amount for you at its own rate; choosing to be charged in the local currency usually gives a better rate. The rate applied is shown in the transaction details.",
  },
  cash_withdrawal_charge: {
    text: "Cash withdrawals may be free up to an allowance on your plan, with a fee after that; the ATM operator may also charge its own fee. Your plan's allowance and fees are on the fees page in the app.",
  },
} satisfies FaqTable;
