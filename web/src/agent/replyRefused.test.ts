import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../api.js";
import { afterReplyRefused } from "./replyRefused.js";
import { handoffDetail } from "./fixtures.js";

const detail = handoffDetail();

describe("a reply the server refused", () => {
  it("because the bank disabled the customer since the page loaded: read only, and says why in plain words", () => {
    const after = afterReplyRefused(detail, new ApiError(409, "customer_disabled", "the bank has disabled this customer's access; the conversation can be read but not answered"));
    expect(after).not.toBeNull();
    expect(after!.detail.handoff.customerDisabled).toBe(true);
    expect(after!.notice).toBe("Not sent: the bank has disabled Alex Kim's access since you opened this conversation. You can still read it; resolve it or hand it back.");
  });

  it("for any other reason: not handled here (the code, never the message, decides)", () => {
    expect(afterReplyRefused(detail, new ApiError(409, "conflict", "the bank has disabled this customer's access"))).toBeNull();
    expect(afterReplyRefused(detail, new NetworkError("offline"))).toBeNull();
  });
});
