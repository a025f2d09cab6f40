/**
 * Where a bundle's script load goes, per package: V8's own parse and compile events
 * (`node --log-function-events`) summed by the module each function sits in. A fresh isolate
 * preparses every lazy function of the script, used or not, and workerd compiles every module it
 * is given, so a dependency that only a later turn runs still costs each cold start its parse.
 *
 * Modules are told apart by the `// <path>` line esbuild writes above each one in an unminified
 * bundle (wrangler's output unless `minify` is set); a path under node_modules counts as its
 * package, our own files as their first two directories (`packages/nlu`).
 */

export interface ModuleStart {
  offset: number;
  module: string;
}

/** The module each stretch of the bundle came from, in order of their offsets. */
export function moduleStarts(source: string): ModuleStart[] {
  const starts: ModuleStart[] = [{ offset: 0, module: "(bundle runtime)" }];
  for (const match of source.matchAll(/^\/\/ (?:\.\.\/)*(\S+\/\S+)$/gm)) {
    starts.push({ offset: match.index!, module: moduleName(match[1]!) });
  }
  return starts;
}

export function moduleName(bundlePath: string): string {
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(bundlePath);
  if (inPackage) return inPackage[1]!;
  const parts = bundlePath.replace(/^(?:work\/main\/|\.\/)/, "").split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Parse and compile events V8 logs per function (`function,<event>,<script>,<start>,<end>,<ms>,…`). */
const PARSE_EVENTS = new Set(["preparse-no-resolution", "preparse-resolution", "parse-function", "full-parse", "interpreter", "interpreter-lazy"]);

export interface ParseBreakdown {
  /** V8's `parse-script` time for the whole bundle (includes the preparse of every lazy function). */
  parseScriptMs: number;
  /** Per module, the summed events of functions starting in it (top-level functions only nest once). */
  byModule: Map<string, { preparseMs: number; compileMs: number }>;
}

/** Sums one V8 log's events for the script named `scriptName` by module. */
export function parseBreakdown(log: string, source: string, scriptName: string): ParseBreakdown {
  const lines = log.split("\n");
  const scriptIds = new Set<string>();
  for (const line of lines) {
    const fields = line.split(",");
    if (fields[0] === "script-details" && fields[2] === scriptName) scriptIds.add(fields[1]!);
  }
  const starts = moduleStarts(source);
  const byModule = new Map<string, { preparseMs: number; compileMs: number }>();
  let parseScriptMs = 0;
  for (const line of lines) {
    const fields = line.split(",");
    if (fields[0] !== "function" || !scriptIds.has(fields[2]!)) continue;
    const event = fields[1]!;
    const ms = Number(fields[5]);
    if (event === "parse-script") parseScriptMs += ms;
    if (!PARSE_EVENTS.has(event) || !Number.isFinite(ms)) continue;
    const module = moduleAt(starts, Number(fields[3]));
    const entry = byModule.get(module) ?? { preparseMs: 0, compileMs: 0 };
    if (event.startsWith("preparse")) entry.preparseMs += ms;
    else entry.compileMs += ms;
    byModule.set(module, entry);
  }
  return { parseScriptMs, byModule };
}

function moduleAt(starts: ModuleStart[], offset: number): string {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]!.offset <= offset) low = mid;
    else high = mid - 1;
  }
  return starts[low]!.module;
}
