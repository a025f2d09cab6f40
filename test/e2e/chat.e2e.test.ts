import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { repoRoot, startLocalStack, type LocalStack } from "../../scripts/local-stack.js";
import { chromiumAvailable, chromiumPath, launchChromium } from "../support/chromium.js";
import { freePort } from "../support/free-port.js";
import { proxiedQuery } from "../support/proxied-query.js";
import { createThrowawayDatabase } from "../support/test-database.js";

const screenshots = path.join(repoRoot, "test-results/screenshots");

if (!chromiumAvailable()) {
  console.warn(`\n[e2e] SKIPPED: no Chromium at ${chromiumPath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH; .ci/run installs it.\n`);
}

describe.skipIf(!chromiumAvailable())("the local stack in a real browser", () => {
  let stack: LocalStack;
  let browser: Browser;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    // A throwaway stack on its own port, state and database, so a running `npm start` is untouched.
    let databaseUrl: string | undefined;
    if (process.env.E2E_DATABASE_URL) {
      const database = await createThrowawayDatabase(process.env.E2E_DATABASE_URL, "teller_e2e");
      databaseUrl = database.url;
      dropDatabase = database.drop;
    }
    stack = await startLocalStack({
      port: await freePort(),
      stateDir: "memory",
      databaseUrl,
      log: () => {},
      wranglerOutput: "ignore",
    });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await dropDatabase?.();
  }, 30_000);

  it("signs in as a demo customer, chats, and the conversation reaches Postgres", async () => {
    const page = await browser.newPage();
    await page.goto(stack.url);
    await page.getByRole("button", { name: "Alex Kim" }).click();
    const text = `hello Teller ${crypto.randomUUID()}`;
    const input = page.getByLabel("Message");
    await input.fill(text);
    await input.press("Enter");
    const reply = page.locator(".messages .teller").first();
    await reply.waitFor({ timeout: 15_000 });
    expect((await reply.textContent())?.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, "chat-first-reply.png"), fullPage: true });

    // The message and the reply went through the queue into Postgres.
    const deadline = Date.now() + 15_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      const rows = await proxiedQuery<{ type: string }>(
        stack.proxyAddress,
        stack.databaseUrl,
        `select type from chat_events where customer_id = $1 and message_id =
           (select message_id from chat_events where type = 'message.received' and payload->>'text' = $2)
         order by type`,
        ["cus_alex_kim", text],
      );
      types = rows.map((r) => r.type);
      if (types.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(types).toEqual(["message.received", "reply.sent"]);
  }, 60_000);
});
