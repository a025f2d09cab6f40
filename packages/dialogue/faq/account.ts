/** Answers about the account itself: identity, personal details, security, currencies, countries. */
import { FREEZE_CARD, TALK_TO_PERSON, type FaqTable } from "./answer.js";

export const ACCOUNT_ANSWERS = {
  verify_my_identity: {
    text: "To verify your identity, follow the steps in the app: you'll usually take a photo of an official ID document and a selfie. Checks normally finish quickly, but some take longer.",
  },
  why_verify_identity: {
    text: "Banks are required by law to confirm who their customers are, to protect you and prevent fraud and money laundering. Your documents are used only for these checks and stored securely.",
  },
  unable_to_verify_identity: {
    text: "Verification can fail if a photo is blurry, the document has expired or details don't match your profile. Try again in good light with a valid document. If it keeps failing, a person on our team can help.",
    actions: [TALK_TO_PERSON],
  },
  verify_source_of_funds: {
    text: "We may ask where money in your account comes from, as banks are required to. You can upload documents such as payslips, bank statements or a sale contract in the app when asked.",
  },
  edit_personal_details: {
    text: "You can update most personal details, like your address, email or phone number, in the app under your profile. Changes to your legal name may need a document to confirm them.",
  },
  passcode_forgotten: {
    text: "If you've forgotten your app passcode, log out and choose the option to reset it on the sign-in screen. You'll need to confirm your identity, for example with a code sent to your phone or email.",
  },
  lost_or_stolen_phone: {
    text: "If your phone is lost or stolen, freeze your cards now and sign out of the app on other devices if you can. I'm passing this to our team so they can secure your account and help you sign in on a new phone.",
    actions: [FREEZE_CARD],
    escalate: true,
  },
  terminate_account: {
    text: "You can close your account in the app under your profile settings. Move any remaining money out first and make sure there are no pending payments. If you need help, a person on our team can guide you.",
    actions: [TALK_TO_PERSON],
  },
  age_limit: {
    text: "You need to be at least the minimum age for your country to open an account. The exact age, and any accounts for younger customers, are shown when you sign up in the app.",
  },
  country_support: {
    text: "Which countries you can open an account from, and where you can use your card, is listed in the app and on our website. You can use your card abroad wherever its network is accepted.",
  },
  fiat_currency_support: {
    text: "The currencies you can hold and exchange are listed in the app. You can pay by card in most other currencies too; those payments are converted automatically.",
  },
  exchange_rate: {
    text: "The exchange rate is shown in the app before you exchange money or confirm a payment. Rates move with the market, so they may change between checking and paying.",
  },
  exchange_via_app: {
    text: "You can exchange money between the currencies you hold in the app: choose Exchange, then pick the currencies and the amount. The rate and any fee are shown before you confirm.",
  },
  exchange_charge: {
    text: "Currency exchange may carry a fee depending on your plan, the amount and the time (some rates differ at weekends). The app shows any fee before you confirm, and all fees are on the fees page.",
  },
} satisfies FaqTable;
