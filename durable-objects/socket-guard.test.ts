import { describe, expect, it } from "vitest";
import { STATUS_RECHECK_MS, statusDue, tokenExpired, type SocketAuth } from "./socket-guard.js";

describe("an open chat socket's guard", () => {
  const opened: SocketAuth = { tokenValidUntil: 10_000, statusCheckedAt: 1_000 };

  it("expires with the token that opened it, and never for a token without an expiry", () => {
    expect(tokenExpired(opened, 9_999)).toBe(false);
    expect(tokenExpired(opened, 10_000)).toBe(true);
    expect(tokenExpired({ tokenValidUntil: null, statusCheckedAt: 0 }, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(tokenExpired(null, 10_000)).toBe(false);
  });

  it("re-checks the customer's status every STATUS_RECHECK_MS, and never for a socket without its attachment", () => {
    expect(statusDue(opened, 1_000 + STATUS_RECHECK_MS - 1)).toBe(false);
    expect(statusDue(opened, 1_000 + STATUS_RECHECK_MS)).toBe(true);
    expect(statusDue(null, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
