import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { freePort } from "./test/support/free-port.js";
import { planTestDatabase } from "./test/support/test-database.js";
import { generateDevIdpKey, generateDevTranscriptKeys } from "./scripts/lib/dev-keys.js";

const COMPATIBILITY_DATE = "2026-04-01";

// Five kinds of tests:
// - "unit": plain domain modules (packages/**) inside workerd, the runtime they ship to.
// - "workers": the Workers and the Durable Object inside workerd, against a real Postgres
//   (embedded PGlite, or the server at TEST_DATABASE_URL) reached through the WebSocket proxy:
//   tests beside their module in workers/** and durable-objects/**, the tests of packages/** that
//   need Postgres (`*.pg.test.ts`, beside their module), and the suites in
//   test/workerd/ that span Workers (gateway → chat → DO → Postgres, the queue, attacks).
// - "web": the React app's components, in happy-dom.
// - "e2e": the local stack (`wrangler dev`, both Workers) driven in headless Chromium.
// - "node": tooling that only ever runs in Node (training, local stack, seed, proxy).
export default defineConfig(async () => {
  // The Workers' bindings are fixed when the config loads, so the database is planned here and
  // started by the global setup.
  const plan = planTestDatabase({ proxyPort: await freePort(), embeddedPort: await freePort() });
  process.env.TELLER_TEST_DB_PLAN = JSON.stringify(plan);
  const devIdpKey = process.env.TELLER_TEST_DEV_IDP_KEY ?? (await generateDevIdpKey());
  process.env.TELLER_TEST_DEV_IDP_KEY = devIdpKey;
  // A fresh transcript master key per run, as the dev IdP key: never one committed to the repository.
  const transcriptKeys = process.env.TELLER_TEST_TRANSCRIPT_KEYS
    ? (JSON.parse(process.env.TELLER_TEST_TRANSCRIPT_KEYS) as ReturnType<typeof generateDevTranscriptKeys>)
    : generateDevTranscriptKeys();
  process.env.TELLER_TEST_TRANSCRIPT_KEYS = JSON.stringify(transcriptKeys);

  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              miniflare: {
                compatibilityDate: COMPATIBILITY_DATE,
                compatibilityFlags: ["nodejs_compat"],
                // The intent model's tables are a binary Data module (ArrayBuffer), as wrangler's default rule imports *.bin.
                modulesRules: [{ type: "Data", include: ["**/*.bin"] }],
              },
            }),
          ],
          test: {
            name: "unit",
            isolate: false,
            include: ["packages/**/*.test.ts"],
            // Node-only tooling runs in "node"; tests that need Postgres (`*.pg.test.ts`) in "workers".
            exclude: ["packages/**/*.node.test.ts", "packages/**/*.pg.test.ts"],
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./test/wrangler.test.toml" },
              miniflare: {
                bindings: {
                  DATABASE_URL: plan.url,
                  DB_WS_PROXY: `127.0.0.1:${plan.proxyPort}`,
                  // A server takes concurrent sessions: ChatSessions then keep their pool across turns.
                  DB_MAX_CONNECTIONS: plan.kind === "server" ? "4" : "1",
                  DEV_IDP_PRIVATE_JWK: devIdpKey,
                  ...transcriptKeys,
                },
              },
            }),
          ],
          test: {
            name: "workers",
            // Files share the runner's isolate, as in the unit project: a fresh isolate per file
            // re-imported the model and the Workers (~5 s a file on CI's 2 cores); every test
            // makes its own customers, so none depends on another file's state.
            isolate: false,
            // The Workers log from alarms and queue consumers after a test has returned (an outbox
            // retrying a customer whose Postgres a fault test took down): sent through vitest's rpc,
            // a line that lands as the run closes failed it ("Closing rpc while onUserConsoleLog was
            // pending") with every test green. workerd prints them to the run's output itself.
            disableConsoleIntercept: true,
            include: ["workers/**/*.test.ts", "durable-objects/**/*.test.ts", "packages/**/*.pg.test.ts", "test/workerd/**/*.test.ts"],
            globalSetup: ["./test/support/global-setup.ts"],
            setupFiles: ["./test/workerd/load-lazy-modules.setup.ts"],
            // The first turn of a file loads the intent model in a fresh isolate: seconds on a busy 2-core CI machine.
            testTimeout: 60_000,
            hookTimeout: 30_000,
          },
        },
        {
          plugins: [react()],
          test: {
            name: "web",
            root: "web",
            environment: "happy-dom",
            include: ["src/**/*.test.{ts,tsx}"],
          },
        },
        {
          test: {
            name: "e2e",
            environment: "node",
            include: ["test/e2e/**/*.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          test: {
            name: "node",
            environment: "node",
            include: ["scripts/**/*.test.ts", "packages/**/*.node.test.ts", "test/node/**/*.test.ts"],
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
