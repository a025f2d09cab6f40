/** Answers about transfers in and out, and about top-ups. */
import { CHECK_BALANCE, MAKE_TRANSFER, RECENT_TRANSACTIONS, SHOW_PAYEES, TALK_TO_PERSON, type FaqTable } from "./answer.js";

export const TRANSFER_ANSWERS = {
  transfer_timing: {
    text: "Transfers between your own accounts are usually instant. Transfers to other banks can take from minutes to a few working days, depending on the payment system and cut-off times. The app shows the expected arrival time before you confirm.",
    actions: [MAKE_TRANSFER],
  },
  pending_transfer: {
    text: "A transfer can stay pending while it's being processed or checked, especially outside working hours or to a new payee. Most complete within a working day. You can follow its status in the transaction details.",
    actions: [RECENT_TRANSACTIONS],
  },
  cancel_transfer: {
    text: "A transfer can only be cancelled while it's still pending; open it in the app to see whether cancelling is possible. Once it's completed, you'll need to ask the recipient to send it back.",
    actions: [RECENT_TRANSACTIONS, TALK_TO_PERSON],
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
  transfer_fee_charged: {
    text: "Some transfers have a fee, such as international or express payments. The fee is shown before you confirm and in the transaction details, and all fees are on the fees page in the app.",
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
