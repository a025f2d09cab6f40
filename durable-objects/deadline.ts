/**
 * A step of the ChatSession's alarm that has not finished in time: a Postgres connection or query
 * the driver's own timeouts missed (a pool's end() waits for every socket's close), or a queue
 * send that never settles. The step fails with this and a later alarm tries again; what was
 * awaited is left behind (it cannot be cancelled), so a late success is only a duplicate the
 * consumer drops by event id.
 */
export class DeadlineExceeded extends Error {
  readonly code = "deadline_exceeded";
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = "DeadlineExceeded";
  }
}

/** `work()`'s outcome, or DeadlineExceeded once `ms` pass first. */
export async function withDeadline<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(what, ms)), ms);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
