import { errors, type JWTVerifyGetKey } from "jose";

/**
 * Verifies a compact JWS access token with WebCrypto directly: the same checks, in the same order
 * and with the same jose error classes, as jose's `jwtVerify` with the options the gateway used
 * (pinned algorithms, `typ`, `iss`, `aud`, required `exp`/`sub`/`iat`, `nbf`, clock tolerance,
 * maximum age), without its general-purpose machinery — a new token on every request is the
 * common case behind a load balancer that spreads a customer's requests over many isolates.
 * Keys still come from the key set (jose's JWKS selection by kid/alg/kty; it imports each key once
 * per isolate and keeps the CryptoKey), so a token never chooses its own key.
 */
export interface TokenPolicy {
  /** Accepted `alg` values; each must be one of VERIFIERS. */
  algorithms: readonly string[];
  issuer: string;
  audience: string;
  /** The `typ` header a token must carry (compared as media types, as jose does); undefined: any. */
  tokenType: string | undefined;
  clockToleranceSeconds: number;
  maxTokenAgeSeconds: number;
}

export interface VerifiedClaims {
  sub: string;
  exp: number;
  iat: number;
  [claim: string]: unknown;
}

/** WebCrypto parameters per JWS algorithm, and what the key must be. */
const VERIFIERS: Record<string, { params: { name: string; hash?: string }; keyAlgorithm: string; curve?: string; hash?: string; minRsaBits?: number }> = {
  ES256: { params: { name: "ECDSA", hash: "SHA-256" }, keyAlgorithm: "ECDSA", curve: "P-256" },
  RS256: { params: { name: "RSASSA-PKCS1-v1_5" }, keyAlgorithm: "RSASSA-PKCS1-v1_5", hash: "SHA-256", minRsaBits: 2048 },
};

const ascii = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export async function verifyAccessToken(jwt: string, keys: JWTVerifyGetKey, policy: TokenPolicy, nowMs = Date.now()): Promise<VerifiedClaims> {
  const firstDot = jwt.indexOf(".");
  const lastDot = jwt.lastIndexOf(".");
  if (firstDot < 0 || lastDot === firstDot || jwt.indexOf(".", firstDot + 1) !== lastDot) throw new errors.JWSInvalid("Invalid Compact JWS");
  const encodedHeader = jwt.slice(0, firstDot);
  const encodedPayload = jwt.slice(firstDot + 1, lastDot);
  const encodedSignature = jwt.slice(lastDot + 1);

  const { header, b64 } = protectedHeader(encodedHeader);
  const alg = header.alg;
  if (typeof alg !== "string" || !alg) throw new errors.JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  const verifier = policy.algorithms.includes(alg) ? VERIFIERS[alg] : undefined;
  if (!verifier) throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');

  const key = await keys(header as Parameters<JWTVerifyGetKey>[0], { payload: encodedPayload, signature: encodedSignature });
  if (!isSuitableKey(key, verifier)) throw new TypeError(`the key set returned a key that is not for ${alg}`);
  const signature = decodeBase64url(encodedSignature, () => new errors.JWSInvalid("Failed to base64url decode the signature"));
  let valid = false;
  try {
    valid = await crypto.subtle.verify(verifier.params, key, signature, ascii.encode(jwt.slice(0, lastDot)));
  } catch (cause) {
    throw new errors.JWSSignatureVerificationFailed(undefined, { cause });
  }
  if (!valid) throw new errors.JWSSignatureVerificationFailed();

  if (!b64) throw new errors.JWTInvalid("JWTs MUST NOT use unencoded payload");
  const claimBinary = decodeBase64urlBinary(encodedPayload, () => new errors.JWSInvalid("Failed to base64url decode the payload"));
  const claims = parseJson(claimBinary, () => new errors.JWTInvalid("JWT Claims Set must be a top-level JSON object"));
  checkClaims(header, claims, policy, Math.floor(nowMs / 1000));
  return claims as VerifiedClaims;
}

/** jose's claim checks for these options, in its order, with its error classes and claim names. */
function checkClaims(header: Record<string, unknown>, claims: Record<string, unknown>, policy: TokenPolicy, now: number): void {
  const failed = (message: string, claim: string, reason = "check_failed") => new errors.JWTClaimValidationFailed(message, claims, claim, reason);
  if (policy.tokenType !== undefined && (typeof header.typ !== "string" || mediaType(header.typ) !== mediaType(policy.tokenType))) throw failed('unexpected "typ" JWT header value', "typ");
  for (const claim of ["iss", "aud", "iat", "sub", "exp"]) {
    if (!Object.hasOwn(claims, claim)) throw failed(`missing required "${claim}" claim`, claim, "missing");
  }
  if (claims.iss !== policy.issuer) throw failed('unexpected "iss" claim value', "iss");
  const aud = claims.aud;
  if (!(aud === policy.audience || (Array.isArray(aud) && aud.includes(policy.audience)))) throw failed('unexpected "aud" claim value', "aud");
  const tolerance = policy.clockToleranceSeconds;
  const iat = numericDate(claims, "iat", failed);
  const nbf = numericDate(claims, "nbf", failed);
  if (nbf !== undefined && nbf > now + tolerance) throw failed('"nbf" claim timestamp check failed', "nbf");
  const exp = numericDate(claims, "exp", failed);
  if (exp !== undefined && exp <= now - tolerance) throw new errors.JWTExpired('"exp" claim timestamp check failed', claims, "exp", "check_failed");
  const age = now - iat!;
  if (age - tolerance > policy.maxTokenAgeSeconds) {
    throw new errors.JWTExpired('"iat" claim timestamp check failed (too far in the past)', claims, "iat", "check_failed");
  }
  if (age < -tolerance) throw failed('"iat" claim timestamp check failed (it should be in the past)', "iat");
}

function numericDate(
  claims: Record<string, unknown>,
  claim: string,
  failed: (message: string, claim: string, reason?: string) => Error,
): number | undefined {
  const value = claims[claim];
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw failed(`"${claim}" claim must be a number`, claim, "invalid");
  return value;
}

/** `at+jwt` and `application/at+jwt` are the same type; case does not matter (RFC 8725 §3.11). */
function mediaType(value: string): string {
  const lower = value.toLowerCase();
  return value.includes("/") ? lower : `application/${lower}`;
}

function isSuitableKey(key: unknown, verifier: (typeof VERIFIERS)[string]): key is CryptoKey {
  if (!(key instanceof CryptoKey) || key.type !== "public" || !key.usages.includes("verify")) return false;
  const algorithm = key.algorithm as unknown as { name: string; namedCurve?: string; hash?: { name: string }; modulusLength?: number };
  if (algorithm.name !== verifier.keyAlgorithm) return false;
  if (verifier.curve && algorithm.namedCurve !== verifier.curve) return false;
  if (verifier.hash && algorithm.hash?.name !== verifier.hash) return false;
  return !verifier.minRsaBits || (algorithm.modulusLength ?? 0) >= verifier.minRsaBits;
}

/**
 * An issuer signs every token with the same few headers (alg, kid, typ), so the parsed header is
 * remembered by its encoded form: the same string always parses to the same (frozen) header. Only
 * headers that parsed are kept, and only a few (a flood of made-up headers evicts nothing useful
 * for long: the map starts over when full).
 */
const knownHeaders = new Map<string, { header: Readonly<Record<string, unknown>>; b64: boolean }>();
const MAX_KNOWN_HEADERS = 32;

function protectedHeader(encoded: string): { header: Readonly<Record<string, unknown>>; b64: boolean } {
  const known = knownHeaders.get(encoded);
  if (known) return known;
  const header = Object.freeze(parseObject(encoded, () => new errors.JWSInvalid("JWS Protected Header is invalid")));
  const parsed = { header, b64: criticalB64(header) };
  if (knownHeaders.size >= MAX_KNOWN_HEADERS) knownHeaders.clear();
  knownHeaders.set(encoded, parsed);
  return parsed;
}

/**
 * `crit` as jose handles it: only `b64` is a known extension (anything else is not supported), and
 * an unencoded payload (`b64: false`) is then refused as a JWT after the signature check.
 */
function criticalB64(header: Record<string, unknown>): boolean {
  const crit = header.crit;
  if (crit === undefined) return true;
  if (!Array.isArray(crit) || crit.length === 0 || crit.some((name) => typeof name !== "string" || name.length === 0)) {
    throw new errors.JWSInvalid('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  }
  if (new Set(crit).size !== crit.length) throw new errors.JWSInvalid('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
  for (const name of crit as string[]) {
    if (name !== "b64") throw new errors.JOSENotSupported(`Extension Header Parameter "${name}" is not recognized`);
    if (header[name] === undefined) throw new errors.JWSInvalid(`Extension Header Parameter "${name}" is missing`);
  }
  if (typeof header.b64 !== "boolean") throw new errors.JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
  return header.b64;
}

function parseObject(segment: string, invalid: () => Error): Record<string, unknown> {
  return parseJson(decodeBase64urlBinary(segment, invalid), invalid);
}

/** `binary`: the decoded bytes as a binary string (one char per byte), as atob returns them. */
function parseJson(binary: string, invalid: () => Error): Record<string, unknown> {
  let value: unknown;
  try {
    // Claims are almost always ASCII: then the binary string is the text, without TextDecoder.
    value = JSON.parse(NON_ASCII.test(binary) ? strictUtf8.decode(binaryBytes(binary)) : binary);
  } catch {
    throw invalid();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid();
  return value as Record<string, unknown>;
}

const NON_ASCII = /[^\x00-\x7f]/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Unpadded base64url (RFC 7515 §2) to a binary string, refusing any other character (atob alone
 * would take padding, whitespace and '+/'); trailing bits are ignored, as atob does. atob is native:
 * a JavaScript loop over the claims and a spread into String.fromCharCode cost more.
 */
function decodeBase64urlBinary(segment: string, invalid: () => Error): string {
  if (segment.length % 4 === 1 || !BASE64URL.test(segment)) throw invalid();
  return atob(segment.replace(/-/g, "+").replace(/_/g, "/"));
}

function binaryBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64url character → its 6 bits; 255 for anything else (padding and whitespace included). */
const SEXTETS = new Uint8Array(128).fill(255);
for (const [i, c] of [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].entries()) SEXTETS[c.charCodeAt(0)] = i;

/** Unpadded base64url (RFC 7515 §2) to bytes, refusing any other character; trailing bits are ignored, as atob does. */
function decodeBase64url(segment: string, invalid: () => Error): Uint8Array {
  const length = segment.length;
  if (length % 4 === 1) throw invalid();
  const bytes = new Uint8Array((length * 3) >> 2);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < length; i++) {
    const code = segment.charCodeAt(i);
    const sextet = code < 128 ? SEXTETS[code]! : 255;
    if (sextet === 255) throw invalid();
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
