import { describe, expect, it } from "vitest";
import { ok, type RpcResult } from "../packages/contract/errors.js";
import { DEFAULT_TURN_DEADLINE_MS, TurnAbandoned, turnDeadlineMs, withinDeadlineOnPostgres, withinTurnDeadline, type TurnFence } from "./turn-deadline.js";
import type { Db } from "../packages/db/client.js";

// The ChatSession's use of it (HTTP 504, the socket's frame, money and messages): chat-session.turn-deadline.test.ts.

/** The ChatSession's lock, as chat-session.ts chains it. */
function lock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(work: () => Promise<R>): Promise<R> => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withinTurnDeadline", () => {
  it("answers with the turn's own result when it finishes in time", async () => {
    const result = await withinTurnDeadline({ ms: 1_000, serialised: lock(), turn: async () => ok("answered"), onAbandon: () => {}, describe: "t" });
    expect(result).toEqual(ok("answered"));
  });

  it("answers 504 timeout at the deadline, lets go of what the turn holds, and refuses the turn's later writes", async () => {
    let fence: TurnFence | undefined;
    let abandoned = 0;
    let lateWrite: unknown;
    const result = await withinTurnDeadline({
      ms: 30,
      serialised: lock(),
      turn: async (f) => {
        fence = f;
        f.check(); // a write in time lands
        await sleep(80);
        lateWrite = (() => {
          try {
            f.check();
            return "landed";
          } catch (error) {
            return error;
          }
        })();
        return ok("too late");
      },
      onAbandon: () => void abandoned++,
      describe: "t",
    });
    expect(result).toMatchObject({ ok: false, status: 504, code: "timeout" });
    expect(fence!.abandoned).toBe(true);
    expect(abandoned).toBe(1);
    await sleep(100);
    expect(lateWrite).toBeInstanceOf(TurnAbandoned);
  });

  it("releases the lock at the deadline: the next turn runs while the abandoned one still hangs", async () => {
    const serialised = lock();
    // A hang that ends, and is waited out before the test ends: a promise left pending for ever in
    // the shared test isolate was the cause of CI's cross-request errors once before (session 22).
    let hangEnded!: () => void;
    const hang = new Promise<void>((resolve) => (hangEnded = resolve));
    const first = withinTurnDeadline({ ms: 30, serialised, turn: () => hang.then(() => ok("late")), onAbandon: () => {}, describe: "hung" });
    const second = withinTurnDeadline({ ms: 1_000, serialised, turn: async () => ok("next"), onAbandon: () => {}, describe: "next" });
    expect(await first).toMatchObject({ code: "timeout" });
    expect(await second).toEqual(ok("next"));
    hangEnded();
    await hang;
    await sleep(10);
  });

  it("never starts a turn whose deadline passed while it waited for the one before", async () => {
    const serialised = lock();
    let started = false;
    let abandonedWhileWaiting = 0;
    const holder = serialised(() => sleep(80));
    const waited: RpcResult<string> = await withinTurnDeadline({
      ms: 20,
      serialised,
      turn: async () => {
        started = true;
        return ok("ran");
      },
      onAbandon: () => void abandonedWhileWaiting++,
      describe: "queued",
    });
    await holder;
    await sleep(10);
    expect(waited).toMatchObject({ code: "timeout" });
    expect(started).toBe(false);
    expect(abandonedWhileWaiting).toBe(0);
  });

  it("passes a turn's crash on as before", async () => {
    const crash = withinTurnDeadline({ ms: 1_000, serialised: lock(), turn: async () => Promise.reject(new Error("boom")), onAbandon: () => {}, describe: "t" });
    await expect(crash).rejects.toThrow("boom");
  });

  it("reads TURN_DEADLINE_MS, else 20 s", () => {
    expect(turnDeadlineMs({ TURN_DEADLINE_MS: "250" })).toBe(250);
    expect(turnDeadlineMs({})).toBe(DEFAULT_TURN_DEADLINE_MS);
    expect(turnDeadlineMs({ TURN_DEADLINE_MS: "soon" })).toBe(20_000);
    expect(turnDeadlineMs({ TURN_DEADLINE_MS: "0" })).toBe(20_000);
  });
});

describe("withinDeadlineOnPostgres", () => {
  /** A pool that counts its users and answers after `answerMs` (a hang when long). */
  function pool(answerMs: number) {
    const counts = { opened: 0, ended: 0, queried: 0 };
    return {
      counts,
      openDb: () => {
        counts.opened += 1;
        return {
          db: async () => {
            await sleep(answerMs);
            counts.queried += 1;
            return {} as Db;
          },
          end: async () => {
            counts.ended += 1;
          },
        };
      },
    };
  }
  const options = { serialised: lock(), hang: undefined, describe: "hand-off step", timeoutMessage: "try again" };

  it("answers with the step's result and lets its pool go when it ends in time", async () => {
    const postgres = pool(1);
    let abandoned = 0;
    const result = await withinDeadlineOnPostgres({ ...options, ms: 1_000, openDb: postgres.openDb, onAbandon: () => abandoned++, work: async (_f, db) => (await db(), ok("left")) });
    expect(result).toEqual(ok("left"));
    expect(postgres.counts).toEqual({ opened: 1, ended: 1, queried: 1 });
    expect(abandoned).toBe(0);
  });

  it("answers 504 with its own message past the deadline; the abandoned step's Postgres and writes are refused, and its pool is left to onAbandon", async () => {
    const postgres = pool(80);
    let abandoned = 0;
    let late: unknown;
    const result = await withinDeadlineOnPostgres({
      ...options,
      ms: 30,
      openDb: postgres.openDb,
      onAbandon: () => abandoned++,
      work: async (fence, db) => {
        try {
          await db(); // hangs past the deadline
          fence.check();
          late = "written";
        } catch (error) {
          late = error;
        }
        return ok("left");
      },
    });
    expect(result).toMatchObject({ ok: false, status: 504, code: "timeout", message: "try again" });
    expect(abandoned).toBe(1);
    await sleep(120);
    expect(late).toBeInstanceOf(TurnAbandoned);
    // Not ended by the abandoned step: the pool may already be the next step's (onAbandon discarded it).
    expect(postgres.counts.ended).toBe(0);
  });
});
