// More hand-written action utterances, used for training only (never split into validation or
// held-out, so adding them does not reshuffle the evaluation slices of action-utterances.ts).
// Written after reading validation errors: slang greetings and farewells, terse requests, and
// card lock/unlock phrasings that sit close to BANKING77's card intents.

export const ACTION_TRAINING_EXTRA: Record<string, string[]> = {
  balance: [
    "acct balance", "how much is in there", "how much have i got left this month",
    "whats my checking at", "what do i have in savings right now", "remaining funds", "funds available",
    "how much in my acc", "check my acct", "what is the current balance of my checking account",
    "how much money is sitting in my savings", "is my account in the negative", "what's my balance looking like",
    "tell me how much is in the bank", "money in my account?", "how much dough do i have", "show me the money in my account",
    "how much is on my debit card", "what's the balance of card ending 5555",
  ],
  transactions: [
    "transactions", "my transactions", "recent payments", "latest transactions please", "show spending history",
    "what did i buy last week", "show me everything from yesterday", "list purchases from this morning",
    "payments this month", "what went out today", "show me the charges on my card", "list charges",
    "show recent card activity", "what are these recent charges", "history please", "statement for last month",
    "recent debits and credits", "what came in and what went out", "show the last 3 payments", "pull up my purchases",
  ],
  spending: [
    "how much on groceries", "spent on food this month?", "what have i spent on takeout", "how much did uber cost me",
    "how much did i spend at costa", "how much did i spend at target last week", "money spent on gas this month",
    "total spend last week", "how much did i spend overall", "my expenses this month", "expenses by category",
    "what are my biggest expenses", "how much do i spend on eating out each month", "how much went on bills",
    "how much did starbucks cost me this year", "coffee spending", "cost of my subscriptions",
    "how much did i waste on shopping", "spending report", "monthly spending summary",
  ],
  transfer: [
    "send money to alex", "transfer funds", "transfer money", "pay back sam", "send cash to my mum",
    "move money between my accounts", "move 20 into savings", "top up my savings with 50", "send 12.50 to lucy",
    "pay 40 to the babysitter", "send my brother twenty", "transfer a hundred to checking", "send 75 to john please",
    "quickly send 10 to dan", "i need to send money", "can i send money to a friend", "pay my friend back",
    "send it to maria", "pay rent to my landlord now", "transfer 300 to my savings account",
  ],
  freeze_card: [
    "freeze", "freeze card now", "lock card please", "block card", "freeze my debit", "lock my credit card",
    "pause card", "can you freeze it", "turn my card off", "temporarily lock my card", "freeze the visa",
    "freeze card right now", "freeze my card asap", "hold my debit card", "put a block on my card",
    "disable card for now", "i want to lock my card", "stop my debit card working for now",
    "freeze my card please, i cant find it", "freeze my card urgently",
  ],
  unfreeze_card: [
    "unfreeze", "unlock", "unfreeze card now", "unlock card please", "unblock my card", "unpause card",
    "turn my card on", "turn on card", "reactivate my card", "enable card", "remove freeze", "remove the block",
    "take the lock off my card", "take the freeze off", "lift freeze", "unlock my debit", "unfreeze the visa",
    "i want to unlock my card", "card back on please", "switch card on again",
  ],
  payees: [
    "my payees", "payee", "recipients", "beneficiary list", "show recipients", "who can i pay",
    "show saved people", "list payees please", "saved contacts", "people i pay", "add recipient",
    "new payee", "add a beneficiary", "remove recipient", "delete a beneficiary", "who is on my payee list",
    "see saved beneficiaries", "my saved transfer recipients", "manage recipients", "show me who i can transfer to",
  ],
  human_agent: [
    "human agent", "real human", "talk to someone", "speak to someone", "person please", "live person",
    "get me an agent", "representative please", "speak to a real person", "agent now", "a human please",
    "i want an agent", "can i talk to a person", "talk to a real agent", "connect me to support",
    "support agent", "call center", "contact a human", "speak with someone from the bank", "real agent please",
  ],
  greeting: [
    "hi hi hi", "hellooooo", "heyyy", "yo yo", "sup teller", "wazzup",
    "hi there teller", "gm", "afternoon", "hey good morning",
    "hello, how are you today", "hey, how are things", "hiya there",
  ],
  goodbye: [
    "bye now", "see ya later", "see you soon", "catch ya", "talk later", "night night", "gn", "have a great day", "have a nice evening", "all good, bye", "that's all, thanks bye",
    "im off", "i'm off now", "bye teller", "goodbye teller", "cya later", "ok that's it, goodbye",
  ],
  thanks: [
    "thank you teller", "tysm", "thanks mate", "thanks so much!", "many many thanks",
    "appreciated", "much obliged", "thanks heaps", "thanks a bunch", "nice, thanks", "great thank you",
    "excellent, thanks", "thank you for your help today", "that's great, thank you", "ok ty", "thanks for sorting it",
  ],
};
