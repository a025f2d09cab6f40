import { describe, expect, it } from "vitest";
import { bareRecipientName, extractRecipientName } from "./recipient";

describe("extractRecipientName", () => {
  it.each([
    ["send 20 to Jordan", "Jordan"],
    ["pay Jordan 12.50 every friday", "Jordan"],
    ["transfer $50 to Alex Smith from checking", "Alex Smith"],
    ["send mom 50", "mom"],
    ["pay 30 to my sister", "sister"],
    ["can you send alex 25 dollars", "alex"],
    ["I'd like to make a payment to Jordan of $45", "Jordan"],
    ["I'm sending 20 to Sam", "Sam"],
    ["a wire transfer to Maria Lopez please", "Maria Lopez"],
    ["Can you send $50.25 to my landlord?", "landlord"],
    ["Could you make a transfer from my checking to Mahmoud's account?", "Mahmoud"],
    ["to Morgan", "Morgan"],
    ["to my sister.", "sister"],
    ["I need to send my mom some money.", "mom"],
    ["could you give Sam the cash", "Sam"],
    ["I'd like to pay my friend Daniel 75 dollars.", "Daniel"],
    ["trasnfer 50 dollars to john", "john"],
    ["Let's do a transfer. Six hundred dollars to Tom.", "Tom"],
    ["send a payment to my friend lucas", "lucas"],
    ["I want to pay Jordan back the $45 I owe him.", "Jordan"],
    ["I owe my friend Carlos fifty dollars, can you send it?", "Carlos"],
    ["reimburse anna 35 dollars", "anna"],
    // crowd30: slang for sending.
    ["shoot sam 15 dollars", "sam"],
    ["shoot 20 bucks to Maya", "Maya"],
    // crowd31: "to" before a verb is no name ("need to send", "savings to pay"), and a name said first
    // is the "him" or "her" sent to after it.
    ["my roommate Dana paid the whole electric bill so I need to send her 45 dollars", "Dana"],
    ["Hey, my buddy Carlos spotted me for gas, please send him twenty bucks.", "Carlos"],
    ["I'd like to split the cabin rental with Ravi, so send him $215.", "Ravi"],
    ["I just sold my bike to Kevin and need to refund him 40 dollars because it had a flat.", "Kevin"],
    ["I'm wondering if I can transfer money from my savings to pay my friend Zoe back.", "Zoe"],
    ["I'd like to split the bill with Sam and send him $22.50.", "Sam"],
    ["I'm trying to pay my roommate for utilities, can you send 48 dollars to Priya?", "Priya"],
    // nlu7: misspelt verbs, a lower-case full name at the end or before the amount, a trade before the
    // name, "pay back <name>".
    ["trasfer 25 to nina", "nina"],
    ["transfr 80 to Omar", "Omar"],
    ["please send 30 dollars to sara lopez", "sara lopez"],
    ["wire money to kate brown 200 dollars", "kate brown"],
    ["send 20 to mike asap", "mike"],
    ["send 15 to tom for lunch", "tom"],
    ["pay my electrician Dario 400 dollars", "Dario"],
    ["I want to pay my tutor Ana 60 bucks", "Ana"],
    ["pay back lena the 25 i owe her", "lena"],
    // Second batch: a business partner, a relative's name after who they are, number words with no currency.
    ["wire 900 to my business partner Tomas", "Tomas"],
    ["send 40 dollars to my son leo", "leo"],
    ["pay dana forty", "dana"],
    ["send 20 to my sister tomorrow", "sister"],
    // Third batch: who is paid back, the amount elsewhere.
    ["can i pay back my roommate Theo, i owe him 30", "Theo"],
    ["i need to pay my mom back", "mom"],
    // Fourth batch: a name before the amount wins over what the payment is for.
    ["pay Jordan 12.50 for dinner", "Jordan"],
    ["I need to send my cousin Ines $30 for lunch", "Ines"],
    // Fifth batch: telegraphic fragments.
    ["Send money. 40 bucks. To Aiden.", "Aiden"],
    // Sixth batch: an adverb after the relative; a role followed by what the payment is for.
    ["send 60 dollars to my brother urgently", "brother"],
    ["give 30 to my tutor for the lesson", "tutor"],
    ["pay my cleaner Rosa 50", "Rosa"],
  ])("%s → %s", (text, name) => {
    expect(extractRecipientName(text)).toBe(name);
  });

  it.each(["transfer 100 to checking tomorrow", "move 50 from savings to my credit card", "what's my balance", "pay my bill", "make a payment to my credit card", "moving money to savings", "to savings", "to my checking account", "to be honest", "send some money", "send them money please", "transfer the money", "send money to savings", "i want to pay back my loan early", "transfer 50 for groceries"])(
    "finds no name in %s",
    (text) => {
      expect(extractRecipientName(text)).toBeUndefined();
    },
  );
});

describe("bareRecipientName", () => {
  it.each([
    ["Morgan", "Morgan"],
    ["sam taylor", "sam taylor"],
    ["to Morgan.", "Morgan"],
    ["my landlord", "landlord"],
    ["Mom", "mom"],
    ["O'Brien", "O'Brien"],
  ])("%s → %s", (text, name) => {
    expect(bareRecipientName(text)).toBe(name);
  });

  it.each(["savings", "my checking account", "hmm", "what?", "yes", "send 20 to Morgan", "I don't know who", "20", "no one else", "help", "sorry", "umm", "maybe", "a human"])("finds no bare name in %s", (text) => {
    expect(bareRecipientName(text)).toBeUndefined();
  });
});

// nlu9: the fifth and sixth probes' missed recipients, in lines that are not in them.
describe("extractRecipientName, nlu9", () => {
  it.each([
    ["wire 800 to the landlord", "landlord"],
    ["pay the babysitter 60 tonight", "babysitter"],
    ["semd 40 to my dad", "dad"],
    ["transfer 25 too mike", "mike"],
    ["to my cousin Lena I want to send 70", "Lena"],
    ["for my sister Mira send please 30", "Mira"],
    ["can you get 120 over to Paolo", "Paolo"],
    ["could jonah get 40 from me", "jonah"],
    ["spot kyle 20 for pizza", "kyle"],
    ["send 15 to Ivy anyway", "Ivy"],
  ])("%s → %s", (text, name) => {
    expect(extractRecipientName(text)).toBe(name);
  });

  it.each(["pay my creditcard", "send 50 to the gym", "get 20 to savings", "to be honest i want to send it later"])("finds no name in %s", (text) => {
    expect(extractRecipientName(text)).toBeUndefined();
  });
});

// defects17: "same again but to Jordan" has no verb before "to", so no one was read and the
// repeat was declined ("Sorry, I can't help with that.") instead of "no saved payee called …".
describe("extractRecipientName, a repeat sent elsewhere", () => {
  it.each([
    ["same again but to Jordan", "Jordan"],
    ["same again but to Sam", "Sam"],
    ["do that again but to my sister", "sister"],
    ["the same again, but to Jordan Lee from savings", "Jordan Lee"],
    ["repeat that transfer but only to Chidi", "Chidi"],
  ])("%s → %s", (text, name) => {
    expect(extractRecipientName(text)).toBe(name);
  });

  it.each(["same again but 50", "same again but from savings", "same again but to savings", "same again but for dinner"])("finds no name in %s", (text) => {
    expect(extractRecipientName(text)).toBeUndefined();
  });
});

// explore19: "move 50 to savngs" read "savngs" as a second recipient beside savings and answered
// "I can send to one recipient at a time." An account's name with a slip names no one.
describe("extractRecipientName, an account's name with a slip", () => {
  it.each(["move 50 to savngs", "send 50 to savngs from checking", "send 50 from chekcing to savngs", "transfer 20 to my chekcing", "pay 30 to my credt card"])(
    "finds no name in %s",
    (text) => {
      expect(extractRecipientName(text)).toBeUndefined();
    },
  );

  it("still reads a name that only starts like one (Sasha, Chen)", () => {
    expect(extractRecipientName("send 20 to Sasha")).toBe("Sasha");
    expect(extractRecipientName("send 20 to Chen")).toBe("Chen");
  });
});
