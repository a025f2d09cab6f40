import { describe, expect, it } from "vitest";
import { SSL_REQUEST, message, readyForQuery, simpleQuery, startupMessage } from "./pg-wire.js";
import { BackendMessageTracker, FrontendMessageTracker } from "./ws-proxy.js";

// How the proxy follows each direction of a plain session, byte by byte: the worst case for framing.
const sslRequest = () => {
  const packet = Buffer.alloc(8);
  packet.writeInt32BE(8, 0);
  packet.writeInt32BE(SSL_REQUEST, 4);
  return packet;
};
const byteByByte = (bytes: Buffer) => [...bytes].map((byte) => Buffer.from([byte]));

describe("the proxy's view of a client's stream", () => {
  it("sees an SSLRequest, then the startup packet, and Terminate only as a message", () => {
    const frontend = new FrontendMessageTracker();
    const seen = byteByByte(sslRequest()).map((chunk) => frontend.push(chunk));
    expect(seen.every((terminated) => !terminated)).toBe(true);
    expect(frontend.takeSslRequest()).toBe(true);
    expect(frontend.takeSslRequest()).toBe(false);
    // An 'X' inside the startup packet or a query is not a Terminate.
    const session = Buffer.concat([startupMessage({ user: "X", database: "X" }), simpleQuery("select 'X'")]);
    expect(byteByByte(session).some((chunk) => frontend.push(chunk))).toBe(false);
    expect(frontend.takeSslRequest()).toBe(false);
    const terminate = message("X");
    expect(frontend.push(terminate.subarray(0, 3))).toBe(false);
    expect(frontend.push(terminate.subarray(3))).toBe(true);
  });
});

describe("the proxy's view of a server's stream", () => {
  it("is at rest after ReadyForQuery 'I' until the client speaks, never inside a transaction or mid-message", () => {
    const backend = new BackendMessageTracker();
    backend.expectSslAnswer();
    backend.push(Buffer.from("N"));
    expect(backend.atRest).toBe(false);
    const ready = readyForQuery("I");
    backend.push(ready.subarray(0, 4));
    expect(backend.atRest).toBe(false);
    backend.push(ready.subarray(4));
    expect(backend.atRest).toBe(true);
    backend.clientSpoke();
    expect(backend.atRest).toBe(false);
    backend.push(readyForQuery("T"));
    expect(backend.atRest).toBe(false);
    backend.push(Buffer.concat([readyForQuery("I"), message("C").subarray(0, 2)]));
    expect(backend.atRest).toBe(false);
  });

  it("drops the SSL answer byte even when it arrives with the first message", () => {
    const backend = new BackendMessageTracker();
    backend.expectSslAnswer();
    backend.push(Buffer.concat([Buffer.from("N"), readyForQuery("I")]));
    expect(backend.atRest).toBe(true);
  });
});
