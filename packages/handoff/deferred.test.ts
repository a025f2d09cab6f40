import { describe, expect, it } from "vitest";
import * as repo from "./handoffs.repo.js";
import * as deferredRepo from "./deferred.js";

describe("the hand-off repository on first use", () => {
  it("offers every function of the repository that reaches Postgres, under the same name", () => {
    // queueItem is pure (queue-item.ts): callers import it directly.
    const functions = Object.keys(repo).filter((name) => typeof repo[name as keyof typeof repo] === "function" && name !== "queueItem");
    expect(Object.keys(deferredRepo).sort()).toEqual(functions.sort());
  });
});
