/** Answers about transfers in and out, and about top-ups. */
import { quickReply } from "../render.js";
import { CHECK_BALANCE, MAKE_TRANSFER, RECENT_TRANSACTIONS, SHOW_PAYEES, TALK_TO_PERSON, type FaqTable } from "./answer.js";

export const TRANSFER_ANSWERS = {
  // limits15: true to Teller's ledger, which posts a confirmed transfer at once, at any hour.
  transfer_timing: {
    text: "A transfer I make for you, between your own accounts or to a saved payee, is made as soon as you say Yes, any day and at any time: there is no cut-off. Between your own accounts the money shows in both right away; a scheduled transfer is made on the day you chose. When money reaches a payee's own bank, or arrives from another bank, depends on that bank.",
    actions: [MAKE_TRANSFER],
  },
  // limits15: BANKING77 gives "How long does a transfer take?" this label too; Teller's transfers are never pending.
  pending_transfer: {
    text: "A transfer I make for you, between your own accounts or to a saved payee, is never left pending: it's made as soon as you say Yes, any day and at any time. A scheduled transfer is made on the day you chose. Money coming in from another bank, or reaching a payee's own bank, can take longer, depending on that bank.",
    actions: [RECENT_TRANSACTIONS],
  },
  // limits15: a transfer posts when confirmed (no pending state to cancel); schedules can be cancelled here.
  cancel_transfer: {
    text: "A transfer is made as soon as you say Yes to it, so once it's sent I can't cancel it; ask the recipient to send it back, or talk to a person on our team. A scheduled or recurring transfer can be cancelled any time before its day: tell me which one, for example “cancel my Friday payment to Jordan”. Until you say Yes, nothing is sent, and “cancel” drops it.",
    actions: [quickReply("My scheduled payments", "What payments do I have scheduled?"), TALK_TO_PERSON],
  },
  transfer_not_received_by_recipient: {
    text: "Check the transfer's status and the recipient's details in the app. Transfers to other banks can take a few working days, and the receiving bank may hold it for checks. If it's completed on our side and still missing, ask the recipient's bank, or contact us for a payment trace.",
    actions: [RECENT_TRANSACTIONS, TALK_TO_PERSON],
  },
  declined_transfer: {
    text: "A transfer can be declined if the balance or a limit isn't enough, the recipient's details are wrong, or it was stopped by a security check. The app shows the reason. Fix the details or contact us if you think it was stopped by mistake.",
    actions: [CHECK_BALANCE],
  },
  failed_transfer: {
    text: "A transfer fails when the receiving bank rejects it, often because of incorrect account details. The money is returned to your account, which can take a few working days. Check the details and try again.",
    actions: [SHOW_PAYEES],
  },
  beneficiary_not_allowed: {
    text: "Some recipients can't be added or paid, for example because of incomplete details, sanctions rules or the receiving bank not accepting the payment type. Check the details are exactly right; if it still doesn't work, our team can tell you more.",
    actions: [TALK_TO_PERSON],
  },
  // limits15: the ledger moves exactly the confirmed amount; no fee is booked on a transfer.
  transfer_fee_charged: {
    text: "There's no fee on a transfer I make for you, between your own accounts or to a saved payee: exactly the amount on the confirmation leaves your account. If you see a fee next to a transfer that you don't recognise, it may come from the other bank; talk to a person on our team and we'll look into it.",
    actions: [RECENT_TRANSACTIONS, TALK_TO_PERSON],
  },
  receiving_money: {
    text: "To receive money, share your account details from the app with the sender. Transfers from other banks usually arrive within minutes to a few working days.",
    actions: [CHECK_BALANCE],
  },
  transfer_into_account: {
    text: "To move money in from another bank, use the account details shown in the app as the recipient when you send from there. Between your own accounts here, I can move money for you in this chat.",
    actions: [MAKE_TRANSFER],
  },
  balance_not_updated_after_bank_transfer: {
    text: "Incoming transfers can take from minutes to a few working days, depending on the sending bank and payment system. Ask the sender for the payment reference and when it was sent. If it's been longer than expected, contact us with those details.",
    actions: [CHECK_BALANCE],
  },
  balance_not_updated_after_cheque_or_cash_deposit: {
    text: "Cheques take a few working days to clear before the money shows in your balance, and cash deposits can take up to a working day. Keep your receipt; if the money hasn't appeared after that, contact us with it.",
    actions: [CHECK_BALANCE, TALK_TO_PERSON],
  },
  top_up_limits: {
    text: "Top-up limits depend on your plan and how you top up. You can see your current limits in the app under your account settings.",
  },
  automatic_top_up: {
    text: "Auto top-up adds money automatically when your balance drops below an amount you choose. You can switch it on, change it or switch it off in the app.",
  },
  topping_up_by_card: {
    text: "You can top up with a debit or credit card in the app: choose Add money, then Card. The money is usually available straight away.",
  },
  top_up_by_card_charge: {
    text: "Top-ups by card may carry a fee depending on the card type and your plan. The app shows any fee before you confirm, and all fees are on the fees page.",
  },
  top_up_by_bank_transfer_charge: {
    text: "Topping up by bank transfer is usually free on our side, but your other bank may charge for sending. Any fee of ours is shown on the fees page in the app.",
  },
  top_up_by_cash_or_cheque: {
    text: "Which ways of adding cash or cheques are available depends on your account; the app lists them under Add money. Bank transfer and card top-ups are always available in the app.",
  },
  pending_top_up: {
    text: "A top-up can stay pending while it's checked by us or the sending bank. Card top-ups are usually instant; bank transfers can take up to a few working days.",
    actions: [RECENT_TRANSACTIONS],
  },
  top_up_failed: {
    text: "A top-up can fail if the card was declined by its bank, the details were wrong or a limit was reached. Check the reason in the app and try again, or use another card or a bank transfer.",
  },
  top_up_reverted: {
    text: "A top-up is reverted when the sending bank or card issuer cancels the payment, and the money goes back to where it came from. Check with that bank or card issuer, then try again.",
  },
  verify_top_up: {
    text: "Sometimes we ask you to verify a top-up to make sure the card is yours, for example by confirming a small temporary charge. Follow the steps shown in the app.",
  },
} satisfies FaqTable;
