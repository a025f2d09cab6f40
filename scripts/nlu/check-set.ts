// Our own check-set of everyday action requests (issue 12, wave 4): written in one sitting before
// any of the training utterances added with it, in the styles the outside checkers use — opening
// turns of multi-turn banking dialogues (greeting, context, then the request) and short
// crowd-written requests (lower case, no punctuation, indirect wording). It is NEVER trained or
// tuned on: dataset.ts does not read it and dataset.test.ts checks that no training text equals one
// of these (same tokens). The same people wrote it and the training data, so it flatters the model
// compared with real traffic; treat it as a regression check, not as the hidden test sets.

export const CHECK_SET: Record<string, string[]> = {
  balance: [
    "Check my account balance, please.",
    "Can you find out how much money I have in my checking account?",
    "I want to look at my account balance.",
    "Could you get me my savings account balance?",
    "Hey, what's the balance on my checking account?",
    "Please tell me what my balance is.",
    "Hi, I just got paid. Can you tell me how much is in my account now?",
    "I'm going out for dinner tonight and want to know my checking balance first.",
    "Hello, I'd like to know how much money I have in savings, please.",
    "My rent is due soon, so I'd like to see my balance.",
    "whats the sum of the money in my bank accounts",
    "do i have enough in checking to buy a new laptop",
    "can i afford a weekend away with what's in my savings",
    "is there enough money in my account to pay for concert tickets",
    "i wonder whether my checking account has enough for a new phone",
    "how much cash is sitting in my bank of america account",
    "what amount is left in my savings",
    "i'd like to know the amount of money in my checking and savings",
    "how loaded is my savings account",
    "tell me how much i've got in the bank in total",
    "Hi, I'm planning a trip and need to know my balance",
    "I need to see how much money I have",
    "I'd like to check the balance of my checking account please",
    "Hello, could you tell me how much is in my savings account?",
    "Can you check my account balance for me?",
    "I want to know the balance in my savings",
    "Hi there. I need to find out how much money is in my checking account.",
    "Good morning, I'm about to go shopping and want to know how much I can spend.",
    "what's the combined total of all my accounts",
    "how much money is there in my checking right now",
    "tell me what my savings balance is",
    "i need to know how much money i have in the bank",
    "how many dollars are in my checking account",
    "what's the current amount in my savings",
    "please look up my account balance",
    "I'm thinking of buying a car, how much do I have saved?",
    "Hey! Could you let me know the balance on my checking?",
    "Can you find my balance for my savings account?",
    "I would like to check my balance",
    "do i have any money left in checking",
    "how much money do i have across all of my accounts",
    "what is the total amount of money i have",
    "Hi, can you help me check my balance?",
    "what's the balance in my account at the moment",
    "I need my checking account balance",
  ],
  transactions: [
    "how many transactions do i have at gas stations from last friday",
    "list my purchases at the pet store",
    "what charges are on my amex from this billing cycle",
    "show me the items i bought on my debit card last week",
    "did i make any purchases at target yesterday",
    "what was the amount of my last transaction",
    "tell me all the withdrawals from my checking this month",
    "i want to see what i bought with my visa recently",
    "can I see my recent transactions",
    "show me the transactions on my checking account from last week",
    "I'd like to review the recent activity on my account",
    "what transactions did i make yesterday",
    "could you list the purchases I made this month",
    "Hi, I want to go through my recent transactions",
    "i need to look at my transaction history",
    "what were the last few charges on my debit card",
    "pull up the most recent transactions on my savings",
    "what payments have gone through my account lately",
    "which transactions happened on my card last weekend",
    "how many transactions did i make at restaurants last week",
    "Hello, could you show me what's gone out of my account recently?",
    "list the last five things i bought",
    "have there been any deposits into my account this week",
    "what was my most recent purchase",
    "I want to check the latest transactions on my credit card",
    "view my account activity for the past month",
    "tell me about my recent transactions",
    "show every transaction from my checking account in march",
  ],
  spending: [
    "have i been spending too much on fast food lately",
    "did i overspend on clothes last month",
    "how much have i dropped on video games recently",
    "what have i been spending my money on",
    "how much money did i use on groceries in the last month",
    "am i spending too much on coffee",
    "what did I spend on groceries",
    "how much money have i spent on eating out this month",
    "what did fuel cost me last week",
    "can you tell me how much I've spent at restaurants lately",
    "Hi, I'm trying to budget. How much did I spend last month?",
    "what's my spending been like this week",
    "how much went on clothing over the past month",
    "I'd like to see how much I spent on entertainment in april",
    "how much money went on coffee this month",
    "what was my total spending on travel this year",
    "give me a breakdown of what i spent last month",
    "how much did i spend at walmart",
    "I want to know how much I've been spending on takeout",
    "tell me my spending history for the last two weeks",
    "how much cash did i spend over the holidays",
    "what's the total i've spent on amazon this year",
    "show me my spending on utilities",
    "how much did my groceries cost me in june",
    "Hello! How much have I spent on dining out since the first?",
    "what did i spend the most money on last month",
  ],
  transfer: [
    "I need to make a payment to my landlord.",
    "Please help me make a money transfer.",
    "I want to send some money to someone. Could you do that?",
    "I need to send money to my friend. Can you help?",
    "I'd like to make a transfer from my savings account.",
    "Can you make a transfer from my checking account to Jerry?",
    "Hi, I owe my friend for dinner and want to pay her back.",
    "Hello. I'm helping my son with college costs and need to send him some money.",
    "My cousin needs some cash, I want to transfer him 150 dollars.",
    "I need to get some money over to my savings account.",
    "I'd like to send one thousand three hundred and twenty bucks to Amir from my savings account.",
    "Transfer $1,760 to Jerry's account please.",
    "take 250 dollars out of my savings and put it in checking",
    "i need 80 bucks moved from my checking to my savings account",
    "send 300 from my checking account to my money market account",
    "move half my savings into my checking",
    "put five hundred dollars in my savings from my chase account",
    "i'd like to shift some funds into my other account",
    "get 40 dollars from checking into savings",
    "could you transfer my money to the other account",
    "could you help me send money to my savings",
    "move $50 from checking to savings",
    "I want to transfer money",
    "Ok, I want to transfer some money",
    "Can you help me make a transfer?",
    "i would like help moving money between accounts",
    "Hi, I need to send some money to my friend",
    "I'd like to transfer 200 dollars to my savings account please",
    "Hello, can you move money from my savings into checking?",
    "I need to pay my roommate back for the utilities",
    "please send one hundred bucks to Jerry",
    "transfer four hundred from my checking to my savings account",
    "i want to send money to my brother from my savings",
    "Can you make a payment of $75 to Rachel?",
    "I need to transfer funds to my landlord",
    "move some money over to my checking account",
    "Hi there, I'd like to send money to someone",
    "i need to get 60 dollars to maria from my checking",
    "I want to make a money transfer to my mom",
    "put 300 dollars into my savings from checking",
    "send $1,200 to my landlord for rent",
    "Good afternoon, I need to transfer some funds.",
    "I owe my sister 40 bucks, can you send it to her?",
    "shift 500 from savings to checking please",
    "Can you wire money to my dad's account?",
  ],
  freeze_card: [
    "I think someone stole my wallet, please lock my card",
    "can you put a freeze on my debit card",
    "i need to block my credit card right away",
    "Hi, please freeze my card, I can't find it",
    "turn off my card for now",
    "I'd like to temporarily freeze my visa",
    "lock down my debit card please",
    "stop anyone using my card",
  ],
  unfreeze_card: [
    "I found my card, can you unfreeze it?",
    "please unlock my debit card",
    "turn my card back on please",
    "Hi, I'd like to remove the freeze on my credit card",
    "can my card be unblocked now",
    "reactivate my card, I found it",
    "lift the lock on my card",
    "I want my visa card working again",
  ],
  payees: [
    "who do I have saved as payees",
    "can I see the people I can send money to",
    "show me my list of recipients",
    "Hi, I'd like to view my saved payees",
    "which recipients are set up on my account",
    "list the payees on my account",
  ],
  human_agent: [
    "I'd like to speak to a real person please",
    "can I talk to someone at the bank",
    "Hi, I need to speak with a customer service representative",
    "connect me with a live agent",
    "get me a human being",
    "is there a person I can talk to about this",
  ],
};

export interface CheckSetResult {
  right: number;
  total: number;
  perIntent: Record<string, [number, number]>;
  errors: { text: string; intent: string; got: string }[];
}

/** The full classify() output (small-talk reading and plain-request rules included) on CHECK_SET. */
export function scoreCheckSet(model: { classify(text: string): { intent: string } }): CheckSetResult {
  const result: CheckSetResult = { right: 0, total: 0, perIntent: {}, errors: [] };
  for (const [intent, texts] of Object.entries(CHECK_SET)) {
    const cell = (result.perIntent[intent] = [0, 0]);
    for (const text of texts) {
      const got = model.classify(text).intent;
      cell[1]++;
      result.total++;
      if (got === intent) {
        cell[0]++;
        result.right++;
      } else result.errors.push({ text, intent, got });
    }
  }
  return result;
}

/** One line per intent plus the total, as the reports print it. */
export function formatCheckSet(r: CheckSetResult): string {
  const rate = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}% (${a}/${b})`;
  return [
    `  own check-set (never trained on)  ${rate(r.right, r.total)}`,
    ...Object.entries(r.perIntent).map(([k, [a, b]]) => `    ${k.padEnd(16)} ${rate(a, b)}`),
  ].join("\n");
}
