// A FOURTEENTH FRESH PROBE (wave 3, crowd32): requests as varied people word them — terse, chatty,
// non-native, typos, voice-typed (no punctuation, words run on, "period"), angry, elderly — across
// balance, transactions, spending, transfers to own accounts and to payees, bill pay, card freeze /
// lost / fraud, disputes, statements, credit card facts, FAQ topics, small talk around requests and
// out-of-scope asks a bank bot should decline. Written in one sitting by crowd32 BEFORE any line was
// classified and before the reading rules were read. Never trained on (dataset.ts does not read it).
//
// FIRST SCORE (main af15bae's rules, shipped model 2.be200223, before any fix; the honest figure):
//   134/152 (88.2%), 140/152 of the right kind: balance 13/15 ("is my savings still above two grand"
//   declined; "my grandson set this up for me. How do I see what money I have?" → topping_up_by_card),
//   transactions 11/13 ("list what i paid at target" declined, "show pending stuff" →
//   pending_card_payment), spending 11/11, transfers to own accounts 10/10, to payees 12/13 ("how do I
//   go about sending money to somebody?" declined), bill pay 5/8 ("can you pay city power for me" and
//   "Make a payment on my credit card of 200 dollars" → transfer, "my water bill is due friday please
//   pay it" → credit_statement), cards 11/13 ("i think i got scammed, someone took money from my
//   account" → cash_withdrawal_not_recognised, "i typed my card number into a fake website" →
//   account_numbers), disputes 7/8 ("charged 89 at a hotel i never stayed at, i want that reversed"
//   declined), statements 4/7 (a statement for a visa application → application_status, "send me last
//   month's statement" → transactions, "download my statements as a pdf" declined), credit card facts
//   12/13 (cash back balance → credit_statement), FAQ topics 15/17 ("is there a monthly fee on
//   checking" → card_payment_fee_charged, "how do i add a new person to send money to" → payees),
//   small talk 9/10 ("hello is anyone there" → human_agent 0.99, a fair reading), out of scope 14/14.
//   Amounts exact 19/20 ("can i pay my son 45 for mowing the lawn" read none); recipients 1 miss
//   ("send twenty to jordan lee" named "jordan").
//   After crowd32's fixes (own-words-18.ts, amount.ts, query.ts): 150/152, 151/152 of the right kind
//   (tuned on them, so this flatters); amounts 20/20; left: "Make a payment on my credit card of 200
//   dollars" reads transfer (the dialogue still pays the card: "Which account should I pay it from?"),
//   "hello is anyone there" human_agent, and "jordan lee" read as "jordan" (the payee still matches).
// MEASURE SET: PROBE_14_AFTER (50 rows, written after the fixes, before it was classified; counts
//   only): main af15bae's rules 41/50 (44 of the right kind, amounts 5/6) → crowd32's 42/50 (84.0%;
//   45/50 of the right kind, amounts exact 6/6, 2 other entity misses). Fresh wording still misses
//   about one row in six: the rules generalise to a family, not to the next person's words.
//
// Lines whose tokens equalled a BANKING77 or CLINC150 row or any quoted line of this repository
// (training data, check-set, probes 1–13, tests) were rewritten before any was classified (26 of 152,
// 8 of 50).
//
// Labelling as probes 7 and 10–13: the intent a bank assistant should act on. "is there enough /
// what's left" is balance; a list, a count or one past charge is transactions; a total or where money
// goes is spending; paying a person back or sending money to one is transfer; a utility / phone / card
// bill paid is pay_bill; a charge contested is dispute, disputes followed are list_disputes; a bank
// statement is account_statement, the credit card's bill / due date / minimum is credit_statement;
// CLINC-style rows carry the mapped Teller intent; small talk around a request gets the request; an
// ask that is no banking gets out_of_scope. Amounts in USD minor units where a row names one;
// recipients only where a plain first name is the recipient.

import type { IntentName } from "../../packages/contract/intents";
import { b, sp, t, tx, type ProbeRow } from "./probe-set";

const r = (intent: IntentName, text: string): ProbeRow => ({ text, intent });

export const PROBE_14_FAMILIES: Record<string, ProbeRow[]> = {
  balance: [
    b("bal in chkg pls"),
    b("yo how much i got rn"),
    b("Dear Teller, I would like to be informed of the present balance of my savings account. Kind regards, Edith", ["savings"]),
    b("hw much mony in my chequing", ["checking"]),
    b("what is the money i have now in the account please tell"),
    b("okay so um can you tell me how much is in my checking account period", ["checking"]),
    b("I've been trying to find my balance in this app for twenty minutes, where is it??"),
    b("am I overdrawn again on checking or what"),
    b("is my savings still above two grand", ["savings"]),
    b("my grandson set this up for me. How do I see what money I have?"),
    b("can i afford a 60 dollar dinner tonight or nah"),
    b("checking and savings totals please", ["checking", "savings"]),
    b("how much left on my checking after rent came out", ["checking"]),
    b("hello yes this is Harold I want to know what is in the savings book", ["savings"]),
    b("WHY IS MY BALANCE SO LOW what is it exactly"),
  ],
  transactions: [
    tx("last 5 purchases"),
    tx("what all did i buy yesterday afternoon"),
    tx("show me every payment to spotify"),
    tx("i want see the moneys that go out this week"),
    tx("pull up my checking history from the first of november till now"),
    tx("was there a deposit from my employer today"),
    tx("Why is my account showing so many charges? Show me all of them from this weekend!!"),
    tx("any transactions over 200 bucks lately"),
    tx("list what i paid at target"),
    tx("whats the most recent charge on my visa"),
    tx("my wife says I spent too much at the hardware store, can you show me those purchases"),
    tx("show pending stuff"),
    tx("show me transactions from my savings account comma the last two weeks"),
  ],
  spending: [
    sp("how much on takeout this month"),
    sp("what's my grocery spend looking like"),
    sp("total i spent at starbucks since september"),
    sp("where does all my money go every month honestly"),
    sp("how much I spend for the petrol in last month"),
    sp("did i spend more this month than last month"),
    sp("what have I spent on entertainment since the start of the year"),
    sp("break it down for me what i spent on what last week"),
    sp("how much did i spend in total on subscriptions"),
    sp("give me my spending summary for october"),
    sp("I'm retired and on a fixed income, how much did I spend on the pharmacy this month"),
  ],
  "transfers to own accounts": [
    t("stick 50 in savings for me", 5000, undefined, ["savings"]),
    t("put 200 from savings back into checking", 20000, undefined, ["savings", "checking"]),
    t("transfer five hundred dollars from my checkings to my savings account", 50000, undefined, ["checking", "savings"]),
    t("i need to move money from savings to checking ASAP my card keeps getting declined", undefined, undefined, ["savings", "checking"]),
    t("please to transfer 80 dollar in my saving", 8000),
    t("can you shift 1k over to savings", 100000, undefined, ["savings"]),
    t("take 25 out of savings and put it in checking", 2500, undefined, ["savings", "checking"]),
    t("move seventy five dollars into checking from savings period", 7500, undefined, ["checking", "savings"]),
    t("I would like to move some of my money to my savings so I don't spend it", undefined, undefined, ["savings"]),
    t("top up my checking with 300 from savings", 30000, undefined, ["checking", "savings"]),
  ],
  "transfers to payees": [
    t("send jordan 25", 2500, "jordan"),
    t("pay sam back the 40 i owe him", 4000, "sam"),
    t("i need to give my mom 150 for groceries can you do that", 15000),
    t("transfer 60 to Priya for the concert", 6000, "Priya"),
    t("Please send 12 dollars and 50 cents to Jordan", 1250, "Jordan"),
    t("send money to my nephew for his birthday, 30 dollars", 3000),
    t("venmo style, send alex 15", 1500, "alex"),
    t("wire 500 over to my landlord tonight", 50000),
    t("I'd like to pay my cleaner Rosa 90 dollars from checking", 9000, "Rosa", ["checking"]),
    t("send twenty to jordan lee from my savings", 2000, "jordan lee", ["savings"]),
    t("how do I go about sending money to somebody?"),
    t("can i pay my son 45 for mowing the lawn", 4500),
    t("u need to send 35 to jordan NOW i told u twice", 3500, "jordan"),
  ],
  "bill pay": [
    r("pay_bill", "pay the electric bill it came today"),
    r("pay_bill", "i want to pay my phone bill from checking"),
    r("pay_bill", "can you pay city power for me"),
    r("pay_bill", "pay off my credit card balance"),
    r("pay_bill", "Make a payment on my credit card of 200 dollars"),
    r("pay_bill", "my water bill is due friday please pay it"),
    r("pay_bill", "pay internet bill now"),
    r("pay_bill", "I need to pay my gas company"),
  ],
  "cards: freeze, lost, fraud": [
    r("freeze_card", "freeze my card quick"),
    r("freeze_card", "lock my visa ending in 4242 right now"),
    r("freeze_card", "can you temporarily turn off my debit card, I misplaced it somewhere at home"),
    r("unfreeze_card", "unlock my card i found it in my coat"),
    r("unfreeze_card", "turn my mastercard back on"),
    r("lost_or_stolen_card", "someone stole my wallet on the bus"),
    r("lost_or_stolen_card", "i lost my credit card what do i do"),
    r("lost_or_stolen_card", "My purse was taken at the market this morning and my bank card was in it"),
    r("report_fraud", "there are charges on my account from another country that i never made, this is fraud"),
    r("report_fraud", "I want to report fraudulent activity"),
    r("report_fraud", "i think i got scammed, someone took money from my account"),
    r("compromised_card", "i typed my card number into a fake website"),
    r("freeze_card", "STOP MY CARD NOW"),
  ],
  disputes: [
    r("dispute", "i want to dispute a charge from uber"),
    r("dispute", "this amazon charge isn't mine, i want to challenge it"),
    r("dispute", "the restaurant charged me twice and I want my money back, file a dispute"),
    r("dispute", "i was charged 89 at a hotel i never stayed at, i want that reversed"),
    r("dispute", "I never received the item, I want to contest the payment to BestDeals"),
    r("list_disputes", "whats happening with my dispute"),
    r("list_disputes", "show me the disputes i've opened"),
    r("list_disputes", "did you guys ever resolve the claim I made about the double charge"),
  ],
  statements: [
    r("account_statement", "where can i get my bank statement"),
    r("account_statement", "I need a statement for my checking account for my visa application"),
    r("account_statement", "can you send me last month's statement"),
    r("account_statement", "how do i download my statements as a pdf"),
    r("credit_statement", "whens my credit card payment due"),
    r("credit_statement", "whats the minimum due on my teller card"),
    r("credit_statement", "what is my statement balance on my credit card"),
  ],
  "credit card facts": [
    r("credit_limit", "how much credit is left on my teller card"),
    r("credit_limit", "whats the limit on my teller card"),
    r("interest_rate", "what's the interest on my credit card"),
    r("interest_rate", "how much interest does savings pay"),
    r("card_expiry", "when does my debit card run out exactly"),
    r("card_expiry", "expiration date on my mastercard?"),
    r("rewards_balance", "how many points i have"),
    r("rewards_balance", "what's my cash back balance on the credit card at the moment"),
    r("account_numbers", "what's my checking account number again"),
    r("account_numbers", "i need my routing and account number for direct deposit setup"),
    r("scheduled_payments", "what payments have i got coming up next week"),
    r("scheduled_payments", "do I have any automatic transfers set up"),
    r("payees", "who's on my list of people i can pay"),
  ],
  "faq topics": [
    r("overdraft", "what happens if i go below zero"),
    r("overdraft", "do you charge overdraft fees"),
    r("opening_hours", "what time do you open on saturday"),
    r("open_account", "how do i open a second savings account"),
    r("account_fees", "is there a monthly fee on checking"),
    r("card_arrival", "my new card never showed up in the mail and it has been 3 weeks"),
    r("activate_my_card", "how to activate new card"),
    r("change_pin", "i want to change the pin number on my visa"),
    r("transfer_timing", "how long until my transfer arrives"),
    r("add_payee", "how do i add a new person to send money to"),
    r("international_transfer", "can i send money to my family in the philippines"),
    r("apple_pay_or_google_pay", "does my card work with google pay"),
    r("declined_card_payment", "why did my card get declined at the gas station"),
    r("terminate_account", "I want to close my account, I'm switching banks"),
    r("human_agent", "let me talk to a real person please i am 82 and this is confusing"),
    r("human_agent", "this bot is useless, get me a human"),
    r("atm_support", "is there an atm near the mall that takes my card"),
  ],
  "small talk around requests": [
    r("balance", "hi there! hope you're having a good day. what's my balance?"),
    r("transfer", "thanks so much. now send 20 to jordan please"),
    r("freeze_card", "ugh long day. can you freeze my card, I think I left it at the bar"),
    r("spending", "good morning dear, how much have I spent on groceries this month? thank you kindly"),
    r("transactions", "hey teller :) show me my last few transactions"),
    r("greeting", "hello is anyone there"),
    r("thanks", "ok great thank you very much"),
    r("goodbye", "thats all for today bye bye"),
    r("pay_bill", "hi, hope all is well, I'd like to pay my electric bill today"),
    r("dispute", "sorry to bother you but there's a charge I don't recognize and I'd like to dispute it"),
  ],
  "out of scope": [
    r("out_of_scope", "what's the weather in chicago"),
    r("out_of_scope", "know any funny jokes about bank tellers"),
    r("out_of_scope", "should i buy tesla stock"),
    r("out_of_scope", "can you order me a large pepperoni pizza"),
    r("out_of_scope", "how do i file my taxes online for free"),
    r("out_of_scope", "whats the capital city of canada"),
    r("out_of_scope", "write me a poem about money"),
    r("out_of_scope", "is bitcoin going up next week"),
    r("out_of_scope", "book me a flight to denver"),
    r("out_of_scope", "whats a good recipe for chicken soup when youre sick"),
    r("out_of_scope", "can you lend me 5000 dollars with no credit check"),
    r("out_of_scope", "who won the lakers game last night"),
    r("out_of_scope", "how do i get to the nearest hospital"),
    r("out_of_scope", "put on some smooth jazz while i wait"),
  ],
};

export const PROBE_14: ProbeRow[] = Object.values(PROBE_14_FAMILIES).flat();

// MEASURE SET (crowd32): written after crowd32's fixes (own-words-18.ts, amount.ts, query.ts) and
// before any of it was classified. Counts only in probe.ts; nobody fixes on it.
export const PROBE_14_AFTER: ProbeRow[] = [
  b("how much cash do i have sitting in checking this morning", ["checking"]),
  b("need my savings number, the balance i mean", ["savings"]),
  b("Good day. Kindly advise the amount remaining in my account."),
  b("did my checking drop under a hundred bucks", ["checking"]),
  b("whats my balanse in chequeing", ["checking"]),
  b("do i got enough for a 300 dollar plane ticket"),
  tx("what went out of my account on saturday"),
  tx("show me charges from the pharmacy this month"),
  tx("i need to see the last ten things i bought"),
  tx("any deposits this week"),
  tx("list everything i paid to netflix this year"),
  sp("how much has eating out cost me in november"),
  sp("which category did most of my money go to in october"),
  sp("total spent on gas since october"),
  sp("how much money have i wasted on coffee this month lol"),
  t("shove 40 into savings", 4000, undefined, ["savings"]),
  t("could u move 150 from savings into checkin", 15000, undefined, ["savings", "checking"]),
  t("i want to send my brother 75 for the tickets", 7500),
  t("pay devin 30 for the pizza", 3000, "devin"),
  t("get some money over to jordan tonight", undefined, "jordan"),
  t("please transfer two hundred fifty dollars to my savings", 25000, undefined, ["savings"]),
  t("give allison 20 bucks", 2000, "allison"),
  r("pay_bill", "pay the light company"),
  r("pay_bill", "i need to pay my cable bill, it's due monday"),
  r("pay_bill", "pay my card off from checking"),
  r("freeze_card", "block my debit card please i cant find it"),
  r("unfreeze_card", "ok unfreeze the visa i found it"),
  r("lost_or_stolen_card", "my card was stolen out of my car"),
  r("report_fraud", "someone hacked my account and sent money out"),
  r("compromised_card", "i gave my card details to someone on the phone who said they were the bank"),
  r("dispute", "i want to dispute the 30 dollar charge from the gym"),
  r("list_disputes", "any news on my dispute"),
  r("account_statement", "can i get a bank statement for my apartment application"),
  r("account_statement", "email me my statement for october"),
  r("credit_statement", "how much do i owe on the teller card this month"),
  r("credit_limit", "what's my available credit"),
  r("interest_rate", "what rate does my savings earn"),
  r("card_expiry", "when does my visa expire, the date on it is rubbed off"),
  r("rewards_balance", "how much cash back do i have"),
  r("account_numbers", "give me my routing number"),
  r("scheduled_payments", "which transfers are scheduled"),
  r("account_fees", "do you charge a monthly fee on savings"),
  r("add_payee", "how can i add my sister as a payee"),
  r("human_agent", "i want to speak to somebody at the bank"),
  r("overdraft", "what happens if i spend more than whats in checking"),
  r("balance", "hi teller, good morning! what's in my savings?"),
  r("transfer", "thank you! also move 20 into savings please"),
  r("out_of_scope", "whats the best thai place around here"),
  r("out_of_scope", "can you help me write my resume"),
  r("out_of_scope", "how tall is mount everest in feet"),
];
