/** Answers about cards: ordering, delivery, activation, PINs, virtual cards, wallets, problems. */
import { FREEZE_CARD, RECENT_TRANSACTIONS, TALK_TO_PERSON, type FaqTable } from "./answer.js";
import { quickReply } from "../render.js";

export const CARD_ANSWERS = {
  card_arrival: {
    text: "New cards usually arrive within the delivery window shown in the app when you ordered it. You can track the card's status in the app under Cards. If it hasn't arrived by the end of that window, tell us and we'll cancel it and send a new one.",
    actions: [TALK_TO_PERSON],
  },
  card_delivery_estimate: {
    text: "The app shows an estimated delivery date as soon as your card is ordered, and it depends on where you live and the delivery option chosen. You can follow its progress under Cards in the app.",
  },
  card_linking: {
    text: "To link a card you already have, open Cards in the app and choose to add or link a card, then follow the steps to verify it. Once it's linked you'll see it in your card list.",
  },
  activate_my_card: {
    text: "You can activate a new card in the app under Cards by confirming the details printed on it. Some cards are also activated by their first chip-and-PIN payment. If activation fails, a person on our team can help.",
    actions: [TALK_TO_PERSON],
  },
  card_not_working: {
    text: "First check in the app that the card isn't frozen, expired or blocked, and that the payment is within your limits. A damaged chip or magnetic stripe can also stop it working. If it still doesn't work, you can order a replacement in the app.",
    actions: [quickReply("Unfreeze my card"), TALK_TO_PERSON],
  },
  contactless_not_working: {
    text: "For security, card terminals sometimes ask for chip and PIN instead of contactless, for example after several contactless payments in a row. Check the card isn't frozen and try inserting it and entering your PIN. If contactless never works, order a replacement card in the app.",
  },
  pin_blocked: {
    text: "Your PIN is blocked after too many wrong attempts. You can usually unblock it in the app under Cards or at an ATM of a bank in your card's network. If you've forgotten it, you can view your PIN securely in the app.",
    actions: [TALK_TO_PERSON],
  },
  change_pin: {
    text: "You can change your PIN at most ATMs in your card's network, using the PIN change option. Some cards also let you change it in the app under Cards. Avoid PINs that are easy to guess, like birth years.",
  },
  lost_or_stolen_card: {
    text: "Freeze your card right away so nobody can use it — I can do that for you now. Then check your recent transactions for anything you don't recognise and order a replacement in the app. I'm also passing this to our team so they can help.",
    actions: [FREEZE_CARD, RECENT_TRANSACTIONS],
    escalate: true,
  },
  compromised_card: {
    text: "If you think someone else has your card details, freeze the card now — I can do that for you. Check your recent transactions for anything unfamiliar; our team will help you dispute those and get a new card with a new number.",
    actions: [FREEZE_CARD, RECENT_TRANSACTIONS],
    escalate: true,
  },
  card_swallowed: {
    text: "If an ATM kept your card, freeze it in the app so it can't be used, then order a replacement. The ATM's owner may destroy retained cards, so it's usually safer not to wait for it to be returned.",
    actions: [FREEZE_CARD],
  },
  card_about_to_expire: {
    text: "We normally send a replacement card automatically before your current one expires, to the address on your profile. Check your address is up to date in the app. If the new card hasn't arrived close to the expiry date, let us know.",
  },
  card_acceptance: {
    text: "Your card can be used wherever its network (shown on the card) is accepted, online and in shops. Some merchants, like certain car rental or gambling sites, may not accept it. If a payment is declined, the app shows the reason.",
  },
  visa_or_mastercard: {
    text: "The network your card runs on is printed on the card and shown in the app under Cards. Both major networks are accepted almost everywhere cards are taken.",
  },
  supported_cards_and_currencies: {
    text: "The cards you can add for top-ups and the currencies you can hold are listed in the app. Most major debit and credit cards from the main networks are supported. If one of yours isn't accepted, the app will tell you why.",
  },
  get_physical_card: {
    text: "You can order a physical card in the app under Cards. It will be sent to the address on your profile, and you'll need to activate it when it arrives.",
  },
  order_physical_card: {
    text: "To order a physical card, open Cards in the app and choose to order one; confirm your delivery address first. Any delivery fee for your plan is shown before you confirm.",
  },
  getting_spare_card: {
    text: "Depending on your plan, you may be able to order an additional card in the app under Cards. Any limits or fees for extra cards are shown there before you order.",
  },
  getting_virtual_card: {
    text: "You can create a virtual card in the app under Cards. It's ready to use for online payments straight away, and you can freeze or delete it at any time.",
  },
  virtual_card_not_working: {
    text: "Check in the app that the virtual card isn't frozen or deleted, and that the card number, expiry date and security code were entered exactly. Some merchants don't accept virtual cards. If it still fails, the app shows the reason for the decline.",
  },
  get_disposable_virtual_card: {
    text: "Where available, you can create a disposable virtual card in the app under Cards. Its details change after each payment, which makes it safer for shops you don't know well.",
  },
  disposable_card_limits: {
    text: "Disposable virtual cards have limits on how many you can create and how they can be used, depending on your plan. You can see the current limits in the app under Cards.",
  },
  apple_pay_or_google_pay: {
    text: "You can add your card to Apple Pay or Google Pay from the app under Cards, or from the wallet app on your phone. Once added, you can pay with your phone wherever contactless is accepted.",
  },
} satisfies FaqTable;
