import { describe, expect, it } from "vitest";
import { looksNonEnglish } from "./language";

describe("messages in another language", () => {
  it("are told apart by script or by their everyday words", () => {
    for (const text of ["hola, cuál es mi saldo?", "quel est mon solde", "wie hoch ist mein Kontostand?", "我的余额是多少", "какой у меня баланс", "qual é o meu saldo"]) {
      expect(looksNonEnglish(text), text).toBe(true);
    }
  });

  it("leave English alone, however it is spelled or whatever names and emoji it has", () => {
    for (const text of [
      "whats my balanse",
      "move 50 bucks 2 savings",
      "send 20 to María García",
      "hola",
      "send 50 to mi mama",
      "what is my balance 😊",
      "👍",
      "pay Café de la Paz 12 dollars",
      "is the card ok",
    ]) {
      expect(looksNonEnglish(text), text).toBe(false);
    }
  });
});
