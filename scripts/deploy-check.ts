// npm run deploy:check — what `npm run deploy` would upload, checked without an account:
// `wrangler deploy --dry-run` bundles each Worker for staging and production exactly as a deploy
// would (config errors fail here), the bundles are held to their budgets (deploy/bundle-budget.ts),
// and each script's startup time (compile + top level, timed in V8 under Node from the script's
// text in memory: Node's module loader is not counted, workerd has no such step) is printed after
// workerd has loaded the bundle and answered one request (deploy/startup-time.ts). The chat
// Worker's startup must not reach drizzle, the Neon driver or zod through static imports
// (deploy/startup-path.ts): they load on first use.
// Exit code 1 when a dry run fails or a bundle is over budget. CI runs it (.ci/run).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./local-stack.js";
import { BUDGETS, kib, measureBundle, overBudget } from "./deploy/bundle-budget.js";
import { scriptLoad, workerdSmoke } from "./deploy/startup-time.js";
import { CHAT_DEFERRED, loadedAtStartup } from "./deploy/startup-path.js";

const WORKERS = [
  // The chat Worker has no public route: its default fetch answers 404, which proves it loaded.
  { name: "chat", config: "workers/chat/wrangler.toml", smokePath: "/", smokeStatus: 404, deferred: CHAT_DEFERRED },
  { name: "gateway", config: "wrangler.toml", smokePath: "/healthz", smokeStatus: 200, deferred: undefined },
] as const;
const ENVIRONMENTS = (process.env.DEPLOY_CHECK_ENVS ?? "staging,production").split(",");
const STARTUP_RUNS = Number(process.env.DEPLOY_CHECK_STARTUP_RUNS ?? 5);

// The gateway's config names the web app's build as its assets; a deploy builds it first.
if (!existsSync(path.join(repoRoot, "web/dist/index.html"))) run("npm", ["run", "build"]);

const scratch = mkdtempSync(path.join(tmpdir(), "teller-deploy-check-"));
const failures: string[] = [];
try {
  for (const environment of ENVIRONMENTS) {
    for (const worker of WORKERS) {
      const label = `${worker.name}/${environment}`;
      const outdir = path.join(scratch, `${worker.name}-${environment}`);
      const metafile = path.join(scratch, `${worker.name}-${environment}.meta.json`);
      const dry = run("npx", ["wrangler", "deploy", "--dry-run", "-c", worker.config, "--env", environment, "--outdir", outdir, "--metafile", metafile], false);
      if (dry.status !== 0) {
        failures.push(`${label}: wrangler deploy --dry-run failed (exit ${dry.status})\n${dry.output}`);
        continue;
      }
      const size = measureBundle(outdir);
      const problems = overBudget(size, BUDGETS[worker.name]);
      failures.push(...problems.map((problem) => `${label}: ${problem}`));
      if (worker.deferred) {
        for (const chain of loadedAtStartup(metafile, worker.deferred)) failures.push(`${label}: the startup imports what should load on first use: ${chain}`);
      }
      const startup = scriptLoad(outdir, "index.js", STARTUP_RUNS);
      const smoke = await workerdSmoke(outdir, "index.js", worker.smokePath);
      if (smoke.status !== worker.smokeStatus) failures.push(`${label}: workerd answered ${worker.smokePath} with ${smoke.status}, expected ${worker.smokeStatus}`);
      console.log(
        `${label.padEnd(19)} raw ${kib(size.rawBytes).padStart(10)}  gzip ${kib(size.gzipBytes).padStart(10)}  ` +
          `startup ${ms(startup.script.cpuMs)} CPU (compile ${ms(startup.compile.cpuMs)}, top level ${ms(startup.topLevel.cpuMs)}) / ${ms(startup.script.wallMs)} wall  ` +
          `workerd ${worker.smokePath} → ${smoke.status} (ready in ${ms(smoke.readyMs)})  ${problems.length ? "OVER BUDGET" : "ok"}`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(
  `startup: median of ${STARTUP_RUNS} fresh Node processes compiling the bundle from memory and running its top level ` +
    "(Node's module loader not counted); Cloudflare's limit is 1 s. The chat Worker's whole first turn: npm run bench:cold",
);
console.log(`budgets: chat ≤ ${kib(BUDGETS.chat.gzipBytes)} gzipped, gateway ≤ ${kib(BUDGETS.gateway.rawBytes)} raw`);
if (failures.length) {
  console.error(`\ndeploy check failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("deploy check passed");

function run(command: string, args: string[], inherit = true): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: inherit ? "inherit" : "pipe",
  });
  if (inherit && result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.slice(-4000) };
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
