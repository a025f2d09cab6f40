import { afterEach, describe, expect, it, vi } from "vitest";
import { createExecutionContext, createScheduledController, env } from "cloudflare:test";
import { UNREACHABLE_DB } from "../../test/workerd/session-faults.js";
import type { ChatEnv } from "./env.js";
import chat from "./index.js";

// Each handler's own work is tested beside it: events.consumer, dead-letters.consumer,
// retention, scheduled, erasures.
afterEach(() => vi.restoreAllMocks());

describe("the chat Worker's entry", () => {
  it("has no public HTTP route", async () => {
    const response = await chat.fetch();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "not found" } });
  });

  it("on the quarter-hour tick still runs operators' erasures when scheduled transfers fail, then fails the tick", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void errors.push(String(line)));
    const down = { ...(env as unknown as ChatEnv), DATABASE_URL: UNREACHABLE_DB };
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: "*/15 * * * *" });
    await expect(chat.scheduled(controller, down, createExecutionContext())).rejects.toThrow();
    expect(errors.join("\n")).toContain("erasure requests failed");
  });
});
