// Whether a message is written in another language than English. Teller understands English only;
// the model read "hola, cuál es mi saldo?" as a greeting and other languages as out of scope, so
// customers were greeted or told "I can't help with that" instead of being told why.

// Everyday words of Spanish, French, German, Portuguese and Italian that are not English words too
// (no "die", "was", "me", "no", "a"): names like "María García" hit none of them.
const FOREIGN = new Set(
  (
    "hola gracias por favor quiero quisiera necesito puedo tengo cuál cual cuánto cuanto cuánta dónde donde cómo qué " +
    "mi mis es el los las del una dinero cuenta saldo tarjeta transferir ayuda ahorros pagar " +
    "bonjour merci quel quelle quels est mon ma mes le les du je veux voudrais compte solde argent combien carte " +
    "virement vous plaît plait avec pour oui " +
    "hallo danke bitte ist mein meine meinen meinem wie hoch ich möchte konto kontostand geld karte überweisen " +
    "und das der nicht ein eine haben " +
    "olá obrigado obrigada meu minha qual conta dinheiro você cartão saldo " +
    "ciao grazie il mio è conto soldi voglio"
  ).split(" "),
);
const ENGLISH = new Set(
  "i my me the a an is are what how much many can you please to from and of in on for do does show send transfer balance card account money want".split(" "),
);

/** True when most letters are of a non-Latin script, or the words are mostly another language's. */
export function looksNonEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 2) return false;
  const nonLatin = letters.filter((l) => !/\p{Script=Latin}/u.test(l)).length;
  if (nonLatin * 2 > letters.length) return true;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const foreign = words.filter((w) => FOREIGN.has(w)).length;
  const english = words.filter((w) => ENGLISH.has(w)).length;
  return foreign >= 2 && foreign > english * 2;
}
