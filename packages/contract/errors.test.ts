import { describe, expect, it } from "vitest";
import { describeIssues, errorBody, fail, ok } from "./errors.js";

describe("errorBody", () => {
  it("carries code and message, and the request id only when there is one", () => {
    expect(errorBody("not_found", "account not found", "req-1")).toEqual({ error: { code: "not_found", message: "account not found", requestId: "req-1" } });
    expect(errorBody("internal", "something went wrong")).toEqual({ error: { code: "internal", message: "something went wrong" } });
  });
});

describe("describeIssues", () => {
  it("names each field, lists unknown keys, and stops after five issues", () => {
    expect(
      describeIssues([
        { path: ["amount", "minor"], message: "must be positive" },
        { path: [], message: "body required" },
        { path: [], message: "ignored", code: "unrecognized_keys", keys: ["foo"] },
        { path: [], message: "ignored", code: "unrecognized_keys", keys: ["a", "b"] },
      ]),
    ).toBe("amount.minor: must be positive; body required; unknown field: foo; unknown fields: a, b");
    const many = Array.from({ length: 7 }, (_, i) => ({ path: [`f${i}`], message: "bad" }));
    expect(describeIssues(many).split("; ")).toHaveLength(5);
  });
});

describe("RpcResult", () => {
  it("is data both ways: a value, or status and code with a reason only when given", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail(409, "insufficient_funds", "not enough money")).toEqual({ ok: false, status: 409, code: "insufficient_funds", message: "not enough money" });
    expect(fail(422, "limit_exceeded", "over today's limit", "daily_limit")).toEqual({
      ok: false,
      status: 422,
      code: "limit_exceeded",
      message: "over today's limit",
      reason: "daily_limit",
    });
    expect("reason" in fail(422, "limit_exceeded", "over")).toBe(false);
  });
});
