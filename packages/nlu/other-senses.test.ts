import { describe, expect, it } from "vitest";
import { otherSense } from "./other-senses";

describe("otherSense: bank words in other senses", () => {
  it.each([
    "what's the balance of power in the senate",
    "what is the balance of nature",
    "how do i keep a good work-life balance",
    "tips for work life balance",
    "how do i balance a tire",
    "how much does it cost to balance my tyres",
    "is my ps5 account locked",
    "how do i reset my netflix account",
    "my xbox account was hacked",
    "cancel my spotify account",
    "i can't log into my steam account",
    "my nintendo switch account is banned",
    "how do i report a lost dog",
    "i found a lost cat",
    "my dog is missing",
    "how do i top up my oyster card",
    "i lost my library card",
    "what's the gift card balance at target",
    "check my starbucks gift card balance",
    "transfer my phone number to a new carrier",
    "how do i transfer my photos to a new phone",
    "port my number to verizon",
    "transfer my gym membership to my wife",
    // nlu7: balance of a team or a diet; school transfers; lending; other banks' products.
    "what's the balance of my dnd character",
    "how do i fix the balance in my diet",
    "can i transfer my college credits to a state school",
    "i want to transfer to a different university",
    "could you loan me 200 bucks till friday",
    "can i borrow 50 dollars",
    "which bank has the best interest rates",
    "what's the highest yield savings account at another bank",
    "did the federal reserve raise rates again",
    "what are mortgage rates at the fed right now",
    "how's the balance in this cocktail",
    "where is the best casino in vegas",
    "can i cash out my poker chips online",
    "save this article for later",
    "any tips to save money on gas",
    "explain the balance of payments",
    "how can i save money on my electric bill",
    "can i transfer my concert tickets to a friend",
    "transfer my prescription to a new pharmacy",
  ])("declines %s", (text) => {
    expect(otherSense(text)).toBe(true);
  });

  it.each([
    "what's my balance",
    "what's the balance of my savings account",
    "balance of my checking please",
    "my account is locked",
    "is my account blocked",
    "i lost my card",
    "my card was stolen",
    "how do i top up my card",
    "can i top up with a gift card",
    "netflix charged me twice",
    "why did my netflix account charge my card twice",
    "cancel my spotify subscription payment",
    "i want to pay my gym with my card",
    "what's the balance on my credit card",
    "how do i balance my checkbook",
    "who do i report card theft to",
    "i need to switch accounts",
    "transfer my money to a new account",
    "move my funds to my savings",
    "transfer my savings account to my wife",
    "can i transfer money to another bank", // nlu7: other banks are only declined when shopping for their products
    "what's the interest rate on my savings account",
    "can i transfer my credit card balance",
    "what's the interest rate on my navy fed account",
    "save the receipt for later", // not declined: a receipt of a payment
    "how much did i spend at the casino last month",
    "show my transactions at the casino",
    "how much have i spent on lottery tickets",
    "what's the balance in my wine club account",
    "how can i save money on transfer fees",
    "what's the balance on my checking",
  ])("leaves %s alone", (text) => {
    expect(otherSense(text)).toBe(false);
  });
});

// nlu8: the fifth probe's declines, in lines that are not in it (scripts/nlu/probe-set-5.ts).
describe("otherSense, nlu8", () => {
  it.each([
    "please transfer this call to billing support",
    "move my meeting with the vet to friday",
    "send an email to the school about the trip",
    "send this text to my sister",
    "transfer the photos to my laptop",
    "i want to spend more time with my kids",
    "how much should we spend on a wedding dress",
    "how many transactions per second does bitcoin do",
    "my profile on facebook was hacked",
    "what's my snapchat score",
    "what is the interest of this novel",
  ])("declines %s", (text) => {
    expect(otherSense(text)).toBe(true);
  });

  it.each([
    "how much did i spend the weekend before last",
    "send money to my sister",
    "transfer 20 dollars to my son",
    "how much have i spent on my kids this month",
    "send the payment to my landlord",
    "what's my credit score",
  ])("leaves %s alone", (text) => {
    expect(otherSense(text)).toBe(false);
  });
});

// nlu9: the sixth probe's declines, in lines that are not in it (scripts/nlu/probe-set-6.ts).
describe("otherSense, nlu9", () => {
  it.each([
    "how many points did curry score in the finals",
    "who scored the most points this season",
    "when are my library books due",
    "what's the due date on my essay",
    "does my passport expire next year",
    "when will my driver's license expire",
    "what is my lyft passenger rating",
    "which is the best credit card for students",
    "how much does a used honda civic cost",
    "should i get my wheel balancing done",
  ])("declines %s", (text) => {
    expect(otherSense(text)).toBe(true);
  });

  it.each([
    "how many points do i have on my card",
    "when is my credit card payment due",
    "when does my visa expire",
    "what's my credit score",
    "how much does a transfer cost",
    "how much does a replacement card cost",
    "how much did the new couch cost me",
    "what's the best way to pay off my credit card",
  ])("leaves %s alone", (text) => {
    expect(otherSense(text)).toBe(false);
  });
});
