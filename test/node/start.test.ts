import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-stack.js";
import { freePort } from "../support/free-port.js";

/** `npm start` (scripts/start.ts) on `port`, in memory, its stdout and stderr gathered in `output`. */
function startOnPort(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts/start.ts")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), TELLER_STATE_DIR: "memory", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = { child, output: "" };
  child.stdout.on("data", (chunk) => (started.output += chunk));
  child.stderr.on("data", (chunk) => (started.output += chunk));
  return started;
}

// The README's promise: `npm start` serves one URL, and Ctrl-C stops every process it started.
describe("npm start", () => {
  it("serves the stack on the printed URL and stops all of it on SIGINT", async () => {
    const port = await freePort();
    const started = startOnPort(port);
    const { child } = started;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    const deadline = Date.now() + 90_000;
    while (!started.output.includes("Teller is ready") && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${started.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(started.output).toContain(`open http://127.0.0.1:${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(started.output).toContain("Stopping");
    // Nothing listens any more: wrangler and workerd went with it.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 120_000);

  it("says the port is taken and what to do, instead of pointing at whatever already listens there", async () => {
    // Another `npm start` (or anything else) on the port: that server answers /healthz.
    const { createServer } = await import("node:http");
    const other = createServer((_, res) => res.end("ok"));
    const port = await new Promise<number>((resolve) => other.listen(0, "127.0.0.1", () => resolve((other.address() as { port: number }).port)));
    try {
      const started = startOnPort(port);
      const { child } = started;
      const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      expect(code).toBe(1);
      expect(started.output).toContain(`127.0.0.1:${port} is already in use`);
      expect(started.output).toContain(`PORT=${port + 1} npm start`);
      expect(started.output).not.toContain("Teller is ready");
      expect(started.output).not.toContain("    at ");
    } finally {
      other.close();
    }
  }, 60_000);
});
