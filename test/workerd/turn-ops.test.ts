import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { createTestCustomer } from "../../scripts/db/fixtures.js";
import { eventually, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

/**
 * The runtime operations of a FAQ, a read and a money turn inside the ChatSession (issue #17):
 * SQLite statements and transactions, alarm reads and writes, Postgres queries, metrics points
 * and waitUntil calls, counted by wrapping the live object's storage, pool and sinks. The bounds
 * are what the object does now: a turn that grows one fails here first. The gateway's own
 * operations (its RPC to the chat Worker, the chat Worker's to this object) are fixed per turn
 * and not counted here.
 */
type Counts = Record<string, number>;
type PooledDb = { $client: { query: (...args: unknown[]) => unknown } };

interface Probe {
  turn: Counts;
  alarm: Counts;
  phase: "turn" | "alarm" | "idle";
  /** The metrics stand-in's points written, and the RPCs that carried them to its store. */
  points: number;
  pointRpcs: number;
}

const FAQ = "what is the exchange rate for euros?";

describe("runtime operations per turn", () => {
  it("counts what a FAQ, a read and a money turn ask of the runtime", async () => {
    const customerId = uniqueCustomerId("ops");
    await withTestDb((db) => createTestCustomer(db, customerId));
    const token = await tokenFor(customerId);
    let n = 0;
    const say = async (text: string, confirmation?: { id: string; answer: "yes" }) => {
      const response = await postJson("/api/chat/messages", token, { id: `ops-${n++}-${crypto.randomUUID()}`, text, ...(confirmation ? { confirmation } : {}) });
      expect(response.status, text).toBe(200);
      return (await response.json()) as { reply: { confirmation?: { id: string }; data?: { kind: string } } };
    };
    // Warm: the object exists, its pool is open, its data key is known and registered.
    await say(FAQ);
    await say("what's my balance?");
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
    const probe = await runInDurableObject(stub, (instance, state) => instrument(instance, state));

    // Each kind measured right after the outbox's alarm ran (its flush leaves the alarm at the
    // confirm time, so the turn's flush brings it forward), then once more (an alarm now set).
    const afterAlarm = async () => {
      const runs = probe.alarm["alarm run"] ?? 0;
      await eventually(async () => ((probe.alarm["alarm run"] ?? 0) > runs ? true : undefined));
    };
    const measure = async (label: string, turn: () => Promise<void>): Promise<{ first: Counts; again: Counts }> => {
      await afterAlarm();
      probe.turn = {};
      await turn();
      const first = { ...probe.turn };
      probe.turn = {};
      await turn();
      const again = { ...probe.turn };
      console.log(`[turn-ops] ${label}: after a flush ${JSON.stringify(first)}; next ${JSON.stringify(again)}`);
      return { first, again };
    };
    const faq = await measure("FAQ", async () => void (await say(FAQ)));
    const balance = await measure("read (balance)", async () => void (await say("what's my balance?")));
    const recent = await measure("read (transactions)", async () => void (await say("show my recent transactions")));
    const money = await measure("money (request + yes)", async () => {
      const asked = await say("move $1 from savings to checking");
      expect(asked.reply.confirmation).toBeDefined();
      const done = await say("yes", { id: asked.reply.confirmation!.id, answer: "yes" });
      expect(done.reply.data?.kind).toBe("transfer_receipt");
    });
    probe.alarm = {};
    await afterAlarm();
    console.log(`[turn-ops] the alarm after them: ${JSON.stringify(probe.alarm)}`);

    console.log(`[turn-ops] the metrics stand-in: ${probe.points} points in ${probe.pointRpcs} RPCs`);

    // What each turn asks now: a turn that asks more fails here first.
    const statements = (c: Counts) => Object.entries(c).filter(([k]) => k.startsWith("sql ")).reduce((n, [, v]) => n + v, 0);
    for (const [kind, perTurn, turns] of [[faq, 0, 1], [balance, 1, 1], [recent, 1, 1], [money, 2, 2]] as const) {
      for (const counts of [kind.first, kind.again]) {
        expect(counts.postgres ?? 0).toBe(perTurn);
        expect(counts.transaction).toBe(turns);
        expect(statements(counts)).toBeLessThanOrEqual(4 * turns);
        expect(counts.getAlarm ?? 0).toBeLessThanOrEqual(2 * turns);
        expect(counts.setAlarm ?? 0).toBeLessThanOrEqual(1);
        expect(counts["queue send"] ?? 0).toBe(0);
      }
    }
    // The stand-in's points go in batches: fewer RPCs than turns.
    expect(probe.points).toBeGreaterThanOrEqual(10);
    expect(probe.pointRpcs).toBeLessThan(probe.points);
  });
});

/** Wraps the live object's storage, pool and sinks; counts land in `probe.turn` or `probe.alarm`. */
function instrument(instance: unknown, state: DurableObjectState): Probe {
  const probe: Probe = { turn: {}, alarm: {}, phase: "idle", points: 0, pointRpcs: 0 };
  const count = (what: string) => {
    const into = probe.phase === "alarm" ? probe.alarm : probe.turn;
    into[what] = (into[what] ?? 0) + 1;
  };
  const object = instance as {
    store: { sql: SqlStorage };
    sessionDb: { forTurn(): { db: () => Promise<PooledDb>; end(): Promise<void> } };
    answer: (...args: unknown[]) => Promise<unknown>;
    alarms: { run: () => Promise<void> };
    outbox: { send: (events: unknown[]) => Promise<boolean> };
    metrics: () => { metrics?: { writeDataPoint(point: unknown): void } };
    metricPoints?: { send: (points: unknown[]) => Promise<void> };
  };
  const sql = object.store.sql;
  object.store.sql = new Proxy(sql, {
    get(target, key) {
      if (key !== "exec") return Reflect.get(target, key) as unknown;
      return (query: string, ...bindings: unknown[]) => {
        count(`sql ${query.trim().split(/\s+/)[0]!.toUpperCase()}`);
        return target.exec(query, ...bindings);
      };
    },
  });
  const storage = state.storage;
  for (const name of ["getAlarm", "setAlarm", "deleteAlarm", "transactionSync"] as const) {
    const original = storage[name].bind(storage) as (...args: unknown[]) => unknown;
    Object.defineProperty(storage, name, {
      configurable: true,
      value: (...args: unknown[]) => {
        count(name === "transactionSync" ? "transaction" : name);
        return original(...args);
      },
    });
  }
  const waitUntil = state.waitUntil.bind(state);
  Object.defineProperty(state, "waitUntil", { configurable: true, value: (p: Promise<unknown>) => (count("waitUntil"), waitUntil(p)) });
  // The RPC methods are looked up on the prototype: their own calls are wrapped instead.
  const answer = object.answer.bind(instance);
  object.answer = async (...args) => {
    probe.phase = "turn";
    try {
      return await answer(...args);
    } finally {
      probe.phase = "idle";
    }
  };
  const alarm = object.alarms.run.bind(object.alarms);
  object.alarms.run = async () => {
    probe.phase = "alarm";
    count("alarm run");
    try {
      await alarm();
    } finally {
      probe.phase = "idle";
    }
  };
  const outbox = object.outbox;
  const send = outbox.send.bind(outbox);
  outbox.send = async (events) => (count("queue send"), send(events));
  const metrics = object.metrics.bind(instance);
  object.metrics = () => {
    const sink = metrics().metrics;
    return sink ? { metrics: { writeDataPoint: (point) => (probe.points++, sink.writeDataPoint(point)) } } : {};
  };
  // Made by the warm-up turns' first point.
  const batch = object.metricPoints;
  if (batch) {
    const send = batch.send;
    batch.send = (points) => (probe.pointRpcs++, send(points));
  }
  // Each pool's queries, counted once per pool (with DB_MAX_CONNECTIONS=1 a pool lasts one turn).
  const counted = new WeakSet<object>();
  const forTurn = object.sessionDb.forTurn.bind(object.sessionDb);
  object.sessionDb.forTurn = () => {
    const handle = forTurn();
    return {
      ...handle,
      db: async () => {
        const db = await handle.db();
        const client = db.$client;
        if (!counted.has(client)) {
          counted.add(client);
          const query = client.query.bind(client);
          client.query = (...args: unknown[]) => (count("postgres"), query(...args));
        }
        return db;
      },
    };
  };
  return probe;
}
