import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Bundle budgets of the two Workers, checked before anything ships. The chat Worker's is the
 * Workers free plan's script limit (3 MiB after gzip); the gateway's is ours: it only routes,
 * authenticates and validates, so a raw size over 300 KiB means it pulled in something it should
 * not (drizzle, the banking schema, zod's locales).
 */
export const BUDGETS = {
  chat: { gzipBytes: 3 * 1024 * 1024 },
  gateway: { rawBytes: 300 * 1024 },
} as const satisfies Record<string, Budget>;

export interface Budget {
  rawBytes?: number;
  gzipBytes?: number;
}

export interface BundleSize {
  /** The script modules as uploaded (source maps and wrangler's README excluded). */
  files: string[];
  rawBytes: number;
  /** Each module gzipped on its own and summed, as Cloudflare counts the upload. */
  gzipBytes: number;
}

/** Sizes of the modules `wrangler deploy --dry-run --outdir` wrote. */
export function measureBundle(outdir: string): BundleSize {
  const files = readdirSync(outdir)
    .filter((name) => !name.endsWith(".map") && name !== "README.md")
    .filter((name) => statSync(path.join(outdir, name)).isFile())
    .sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const name of files) {
    const bytes = readFileSync(path.join(outdir, name));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

/** What is over budget, as sentences; empty when within. */
export function overBudget(size: BundleSize, budget: Budget): string[] {
  const problems: string[] = [];
  if (budget.rawBytes !== undefined && size.rawBytes > budget.rawBytes) {
    problems.push(`raw ${kib(size.rawBytes)} exceeds the budget of ${kib(budget.rawBytes)}`);
  }
  if (budget.gzipBytes !== undefined && size.gzipBytes > budget.gzipBytes) {
    problems.push(`gzipped ${kib(size.gzipBytes)} exceeds the budget of ${kib(budget.gzipBytes)}`);
  }
  return problems;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
