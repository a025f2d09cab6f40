import { fail, type RpcResult } from "../packages/contract/errors.js";
import type { Db } from "../packages/db/client.js";
import { stall, type DbHang } from "./fault-switches.js";

/**
 * Every customer turn has a deadline. A Postgres call the driver's own timeouts miss (a Neon or
 * WebSocket proxy that stalls) held the customer's request or socket until the platform killed it,
 * and through the session's lock every later turn of that customer. Past the deadline the customer
 * is answered 504 `timeout`, the lock is released, and the turn is abandoned: it cannot be
 * cancelled, so it is fenced instead (TurnFence) and none of its later writes lands.
 */
export const DEFAULT_TURN_DEADLINE_MS = 20_000;

/** TURN_DEADLINE_MS, else the default: past the driver's 15 s timeouts, which answer first where they apply. */
export function turnDeadlineMs(env: { TURN_DEADLINE_MS?: string }): number {
  const ms = Number(env.TURN_DEADLINE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TURN_DEADLINE_MS;
}

/** Worded for a customer who may have confirmed money: resending is how they learn what happened. */
export const TIMEOUT_MESSAGE = "That took too long to answer. Send the same message again to see what happened — it will only be acted on once.";

/** The 504s of the other work that holds the customer's lock under the same deadline (chat-session.ts). */
export const ERASURE_TIMEOUT_MESSAGE = "Erasing the conversation took too long and may not be complete. Ask again to finish it.";
export const TURNS_TIMEOUT_MESSAGE = "Reading the conversation took too long; try again.";
/** A hand-off step (an agent joins, writes or leaves; the customer leaves the queue): trying it again finishes it once. */
export const HANDOFF_TIMEOUT_MESSAGE = "The conversation did not answer in time; try again (it will be done only once).";

/** Thrown by a write of a turn past its deadline: the customer was already told it failed. */
export class TurnAbandoned extends Error {
  readonly code = "turn_abandoned";
  constructor() {
    super("the turn passed its deadline; its late writes are refused");
    this.name = "TurnAbandoned";
  }
}

/** Set once, when the customer is answered 504; from then on the turn's writes are refused. */
export class TurnFence {
  private passed = false;
  get abandoned(): boolean {
    return this.passed;
  }
  abandon(): void {
    this.passed = true;
  }
  /** Called right before each write (synchronously with it), so none lands after the 504. */
  check(): void {
    if (this.passed) throw new TurnAbandoned();
  }
}

/**
 * One turn in the session's lock, under the deadline (counted from its arrival: a turn that waited
 * out its deadline behind another never starts). Past it the customer gets the 504 and the lock is
 * released; `onAbandon` lets go of what the hung call holds (the session's pool).
 *
 * Nothing is lost or done twice: the turn's writes are fenced, so its message is not kept and the
 * customer resends it (same id). A confirmed money movement was saved as executing before its
 * ledger call; if that call committed late, the resent message (or the alarm) resumes it with the
 * same idempotency key, so the ledger answers with the same transfer and the customer is told.
 */
export async function withinTurnDeadline<T>(options: {
  ms: number;
  serialised: <R>(work: () => Promise<R>) => Promise<R>;
  turn: (fence: TurnFence) => Promise<RpcResult<T>>;
  onAbandon: () => void;
  describe: string;
  /** What the 504 says, when the work is no chat message (an erasure, a read of the turns). */
  timeoutMessage?: string;
}): Promise<RpcResult<T>> {
  const fence = new TurnFence();
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<RpcResult<T>>((resolve) => {
    timer = setTimeout(() => {
      fence.abandon();
      console.error(JSON.stringify({ msg: "turn deadline passed", turn: options.describe, ms: options.ms, started }));
      if (started) options.onAbandon();
      resolve(fail(504, "timeout", options.timeoutMessage ?? TIMEOUT_MESSAGE));
    }, options.ms);
  });
  const inLock = options.serialised(async () => {
    if (fence.abandoned) return late;
    started = true;
    const running = options.turn(fence);
    // What the abandoned turn did in the end, for the operator; the customer already has the 504.
    running.then(
      () => fence.abandoned && console.error(JSON.stringify({ msg: "abandoned turn finished late", turn: options.describe })),
      (error: unknown) => fence.abandoned && console.error(JSON.stringify({ msg: "abandoned turn stopped", turn: options.describe, error: String(error) })),
    );
    return Promise.race([running, late]);
  });
  try {
    return await Promise.race([inLock, late]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * The turn's way to Postgres behind its fence, with the local DB-hang switch (fault-switches.ts):
 * past the deadline, opening Postgres refuses, so a ledger call not yet sent is never sent. A call
 * already sent cannot be recalled; its money movement is the executing one, resumed by key.
 */
export function fencedTurnDb(fence: TurnFence, hang: DbHang | undefined, pool: () => Promise<Db>) {
  let hung = hang?.at === "start";
  const stallIfHung = async () => {
    if (hung) await stall(hang!.ms);
  };
  return {
    db: async (): Promise<Db> => {
      await stallIfHung();
      fence.check();
      const db = await pool();
      fence.check();
      return db;
    },
    /** Before the turn's save: with the switch "after-ledger", the save stalls too. */
    beforeSave: stallIfHung,
    /** The ledger call answered: an "after-ledger" hang starts now. */
    afterLedgerCall: () => {
      if (hang?.at === "after-ledger") hung = true;
    },
  };
}

/**
 * Other work in the customer's lock under the same deadline (a hand-off step, a read of the turns):
 * its Postgres behind the fence and the hang switch, as a turn's; its pool let go when it ends in
 * time, and left to `onAbandon` (which discards it) when it does not.
 */
export function withinDeadlineOnPostgres<T>(options: {
  ms: number;
  serialised: <R>(work: () => Promise<R>) => Promise<R>;
  openDb: () => { db: () => Promise<Db>; end(): Promise<void> };
  hang: DbHang | undefined;
  onAbandon: () => void;
  describe: string;
  timeoutMessage: string;
  work: (fence: TurnFence, db: () => Promise<Db>) => Promise<RpcResult<T>>;
}): Promise<RpcResult<T>> {
  return withinTurnDeadline({
    ms: options.ms,
    serialised: options.serialised,
    turn: async (fence) => {
      const { db: pool, end } = options.openDb();
      const { db } = fencedTurnDb(fence, options.hang, pool);
      try {
        return await options.work(fence, db);
      } finally {
        if (!fence.abandoned) await end();
      }
    },
    onAbandon: options.onAbandon,
    describe: options.describe,
    timeoutMessage: options.timeoutMessage,
  });
}
