import { describe, expect, it } from "vitest";
import { MessageReader, ServerAuth, message } from "./pg-wire.js";

const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const body = (m: Buffer) => m.subarray(5).toString("utf8");

describe("Postgres wire helpers", () => {
  it("splits messages that arrive cut across chunks", () => {
    const reader = new MessageReader();
    const bytes = Buffer.concat([message("Z", Buffer.from("I")), message("C", Buffer.from("SELECT 1\0"))]);
    expect(reader.push(bytes.subarray(0, 3))).toEqual([]);
    const messages = reader.push(bytes.subarray(3));
    expect(messages.map((m) => m.type)).toEqual(["Z", "C"]);
    expect(messages[1]!.body.toString("utf8")).toBe("SELECT 1\0");
  });

  it("answers SCRAM-SHA-256 as RFC 7677's example does, and checks the server's signature", () => {
    const auth = new ServerAuth("user", "pencil", { nonce: "rOprNGfwEbeRWgbNEkqO", name: "user" });
    const first = auth.answer(Buffer.concat([int32(10), Buffer.from("SCRAM-SHA-256\0\0")]));
    expect(first).toBeInstanceOf(Buffer);
    expect((first as Buffer).subarray(5).toString("latin1")).toContain("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    const serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    const final = auth.answer(Buffer.concat([int32(11), Buffer.from(serverFirst)]));
    expect(body(final as Buffer)).toBe("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    expect(auth.answer(Buffer.concat([int32(12), Buffer.from("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")]))).toBeUndefined();
    expect(auth.answer(int32(0))).toBe("ok");
  });

  it("refuses a server whose SCRAM signature is wrong", () => {
    const auth = new ServerAuth("user", "pencil", { nonce: "rOprNGfwEbeRWgbNEkqO", name: "user" });
    auth.answer(Buffer.concat([int32(10), Buffer.from("SCRAM-SHA-256\0\0")]));
    auth.answer(Buffer.concat([int32(11), Buffer.from("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")]));
    expect(() => auth.answer(Buffer.concat([int32(12), Buffer.from("v=AAAA")]))).toThrow(/signature/);
  });

  it("answers MD5 with md5(md5(password + user) + salt)", () => {
    const auth = new ServerAuth("postgres", "secret");
    const answer = auth.answer(Buffer.concat([int32(5), Buffer.from([1, 2, 3, 4])])) as Buffer;
    expect(body(answer)).toMatch(/^md5[0-9a-f]{32}\0$/);
  });
});
