import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../../scripts/local-stack.js";
import { freePort } from "../../test/support/free-port.js";

/**
 * The Agents SDK peer (bench/peer/echo-agent.ts) under `wrangler dev` — the same wrangler binary
 * and workerd that run Teller's local stack — with throwaway state. Local only.
 */
export interface Peer {
  url: string;
  stop(): Promise<void>;
}

export async function startPeer(): Promise<Peer> {
  const port = await freePort();
  const state = mkdtempSync(path.join(tmpdir(), "teller-peer-"));
  const wrangler = spawn(
    path.join(repoRoot, "node_modules/.bin/wrangler"),
    [
      "dev",
      "-c", "bench/peer/wrangler.toml",
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--inspector-port", String(await freePort()),
      "--persist-to", state,
      "--show-interactive-dev-session=false",
      "--log-level", "warn",
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(wrangler);
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForAnswer(url, wrangler);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Any HTTP answer means the Worker is up (its root answers 404). */
async function waitForAnswer(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the peer's wrangler dev exited with code ${child.exitCode}`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`the peer did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** wrangler and its workerd share the process group started above. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
