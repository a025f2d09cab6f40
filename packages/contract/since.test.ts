import { describe, expect, it } from "vitest";
import { sinceMs } from "./since.js";

describe("sinceMs", () => {
  it("reads an instant with its offset as epoch ms, and no instant as everything", () => {
    expect(sinceMs("2026-12-04T10:07:02.123Z")).toBe(Date.UTC(2026, 11, 4, 10, 7, 2, 123));
    expect(sinceMs("2026-12-04T11:07:02+01:00")).toBe(Date.UTC(2026, 11, 4, 10, 7, 2));
    expect(sinceMs(undefined)).toBe(0);
  });
});
