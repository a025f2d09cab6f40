// JSON.parse keeps the last of two equal keys ({"amount":1,"amount":1000} is 1000), while another
// parser on the way (a proxy, a log pipeline, an auditor's tool) may keep the first. A request that
// says two things must not be read as one of them, so bodies and frames with a repeated key are
// refused rather than guessed at.

export type StrictJson = { ok: true; value: unknown } | { ok: false; reason: "syntax" } | { ok: false; reason: "duplicate_key"; key: string };

/** JSON.parse, refusing text in which one object names the same key twice. */
export function parseStrictJson(text: string): StrictJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "syntax" };
  }
  const key = firstRepeatedKey(text);
  return key === undefined ? { ok: true, value } : { ok: false, reason: "duplicate_key", key };
}

/** What to tell the sender of a repeated key: "the body names "amount" twice; send each field once". */
export function repeatedKeyMessage(subject: "body" | "frame", key: string): string {
  return `the ${subject} names "${key.slice(0, 40)}" twice; send each field once`;
}

/**
 * The first key an object repeats, for text already known to be valid JSON: the only tokens that
 * matter are strings (a key when its object is waiting for one), braces, brackets, colons and
 * commas; numbers and literals are skipped. Keys are compared decoded ("a" and "\u0061" are equal).
 */
export function firstRepeatedKey(text: string): string | undefined {
  // One entry per open container: the keys seen for an object, null for an array.
  const open: Array<Set<string> | null> = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (expectingKey) {
        const raw = text.slice(i, end + 1);
        const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = open.at(-1)!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      expectingKey = true;
    } else if (c === 0x5b /* [ */) {
      open.push(null);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      expectingKey = false;
    } else if (c === 0x2c /* , */) {
      expectingKey = open.at(-1) instanceof Set;
    }
  }
  return undefined;
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i;
  }
  return text.length - 1;
}
