import { describe, expect, it } from "vitest";
import { DeadlineExceeded, withDeadline } from "./deadline.js";

describe("withDeadline", () => {
  it("answers with the work's outcome when it settles in time", async () => {
    await expect(withDeadline(1_000, "quick", async () => 7)).resolves.toBe(7);
    await expect(withDeadline(1_000, "refused", async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
  });

  it("fails with a deadline_exceeded error when the work never settles", async () => {
    const error = await withDeadline(20, "queue send", () => new Promise(() => {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceeded);
    expect((error as DeadlineExceeded).code).toBe("deadline_exceeded");
    expect((error as Error).message).toBe("queue send: no answer within 20 ms");
  });
});
