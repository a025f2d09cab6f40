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
  // The runtime's native decoder where there is one (workerd, Node): a fresh isolate decodes the
  // model's tables before the JIT has warmed up, when the loop below runs interpreted.
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

/** How many bytes `text` decodes to (its length and padding only; characters are checked on decode). */
export function base64ByteLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  return Math.floor((end * 6) / 8);
}

// Padding reads as zero bits (the encoder pads with zero bits); anything else outside the alphabet
// stays 255 and throws. Reads past the end give undefined, i.e. zero bits too.
const DIGIT = LOOKUP.slice();
DIGIT[61 /* = */] = 0;

/**
 * The 24 bits of the four characters at `i` (three bytes), read through `digits` (LOOKUP, or
 * DIGIT where padding counts as zero bits); throws on a character outside the alphabet. One call
 * per four characters: no helper call per character, as a fresh isolate runs this interpreted.
 */
function group(digits: Uint8Array, text: string, i: number): number {
  const a = digits[text.charCodeAt(i)]!;
  const b = digits[text.charCodeAt(i + 1)]!;
  const c = digits[text.charCodeAt(i + 2)]!;
  const d = digits[text.charCodeAt(i + 3)]!;
  if ((a | b | c | d) > 63) throw new Error(`invalid base64 near ${i}`);
  return (a << 18) | (b << 12) | (c << 6) | d;
}

/**
 * Decodes bytes [start, end) of what `text` encodes into `out` from `at` on, touching only the
 * characters that hold them (decodeBase64Span's fallback where there is no atob).
 */
export function decodeBase64Into(text: string, start: number, end: number, out: Uint8Array | Int8Array, at = 0): void {
  const last = at + end - start;
  let o = at;
  let g = Math.floor(start / 3);
  let j = start - g * 3;
  while (o < last) {
    const n = group(DIGIT, text, g * 4);
    for (; j < 3 && o < last; j++) out[o++] = (n >> (16 - 8 * j)) & 255;
    j = 0;
    g++;
  }
}

/**
 * Bytes [start, end) of what `text` encodes, as a binary string (charCodeAt(k) = byte start + k).
 * Uses the runtime's native atob on just the characters that hold them: a fresh isolate reads its
 * first rows before the JIT has warmed up, when a hand-written decode loop runs interpreted.
 */
export function decodeBase64Span(text: string, start: number, end: number): string {
  if (end <= start) return "";
  const first = Math.floor(start / 3);
  const last = Math.ceil(end / 3);
  if (typeof atob !== "function") {
    const out = new Uint8Array(end - start);
    decodeBase64Into(text, start, end, out);
    return String.fromCharCode(...out);
  }
  const binary = atob(text.slice(first * 4, last * 4));
  return binary.slice(start - first * 3, end - first * 3);
}

/** Byte `index` of what `text` encodes. */
export function base64ByteAt(text: string, index: number): number {
  const g = Math.floor(index / 3);
  return (group(DIGIT, text, g * 4) >> (16 - 8 * (index - g * 3))) & 255;
}

/**
 * Non-negative integers below 64^width, each written as `width` base64 digits, most significant
 * first: a table the runtime reads in place (entry i at characters i × width …), nothing to decode
 * at load.
 */
export function encodeFixedWidth(values: ArrayLike<number>, width: number): string {
  const limit = Math.pow(64, width);
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= limit) throw new Error(`${v} does not fit ${width} base64 digits`);
    let digits = "";
    for (let d = 0; d < width; d++) {
      digits = ALPHABET[v % 64]! + digits;
      v = Math.floor(v / 64);
    }
    chunk += digits;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

/** Entry `index` of a table written by encodeFixedWidth. */
export function readFixedWidth(text: string, index: number, width: number): number {
  let v = 0;
  // Multiplication, not shifts: six digits hold 36 bits, beyond 32-bit integer arithmetic.
  for (let i = index * width, end = i + width; i < end; i++) {
    const digit = LOOKUP[text.charCodeAt(i)];
    if (digit === undefined || digit > 63) throw new Error(`invalid base64 digit near ${i}`);
    v = v * 64 + digit;
  }
  return v;
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
