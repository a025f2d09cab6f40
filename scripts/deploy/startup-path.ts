import { readFileSync } from "node:fs";

/**
 * What a Worker's startup runs, from the esbuild metafile `wrangler deploy --dry-run --metafile`
 * writes: the modules its entry reaches through static imports. A module reached only through
 * `import()` is wrapped in an initialiser that runs on first use; one also imported statically
 * runs at startup with its importer.
 */
export interface Metafile {
  inputs: Record<string, { imports?: Array<{ path: string; kind: string; external?: boolean }> }>;
  outputs: Record<string, { entryPoint?: string }>;
}

/**
 * Where the chat Worker's startup must not go: drizzle, the Neon driver and zod load on the first
 * turn that needs them (packages/db/deferred.ts, packages/dialogue/views.ts), ~20 ms of a fresh
 * isolate's top level otherwise.
 */
export const CHAT_DEFERRED = /node_modules\/(drizzle-orm|@neondatabase\/serverless|zod)\/|packages\/db\/schema\//;

/** Each module the entry's startup runs, with the chain of static imports that reaches it. */
export function staticallyReached(metafile: Metafile): Map<string, string[]> {
  const entry = Object.values(metafile.outputs).find((output) => output.entryPoint)?.entryPoint;
  if (!entry || !metafile.inputs[entry]) throw new Error("the metafile names no entry point among its inputs");
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
    for (const dependency of metafile.inputs[module]?.imports ?? []) {
      if (dependency.external || dependency.kind === "dynamic-import" || chains.has(dependency.path)) continue;
      chains.set(dependency.path, [...chains.get(module)!, dependency.path]);
      queue.push(dependency.path);
    }
  }
  return chains;
}

/** The startup's modules that match `deferred`, each as "entry → … → module" (empty when none does). */
export function loadedAtStartup(metafilePath: string, deferred: RegExp): string[] {
  const metafile = JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile;
  const reached = [...staticallyReached(metafile)].filter(([module]) => deferred.test(module));
  // The first module of each package is enough to say which import to defer.
  const seen = new Set<string>();
  return reached
    .filter(([module]) => {
      const key = deferred.exec(module)![0];
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(([, chain]) => chain.join(" → "));
}
