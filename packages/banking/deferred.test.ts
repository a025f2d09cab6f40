import { describe, expect, it } from "vitest";
import * as banking from "./index.js";
import * as deferredBanking from "./deferred.js";

/** The pure helpers: callers import them from index.ts (or their module) directly. */
const PURE = new Set(["isId", "occurrenceKey"]);

describe("the banking API on first use", () => {
  it("offers every function of the banking API that reaches Postgres, under the same name", () => {
    const functions = Object.keys(banking).filter((name) => typeof banking[name as keyof typeof banking] === "function" && !PURE.has(name));
    expect(Object.keys(deferredBanking).sort()).toEqual(functions.sort());
  });

  it("answers as the banking API does", async () => {
    // An id that cannot exist is refused before any query, so no database is needed here.
    const direct = await banking.getAccount(undefined as never, "cus_nobody", "not an id");
    expect(await deferredBanking.getAccount(undefined as never, "cus_nobody", "not an id")).toEqual(direct);
  });
});
