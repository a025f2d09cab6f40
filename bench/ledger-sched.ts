/**
 * For bench:ledger (ledger17): is a transfer's p99 at 8 clients the transfer's, or the machine's?
 *
 * - Run-queue wait: /proc/<pid>/schedstat's second field is the time a process spent runnable
 *   but waiting for a CPU (ns). Summed over the bench database's backends and over this process's
 *   threads (the clients: node-postgres, drizzle, the domain function), per call: the part of a
 *   call's latency that is neither its own CPU nor a wait for I/O or a lock, but other work on
 *   the same cores.
 * - A CPU-matched control: the bare UPDATE of the same run made to cost a chosen CPU per call on
 *   both sides (a generate_series in the backend, a spin in this process), calibrated against the
 *   transfer's measured backend and client CPU per call, at fractions of it. Its latency has no
 *   lock, no ledger row, ~100 B of WAL: if its p99 at the transfer's CPU is the transfer's p99,
 *   the tail is what that much CPU per call costs on these cores at this load.
 *
 * Linux only (NaN elsewhere or for a server on another machine). Asserts nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

export interface Sched {
  /** CPU time (µs). */
  cpuUs: number;
  /** Time runnable but waiting for a CPU (µs). */
  waitUs: number;
}

/** CPU and run-queue wait so far of the given processes; NaN when one is not readable. */
export function schedOf(pids: number[]): Sched {
  const sum = { cpuUs: 0, waitUs: 0 };
  for (const pid of pids) {
    const one = readSched(`/proc/${pid}/schedstat`);
    sum.cpuUs += one.cpuUs;
    sum.waitUs += one.waitUs;
  }
  return sum;
}

/** The same for this process, all its threads (libuv's pool and V8's included). */
export function ownSched(): Sched {
  const sum = { cpuUs: 0, waitUs: 0 };
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return { cpuUs: NaN, waitUs: NaN };
  }
  for (const tid of tasks) {
    const one = readSched(`/proc/self/task/${tid}/schedstat`);
    // A thread that ended between the listing and the read counts nothing.
    if (Number.isFinite(one.cpuUs)) {
      sum.cpuUs += one.cpuUs;
      sum.waitUs += one.waitUs;
    }
  }
  return sum;
}

function readSched(file: string): Sched {
  try {
    const [cpu, wait] = readFileSync(file, "utf8").split(" ");
    return { cpuUs: Number(cpu) / 1000, waitUs: Number(wait) / 1000 };
  } catch {
    return { cpuUs: NaN, waitUs: NaN };
  }
}

/** Keeps this thread busy for `us` microseconds of wall time (the control's client-side CPU). */
export function spin(us: number): void {
  if (us <= 0) return;
  const end = performance.now() + us / 1000;
  while (performance.now() < end) {
    // busy
  }
}

/**
 * The control statement's series rows per µs of backend CPU, from the statement itself on one
 * connection: batches with `rows` rows against batches with none, alternately, the median of a
 * few (a plain SELECT of the series measured ~2x off inside the UPDATE).
 */
export async function calibrateSeries(pool: pg.Pool, backendCpuUs: () => Promise<number>): Promise<number> {
  const rows = 20_000;
  const client = await pool.connect();
  try {
    const batch = async (n: number) => {
      const before = await backendCpuUs();
      for (let i = 0; i < 40; i++) await client.query(MATCHED_UPDATE, [63, n]);
      return (await backendCpuUs()) - before;
    };
    await batch(rows);
    const perUs: number[] = [];
    for (let round = 0; round < 5; round++) {
      const extra = (await batch(rows)) - (await batch(0));
      if (extra > 0) perUs.push((rows * 40) / extra);
    }
    perUs.sort((a, b) => a - b);
    return perUs[Math.floor(perUs.length / 2)] ?? NaN;
  } finally {
    client.release();
  }
}

/** The control's statement: the bench's bare UPDATE, which first counts `$2` rows of a series. */
export const MATCHED_UPDATE =
  "UPDATE bench_counter SET n = n + 1 WHERE id = $1 AND (SELECT count(*) FROM generate_series(1, $2::int)) >= 0";
