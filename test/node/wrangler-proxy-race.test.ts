import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startLocalStack } from "../../scripts/local-stack.js";
import { onFreePort } from "../support/free-port.js";
import { whoAnswered } from "../../scripts/load/clients.js";
import { WRANGLER_PROXY } from "../../scripts/load/stats.js";

/**
 * Why `npm run load` counts wrangler dev's "Your worker restarted mid-request" 503 apart from
 * Teller's (scripts/load/stats.ts): with no reload and no line in any Worker's log, the local proxy
 * answers a POST so when its forward to the Workers' process fails. kj closes an idle pooled
 * connection after 5 s at both ends, so POSTs 5 s apart meet the race (workers-sdk#14641); the
 * proxy's "did the Worker change?" test compares a URL with the request's path to one without,
 * so it always says a restart. CI met it as "server errors without faults FAIL 1": one 503 in
 * 24 ms, no gateway line. By hand (session 32): 4 of 14 such POSTs, 14–27 ms, 0 reloads.
 *
 * Opt-in (TELLER_PROXY_RACE=1, about a minute of the lock): it reproduces the local runtime, not
 * Teller, and a wrangler with the fix (workers-sdk#15252 retries the forward) makes it fail, which
 * is when the load runner's special case should go.
 */
describe.runIf(process.env.TELLER_PROXY_RACE === "1")("wrangler dev's proxy, POSTs 5 s apart", () => {
  it("answers 503 'restarted mid-request' that no Worker answered, with no reload", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "teller-proxy-race-"));
    const logFile = path.join(dir, "workers.log");
    const log = openSync(logFile, "w");
    const stack = await onFreePort((port) => startLocalStack({ port, stateDir: "memory", buildWeb: false, log: () => {}, wranglerOutput: log, wranglerLogLevel: "log" }));
    try {
      let proxied: { body: string; ms: number } | undefined;
      let gatewayAnswers = 0;
      for (let i = 0; i < 24 && !proxied; i++) {
        const next = Date.now() + 5_000;
        const started = performance.now();
        // Unauthenticated: the gateway answers 401 at once, and logs a request line for it.
        const response = await fetch(`${stack.url}/api/chat/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        const body = await response.text();
        if (response.status === 503) proxied = { body, ms: performance.now() - started };
        else {
          expect(response.status).toBe(401);
          gatewayAnswers++;
        }
        if (!proxied) await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      }
      expect(proxied, "no 503 in 24 POSTs 5 s apart: has wrangler's proxy stopped failing them (workers-sdk#15252)?").toBeDefined();
      expect(proxied!.body).toMatch(/^Your worker restarted mid-request/);
      expect(whoAnswered(proxied!.body).startsWith(WRANGLER_PROXY)).toBe(true);
      const workersLog = readFileSync(logFile, "utf8");
      expect(workersLog).not.toContain("Reloading local server");
      // Every answer the gateway gave has its line; the 503 has none.
      expect(workersLog.match(/"route":"\/api\/\*","status":401/g)?.length ?? 0).toBe(gatewayAnswers);
      expect(workersLog).not.toMatch(/"status":503/);
    } finally {
      await stack.stop();
      closeSync(log);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
