/**
 * A module imported on first use and then kept: `lazyModule(() => import("./x.js"))`. Only the
 * loaded module is kept, never the pending import, so a request or Durable Object never waits on
 * an import another one started (in workerd that is I/O across contexts), and a failed import is
 * tried again on the next call.
 *
 * Why not call `import()` each time: once bundled that is cheap, but under the test runner
 * (vitest's module runner in workerd) every `import()` is a round trip to the runner's Durable
 * Object, shared between concurrent callers of any context. A caller of another request or object
 * then waited on it: the runtime cancelled it as hung ("Cannot perform I/O on behalf of a different
 * request"), or its continuation ran in the other context and its storage call failed.
 */
export type LazyModule<M> = () => Promise<M>;

const registered: LazyModule<unknown>[] = [];

export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let loaded: M | undefined;
  const get = async (): Promise<M> => (loaded ??= await load());
  registered.push(get);
  return get;
}

/**
 * Loads every lazy module declared so far (by modules already imported). The workers tests call it
 * once in the runner's context before any test, so no Worker or Durable Object imports at run time.
 */
export async function loadLazyModules(): Promise<void> {
  await Promise.all(registered.map((get) => get()));
}
