import { beforeAll, describe, expect, it } from "vitest";
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { verifyAccessToken, type TokenPolicy } from "./verify-token.js";

/**
 * The gateway's own verifier must accept and refuse exactly what jose's jwtVerify did with the
 * gateway's options, failing with the same error class and claim (the audit reason comes from
 * those): every case below runs through both.
 */
const policy: TokenPolicy = {
  algorithms: ["ES256", "RS256"],
  issuer: "https://login.bank.example",
  audience: "teller",
  tokenType: "at+jwt",
  clockToleranceSeconds: 30,
  maxTokenAgeSeconds: 3600,
};
const joseOptions = {
  algorithms: ["ES256", "RS256"],
  issuer: policy.issuer,
  audience: policy.audience,
  requiredClaims: ["exp", "sub", "iat"],
  clockTolerance: policy.clockToleranceSeconds,
  maxTokenAge: policy.maxTokenAgeSeconds,
  typ: "at+jwt",
};

let es: CryptoKeyPair;
let rs: CryptoKeyPair;
let foreign: CryptoKeyPair;
let keys: JWTVerifyGetKey;

beforeAll(async () => {
  es = (await generateKeyPair("ES256", { extractable: true })) as CryptoKeyPair;
  rs = (await generateKeyPair("RS256", { extractable: true })) as CryptoKeyPair;
  foreign = (await generateKeyPair("ES256", { extractable: true })) as CryptoKeyPair;
  keys = createLocalJWKSet({
    keys: [
      { ...(await exportJWK(es.publicKey)), kid: "es", alg: "ES256", use: "sig" },
      { ...(await exportJWK(rs.publicKey)), kid: "rs", alg: "RS256", use: "sig" },
    ],
  });
});

const now = () => Math.floor(Date.now() / 1000);
const valid = (): JWTPayload => ({ iss: policy.issuer, aud: policy.audience, sub: "cus_1", iat: now(), exp: now() + 600 });

function sign(payload: JWTPayload, header: Record<string, unknown> = {}, key?: CryptoKey): Promise<string> {
  const alg = (header.alg as string | undefined) ?? "ES256";
  return new SignJWT(payload)
    .setProtectedHeader({ alg, kid: alg === "RS256" ? "rs" : "es", typ: "at+jwt", ...header } as never)
    .sign(key ?? (alg === "RS256" ? rs.privateKey : es.privateKey));
}

function b64(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Any header and payload, signed by the trusted ES256 key (for what SignJWT refuses to build). */
async function signRaw(header: Record<string, unknown>, payload: unknown, encodedPayload = b64(payload)): Promise<string> {
  const input = `${b64({ alg: "ES256", kid: "es", typ: "at+jwt", ...header })}.${encodedPayload}`;
  const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, es.privateKey, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

/** What a verification came to: the payload, or the error's class name and claim. */
async function outcome(verify: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await verify() };
  } catch (error) {
    const e = error as Error & { claim?: string; code?: string };
    return { error: e.constructor.name, claim: e.claim, code: e.code };
  }
}

async function expectSameAsJose(jwt: string): Promise<unknown> {
  const ours = await outcome(() => verifyAccessToken(jwt, keys, policy));
  const theirs = await outcome(async () => (await jwtVerify(jwt, keys, joseOptions)).payload);
  expect(ours).toEqual(theirs);
  return ours;
}

describe("verifyAccessToken agrees with jose's jwtVerify", () => {
  const cases: Array<[string, () => Promise<string>, ("accepts" | "refuses")?]> = [
    ["a valid ES256 token", () => sign(valid()), "accepts"],
    ["a valid RS256 token", () => sign(valid(), { alg: "RS256" }), "accepts"],
    ["an audience list that includes ours", () => sign({ ...valid(), aud: ["other", "teller"] }), "accepts"],
    ["typ in its full media type form and another case", () => sign(valid(), { typ: "Application/AT+JWT" }), "accepts"],
    ["claims with text outside ASCII", () => sign({ ...valid(), name: "José Müller 🙂" }), "accepts"],
    ["a payload with a character outside base64url", async () => {
      const [header, payload, signature] = (await sign(valid())).split(".");
      return `${header}.${payload!.slice(0, -1)}+.${signature}`;
    }],
    ["claims that are not UTF-8", () => signRaw({}, undefined, base64url(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])))],
    ["a payload of impossible length", async () => {
      const [header, payload, signature] = (await sign(valid())).split(".");
      return `${header}.${payload}${payload!.length % 4 === 0 ? "A" : ""}.${signature}`;
    }],
    ["an expiry within the clock tolerance", () => sign({ ...valid(), iat: now() - 100, exp: now() - 10 }), "accepts"],
    ["a tampered payload", async () => {
      const [header, , signature] = (await sign(valid())).split(".");
      return `${header}.${b64({ ...valid(), sub: "cus_other" })}.${signature}`;
    }],
    ["a signature from another key under the trusted kid", () => sign(valid(), {}, foreign.privateKey)],
    ["an unknown kid", () => sign(valid(), { kid: "rotated" })],
    ["ES256 under the RSA key's kid", () => sign(valid(), { kid: "rs" })],
    ["alg none", async () => `${b64({ alg: "none", typ: "at+jwt" })}.${b64(valid())}.`],
    ["an algorithm outside the pinned ones", async () => `${b64({ alg: "HS256", kid: "es", typ: "at+jwt" })}.${b64(valid())}.AAAA`],
    ["a missing alg", async () => `${b64({ kid: "es", typ: "at+jwt" })}.${b64(valid())}.AAAA`],
    ["a critical extension", () => signRaw({ crit: ["exp-ext"], "exp-ext": true }, valid())],
    ["a critical b64 extension", () => signRaw({ crit: ["b64"], b64: false }, valid())],
    ["a header that is not JSON", async () => `bm90IGpzb24.${b64(valid())}.AAAA`],
    ["a header that is a JSON array", async () => `${b64(["ES256"])}.${b64(valid())}.AAAA`],
    ["two segments", async () => `${b64({ alg: "ES256" })}.${b64(valid())}`],
    ["a signature that is not base64url", async () => `${(await sign(valid())).split(".").slice(0, 2).join(".")}.@@@@`],
    ["a payload that is not an object", () => signRaw({}, "not an object")],
    ["a payload that is a JSON array", () => signRaw({}, [valid()])],
    ["the wrong typ", () => sign(valid(), { typ: "JWT" })],
    ["no typ", () => sign(valid(), { typ: undefined })],
    ["the wrong issuer", () => sign({ ...valid(), iss: "https://evil.example" })],
    ["the wrong audience", () => sign({ ...valid(), aud: "another-app" })],
    ["no iss", () => sign({ ...valid(), iss: undefined })],
    ["no aud", () => sign({ ...valid(), aud: undefined })],
    ["no sub", () => sign({ ...valid(), sub: undefined })],
    ["no exp", () => sign({ ...valid(), exp: undefined })],
    ["no iat", () => sign({ ...valid(), iat: undefined })],
    ["exp that is not a number", () => sign({ ...valid(), exp: "soon" as never })],
    ["iat that is not a number", () => sign({ ...valid(), iat: "now" as never })],
    ["nbf that is not a number", () => sign({ ...valid(), nbf: "later" as never })],
    ["an expired token", () => sign({ ...valid(), iat: now() - 300, exp: now() - 60 })],
    ["nbf beyond the tolerance", () => sign({ ...valid(), nbf: now() + 120 })],
    ["iat in the future", () => sign({ ...valid(), iat: now() + 120 })],
    ["older than the maximum age", () => sign({ ...valid(), iat: now() - 3700, exp: now() + 600 })],
  ];
  for (const [what, token, expected = "refuses"] of cases) {
    it(`${expected} ${what}, as jose does`, async () => {
      const result = (await expectSameAsJose(await token())) as { ok?: unknown };
      expect(result.ok !== undefined).toBe(expected === "accepts");
    });
  }

  it("returns the claims of an accepted token", async () => {
    const claims = await verifyAccessToken(await sign(valid()), keys, policy);
    expect(claims).toMatchObject({ sub: "cus_1", iss: policy.issuer, aud: policy.audience });
  });

  it("skips the typ check only when no token type is configured", async () => {
    const untyped = await sign(valid(), { typ: "JWT" });
    await expect(verifyAccessToken(untyped, keys, policy)).rejects.toThrow();
    await expect(verifyAccessToken(untyped, keys, { ...policy, tokenType: undefined })).resolves.toMatchObject({ sub: "cus_1" });
  });

  it("refuses a signed payload with whitespace or padding in its base64url, which jose's decoder lets pass", async () => {
    const claims = b64(valid());
    const padding = "=".repeat((4 - (claims.length % 4)) % 4) || "====";
    for (const encoded of [`${claims.slice(0, 8)} ${claims.slice(8)}`, `${claims}${padding}`]) {
      await expect(verifyAccessToken(await signRaw({}, undefined, encoded), keys, policy)).rejects.toMatchObject({ code: "ERR_JWS_INVALID" });
    }
  });

  it("never uses a key the key set hands back for another algorithm", async () => {
    const wrongKind: JWTVerifyGetKey = async () => rs.publicKey;
    await expect(verifyAccessToken(await sign(valid()), wrongKind, policy)).rejects.toBeInstanceOf(TypeError);
  });
});
