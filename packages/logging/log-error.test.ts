import { describe, expect, it } from "vitest";
import { describeError } from "./log-error.js";

describe("describeError", () => {
  it("keeps a query error's driver cause and drops the query text and parameters", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "transfers_key"'), { name: "DatabaseError" });
    const query = new Error("Failed query: insert into transfers values ($1)\nparams: cus_alex,secret memo", { cause });
    expect(describeError(query)).toBe('DatabaseError: duplicate key value violates unique constraint "transfers_key"');
    expect(describeError(query)).not.toMatch(/secret|cus_alex/);
    const drizzle = Object.assign(new Error("Failed query: select 1"), { name: "DrizzleQueryError" });
    expect(describeError(drizzle)).toBe("query failed");
  });

  it("names other errors, and nothing of what is not an error", () => {
    expect(describeError(new TypeError("x is not a function"))).toBe("TypeError: x is not a function");
    expect(describeError("cus_alex's password")).toBe("unknown error");
  });
});
