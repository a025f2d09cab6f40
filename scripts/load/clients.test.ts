import { describe, expect, it } from "vitest";
import { whoAnswered } from "./clients.js";

describe("who answered an error", () => {
  it("names Teller's code and request id from the gateway's error shape", () => {
    expect(whoAnswered(JSON.stringify({ error: { code: "unavailable", message: "could not check", requestId: "req-1" } }))).toBe("teller unavailable (request req-1)");
    expect(whoAnswered(JSON.stringify({ error: { code: "internal", message: "x" } }))).toBe("teller internal");
  });

  it("tells wrangler dev's proxy (a reload of the Workers) from anything else, quoting the body", () => {
    const proxy = "Your worker restarted mid-request. Please try sending the request again. Only GET or HEAD requests are retried automatically.";
    expect(whoAnswered(proxy)).toMatch(/^wrangler dev's proxy \(its forward to the Workers failed; it says a restart\): "Your worker restarted mid-request\. .{60,}…"$/);
    expect(whoAnswered("Internal Server Error")).toBe(`not Teller's error shape: "Internal Server Error"`);
    expect(whoAnswered("")).toBe(`not Teller's error shape: ""`);
  });
});
