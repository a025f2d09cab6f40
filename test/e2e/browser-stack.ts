import { mkdirSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { startLocalStack, type LocalStack } from "../../scripts/local-stack.js";
import { launchChromium } from "../support/chromium.js";
import { onFreePort } from "../support/free-port.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "../support/test-database.js";
import { Pages } from "./web-flows.js";

export interface BrowserStack {
  readonly stack: LocalStack;
  readonly browser: Browser;
  readonly pages: Pages;
}

/**
 * A throwaway local stack (its own port, in-memory state and, with E2E_DATABASE_URL, its own
 * database, so a running `npm start` is untouched) and a headless Chromium, for the tests of one
 * describe block: started before them, stopped after. Call inside the describe; read the fields
 * inside tests and hooks. Screenshots go to `outputDir`.
 */
export function useBrowserStack(options: { databasePrefix: string; outputDir: string }): BrowserStack {
  let started: { stack: LocalStack; browser: Browser; pages: Pages } | undefined;
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  let pages: Pages | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (process.env.E2E_DATABASE_URL) {
      const database = await createThrowawayDatabase(process.env.E2E_DATABASE_URL, throwawayDatabaseName(options.databasePrefix));
      databaseUrl = database.url;
      dropDatabase = database.drop;
    }
    // E2E_WRANGLER_LOG=1 shows the stack's wrangler output (the Workers' logs) when a test fails.
    stack = await onFreePort((port) => startLocalStack({ port, stateDir: "memory", databaseUrl, log: process.env.E2E_WRANGLER_LOG ? (line) => console.log(line) : () => {}, wranglerOutput: process.env.E2E_WRANGLER_LOG ? "inherit" : "ignore" }));
    browser = await launchChromium();
    mkdirSync(options.outputDir, { recursive: true });
    pages = new Pages(browser, stack.url, options.outputDir);
    started = { stack, browser, pages };
  }, 120_000);

  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await stack?.stop();
    await dropDatabase?.();
  }, 30_000);

  const ready = () => {
    if (!started) throw new Error("the e2e stack is not started (read it inside a test or hook)");
    return started;
  };
  return {
    get stack() {
      return ready().stack;
    },
    get browser() {
      return ready().browser;
    },
    get pages() {
      return ready().pages;
    },
  };
}
