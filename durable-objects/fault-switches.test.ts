import { describe, expect, it } from "vitest";
import type { ChatSessionEnv } from "./chat-session.env.js";
import { alarmStepFault, dbHangFault, maybeEvict } from "./fault-switches.js";

// The switch at work in the load harness: `npm run load -- --faults`.
function recordingState() {
  const aborts: string[] = [];
  // Cloudflare's DurableObjectState, of which only abort() is used.
  return { aborts, state: { abort: (reason: string) => void aborts.push(reason) } as unknown as DurableObjectState };
}
const envWith = (ENVIRONMENT: ChatSessionEnv["ENVIRONMENT"], FAULT_EVICT_RATE?: string) => ({ ENVIRONMENT, FAULT_EVICT_RATE }) as ChatSessionEnv;

describe("the local eviction switch", () => {
  it("evicts the object at the named point when set to 1 locally", () => {
    const { aborts, state } = recordingState();
    maybeEvict(envWith("local", "1"), state, "after the ledger call");
    expect(aborts).toEqual(["injected eviction after the ledger call (FAULT_EVICT_RATE)"]);
  });

  it("is inert when unset, at 0, or anywhere but the local environment", () => {
    const { aborts, state } = recordingState();
    maybeEvict(envWith("local"), state, "before the ledger call");
    maybeEvict(envWith("local", "0"), state, "before the ledger call");
    maybeEvict(envWith("staging", "1"), state, "before the ledger call");
    maybeEvict(envWith("production", "1"), state, "before the ledger call");
    expect(aborts).toEqual([]);
  });
});

describe("the local alarm step switch", () => {
  const env = (ENVIRONMENT: ChatSessionEnv["ENVIRONMENT"], FAULT_ALARM_STEP_FAIL_RATE?: string) => ({ ENVIRONMENT, FAULT_ALARM_STEP_FAIL_RATE }) as ChatSessionEnv;

  it("fails the alarm's step when set to 1 locally", () => {
    expect(() => alarmStepFault(env("local", "1"))).toThrow(/FAULT_ALARM_STEP_FAIL_RATE/);
  });

  it("is inert when unset, at 0, or anywhere but the local environment", () => {
    for (const e of [env("local"), env("local", "0"), env("staging", "1"), env("production", "1")]) expect(() => alarmStepFault(e)).not.toThrow();
  });
});

describe("the local Postgres hang switch", () => {
  const env = (ENVIRONMENT: ChatSessionEnv["ENVIRONMENT"], vars: Partial<ChatSessionEnv> = {}) => ({ ENVIRONMENT, ...vars }) as ChatSessionEnv;

  it("hangs the turn from its start for ever by default, or after the ledger call for FAULT_DB_HANG_MS", () => {
    expect(dbHangFault(env("local", { FAULT_DB_HANG_RATE: "1" }))).toEqual({ at: "start", ms: Infinity });
    expect(dbHangFault(env("local", { FAULT_DB_HANG_RATE: "1", FAULT_DB_HANG_AT: "after-ledger", FAULT_DB_HANG_MS: "3000" }))).toEqual({ at: "after-ledger", ms: 3_000 });
  });

  it("is inert when unset, at 0, or anywhere but the local environment", () => {
    for (const e of [env("local"), env("local", { FAULT_DB_HANG_RATE: "0" }), env("staging", { FAULT_DB_HANG_RATE: "1" }), env("production", { FAULT_DB_HANG_RATE: "1" })]) {
      expect(dbHangFault(e)).toBeUndefined();
    }
  });
});
