// A message that is nothing but emoji. The model, trained on words, read "👍" as out of scope
// ("Sorry, I can't help with that"); the common acknowledgements and waves are small talk. An emoji
// is never a "yes" to a confirmation: money moves only on words or the button.

const THANKS = /^(?:\u{1F44D}|\u{1F44C}|\u{1F64F}|\u{1F60A}|\u{1F642}|\u{1F600}|\u{1F603}|\u{1F604}|\u{2764}|\u{1F499}|\u{1F49A}|\u{1F389}|\u{2705}|\u{1F4AF})$/u;
const GREETING = /^\u{1F44B}$/u;
// Skin tones, the variation selector and joiners change how an emoji looks, not what it says.
const MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\s]/gu;

/** "thanks" for 👍 / 🙏 / 😊 …, "greeting" for 👋, undefined for anything else. */
export function emojiIntent(text: string): "thanks" | "greeting" | undefined {
  const glyphs = [...text.replace(MODIFIERS, "")];
  if (glyphs.length === 0 || glyphs.length > 5) return undefined;
  if (glyphs.every((g) => THANKS.test(g))) return "thanks";
  if (glyphs.every((g) => GREETING.test(g))) return "greeting";
  return undefined;
}
