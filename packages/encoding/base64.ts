// The one base64 helper: without Buffer, so the same code runs in workerd, Node, the browser and the trainer (atob only where present).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Indexed by UTF-16 code unit (64 KiB) so any non-alphabet character maps to 255 without a branch.
const LOOKUP = new Uint8Array(65536).fill(255);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    chunk += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=";
    chunk += i + 2 < bytes.length ? ALPHABET[n & 63]! : "=";
    // Flush now and then so string concatenation stays cheap on large inputs.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

const STRICT = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  // The runtime's native decoder where there is one (workerd, Node, browsers); the loop below
  // only where there is none.
  if (typeof atob === "function" && text.length % 4 === 0) {
    if (!STRICT.test(text)) throw new Error("invalid base64");
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return decodeBase64Portable(text);
}

function decodeBase64Portable(text: string): Uint8Array<ArrayBuffer> {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  const full = end - (end % 4);
  let o = 0;
  // Four characters → three bytes per step (runtimes without atob only).
  for (let i = 0; i < full; i += 4) {
    const n = group(LOOKUP, text, i);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  let buffer = 0;
  let bits = 0;
  for (let i = full; i < end; i++) {
    const v = LOOKUP[text.charCodeAt(i)]!;
    if (v > 63) throw new Error(`invalid base64 near ${i}`);
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/**
 * The 24 bits of the four characters at `i` (three bytes); throws on a character outside the
 * alphabet. One call per four characters: no helper call per character.
 */
function group(digits: Uint8Array, text: string, i: number): number {
  const a = digits[text.charCodeAt(i)]!;
  const b = digits[text.charCodeAt(i + 1)]!;
  const c = digits[text.charCodeAt(i + 2)]!;
  const d = digits[text.charCodeAt(i + 3)]!;
  if ((a | b | c | d) > 63) throw new Error(`invalid base64 near ${i}`);
  return (a << 18) | (b << 12) | (c << 6) | d;
}

/** URL-safe base64 without padding (RFC 4648 §5): tickets, cursors, PKCE, JWT segments. */
export function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes URL-safe base64, padded or not; throws on any other character. */
export function fromBase64Url(text: string): Uint8Array {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  return decodeBase64(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
}
