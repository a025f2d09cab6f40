// Hand-written training utterances for the action intents that CLINC150 does not cover:
// scheduled / recurring transfers, disputing a charge, and following disputes. Split into
// train / validation / held-out like action-utterances.ts. Setting up a scheduled or recurring
// transfer is a `transfer` (see RECURRING_TRANSFERS); listing or cancelling one is
// `scheduled_payments`. "I don't recognise this charge" stays BANKING77's
// card_payment_not_recognised (the dialogue routes it into a dispute).

export const ACTION_UTTERANCES_2: Record<string, string[]> = {
  scheduled_payments: [
    "show my scheduled payments", "what scheduled transfers do I have", "list my recurring payments",
    "which recurring transfers are set up", "cancel my recurring transfer to Jordan",
    "stop the weekly transfer to savings", "what payments are coming up", "upcoming payments",
    "show upcoming transfers", "do I have any standing orders", "list my standing orders",
    "cancel the standing order to my landlord", "cancel the scheduled payment for tomorrow",
    "delete the monthly transfer to my savings account", "what automatic payments do I have",
    "show me my autopay", "turn off the recurring payment to Alex", "scheduled payments",
    "recurring transfers", "my scheduled transfers please", "when is my next scheduled transfer",
    "what is scheduled to go out this week", "which transfers are planned for next month",
    "stop paying mom every month", "cancel the friday payment to Sam", "remove my scheduled transfer",
    "I don't want the monthly transfer to savings anymore", "end the recurring payment to the gym",
    "are there any future dated payments on my account", "list future payments",
    "what's set to be paid automatically", "pending scheduled payments", "show all repeating transfers",
    "cancel all my scheduled payments", "can you stop my weekly payment to Jordan",
    "halt the automatic transfer on the first of the month", "which bills are scheduled",
    "what's queued up to be paid", "when does my rent transfer go out", "do I have recurring payments set up",
    "view scheduled transactions", "manage my recurring transfers", "show my repeat payments",
    "I want to cancel a recurring transfer", "cancel the transfer I scheduled for next week",
    "please stop the daily transfer", "what transfers have I scheduled", "list everything that's scheduled",
    "recurring payments list", "schedled payments", "recuring transfers", "cancel my standing order",
    "how many scheduled payments do i have", "is my monthly transfer to savings still on",
    "check my scheduled payments", "see my recurring transfers", "unschedule the payment to Alex",
    "kill the recurring transfer to my brother", "stop the automatic monthly payment",
    "show the payments I set up to repeat", "anything scheduled to leave my account soon",
    "list my autopays", "cancel the scheduled transfer to checking", "what recurring transfers go to savings",
  ],
  dispute: [
    "I want to dispute the Amazon charge", "dispute a charge", "dispute this transaction",
    "I'd like to dispute a payment on my card", "open a dispute", "file a dispute for the Uber charge",
    "I need to challenge a charge on my statement", "contest the charge from Walmart",
    "raise a dispute about the 45 dollar payment", "start a chargeback for the netflix payment",
    "chargeback please", "I want a chargeback on the hotel charge", "dispute the payment to Best Buy",
    "the restaurant charged me the wrong amount, I want to dispute it", "I want to contest a transaction",
    "file a claim for a charge I don't agree with", "the merchant never delivered, dispute the charge",
    "I'd like to dispute yesterday's charge at Target", "help me dispute a transaction",
    "how do I dispute this charge on my account", "dispute the 120 charge from last week",
    "I never got my order, please dispute the payment", "I want my money back from this merchant, open a dispute",
    "can you dispute the charge from Spotify", "please dispute the last transaction",
    "I'm disputing the gym membership charge", "report a wrong charge and dispute it",
    "I want to fight this charge", "challenge the payment to Acme Corp", "dispute charge",
    "i wanna dispute a transaction", "dispute the duplicate charge at the gas station",
    "open a chargeback for the airline ticket", "start a dispute on my debit card payment",
    "the seller overcharged me, dispute it", "raise a claim against the Apple charge",
    "dispute the subscription charge I cancelled", "this charge is wrong, I want to dispute it",
    "i'd like to file a dispute", "begin a dispute for a purchase", "dispute a purchase I returned",
    "I returned the item but was still charged, dispute it", "contest the 19.99 payment",
    "disput the charge", "dispute transaction from amazon", "I want to dispute something on my card",
    "put in a dispute for the coffee shop charge", "lodge a dispute", "dispute the payment from march 3",
    "I need to dispute two charges", "dispute the charge from the car rental company",
    "I want to challenge a transaction I didn't authorise", "please open a dispute on the eBay payment",
    "dispute the hotel bill", "can I dispute a card payment", "i want to contest the charge from doordash",
    "start a dispute", "file a chargeback", "I want to dispute a debit", "dispute that charge please",
    "the amount charged by the store is wrong, dispute it", "make a dispute for this payment",
  ],
  list_disputes: [
    "show my disputes", "list my disputes", "what's the status of my dispute", "any update on my dispute",
    "how is my dispute going", "did my dispute get resolved", "check my open disputes",
    "what disputes do I have open", "status of my chargeback", "where is my chargeback at",
    "has the Amazon dispute been decided", "show open disputes", "list all disputes",
    "my disputes", "disputes", "dispute status", "any news on the charge I disputed",
    "what happened with my dispute", "is my dispute still open", "show me the disputes I filed",
    "how many disputes do I have", "track my dispute", "follow up on my dispute",
    "when will my dispute be resolved", "update on the Uber dispute", "what did the merchant say about my dispute",
    "did I win the dispute", "show closed disputes", "list my chargebacks", "chargeback status",
    "view my disputes", "are any of my disputes pending", "what's going on with my disputed charge",
    "show the status of every dispute", "check dispute progress", "how's the dispute on the hotel charge",
    "where are my disputes", "have you finished reviewing my dispute", "see my claims",
    "status of the claim I opened", "my open claims", "what disputes have been closed",
    "was my dispute approved", "is the dispute about the netflix charge resolved",
    "tell me about my disputes", "dispute updates", "show dispute history", "disputes i have filed",
    "lst my disputes", "status of dispute for the walmart charge", "did the bank decide on my dispute yet",
    "check on my chargeback", "what is happening with my claim", "give me an update on the disputed payment",
    "any progress on my disputes", "show pending disputes", "is there news about my chargeback",
    "which disputes are still under review", "list disputes from this year", "open disputes",
    "how long until my dispute is done", "follow my disputes", "what's the latest on my dispute",
  ],
};

/** Training-only: setting up a scheduled or recurring transfer is a transfer. */
export const RECURRING_TRANSFERS: string[] = [
  "transfer 100 to checking tomorrow", "pay Jordan 12.50 every friday", "set up a monthly transfer of 200 to savings",
  "send mom 50 every week", "schedule a transfer of 300 to savings on the 1st", "move 25 to savings every payday",
  "set up a recurring payment of 40 to Alex", "transfer 500 to savings next monday",
  "send 20 to Sam every month starting next week", "schedule 75 to my landlord on the 3rd of each month",
  "pay Alex 15 tomorrow", "move 1000 from checking to savings on friday", "every two weeks send 60 to Jordan",
  "weekly transfer of 10 dollars to savings", "set up a standing order of 400 to my landlord",
  "schedule a payment to the plumber for next tuesday", "send 30 to my brother on his birthday, june 5",
  "make a recurring transfer to savings of 150 a month", "transfer 50 to checking every monday",
  "pay my sister 100 on the 15th", "i want to send 80 to Chris next friday", "repeat a 200 transfer to savings monthly",
  "can you transfer 40 to savings each week", "start a daily transfer of 5 to savings",
  "schedule 250 to be moved into savings at the end of the month",
];

/**
 * Training-only phrasings for intents CLINC150 covers in only one style (its bill intents are about
 * utility bills, its credit-limit ones name card brands), and crowd-style requests that the first
 * CLINC-trained model read as something else. Written without looking at any validation text.
 */
export const ACTION_TRAINING_EXTRA_2: Record<string, string[]> = {
  credit_statement: [
    "what's my statement balance", "statement balance on my credit card", "how much is my credit card statement",
    "when is my credit card bill due", "what's the minimum I have to pay on my card this month", "minimum payment due",
    "when's my next card payment due", "how much do I need to pay on my credit card statement", "credit card due date",
    "what did my last credit card statement say", "show my latest card statement", "how much was my last statement",
  ],
  credit_limit: [
    "what is my available credit", "how much available credit do I have", "how much credit do I have left",
    "how much can I still put on my credit card", "what's my card limit", "how much room is left on my credit card",
    "available credit on my card", "credit limit please", "what's the spending limit on my credit card",
    "how close am I to my credit limit",
  ],
  account_numbers: [
    "what's my account number", "give me my full account number", "what's the routing number for my checking",
    "i need my account and routing number for direct deposit", "show my savings account number",
    "what are my bank details", "account number please", "routing number",
  ],
  interest_rate: [
    "what interest does my savings earn", "what's the rate on my savings account", "what apr am i paying on my card",
    "how much interest am i getting", "interest rate on my credit card", "savings rate",
  ],
  card_expiry: [
    "when does my debit card expire", "what's the expiry date on my card", "card expiration date", "when will my card run out",
    "is my card about to expire, when exactly",
  ],
  rewards_balance: [
    "how many points do i have", "rewards points balance", "how many reward points have i earned", "my points",
    "what's my cashback balance",
  ],
  report_fraud: [
    "someone stole my card details and used them", "there's fraud on my account", "i want to report fraud",
    "somebody hacked my account and spent money", "fraudulent charges on my card",
  ],
  transactions: [
    "how many transactions do i have at the pharmacy this month", "how many purchases did i make at target last week",
    "how many transactions were there yesterday", "list the transactions at coffee shops from last tuesday",
    "what transactions do i have from gas stations this week", "count my transactions in april",
  ],
  balance: [
    "whats the total of all my accounts", "combined balance of all my accounts", "how much money do i have altogether",
    "sum of my account balances", "how much do i have across checking and savings",
  ],
  transfer: [
    "help me move some money", "i need help transferring money", "i want to send money to someone",
    "can i make a transfer", "i'd like to do a transfer please",
  ],
};
