import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-stack.js";
import { importMasterKeys, isSealedPayload, openPayload, sealedKeyId, unwrapDataKey, type SealedPayload } from "../../packages/transcript-crypto/index.js";
import { chromiumAvailable, chromiumPath } from "../support/chromium.js";
import { proxiedQuery } from "../support/proxied-query.js";
import { useBrowserStack } from "./browser-stack.js";
import {
  ask,
  eventually,
  panelBalances,
  probeCapabilities,
  replies,
  signIn,
  timesReceived,
  WAITS_FOR_ACCOUNTS,
  WAITS_FOR_DIALOGUE,
  type Capabilities,
} from "./web-flows.js";

const screenshots = path.join(repoRoot, "test-results/screenshots");

if (!chromiumAvailable()) {
  console.warn(`\n[e2e] SKIPPED: no Chromium at ${chromiumPath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH; .ci/run installs it.\n`);
}

describe.skipIf(!chromiumAvailable())("the local stack in a real browser", () => {
  const e2e = useBrowserStack({ databasePrefix: "teller_e2e", outputDir: screenshots });
  let can: Capabilities;

  beforeAll(async () => {
    can = await probeCapabilities(e2e.stack.url);
    console.info(`[e2e] server features: ${JSON.stringify(can)}`);
  }, 60_000);

  it("signs in as a demo customer, chats, and the conversation reaches Postgres", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.stack.url);
    await page.getByRole("button", { name: "Alex Kim" }).click();
    // Letters only: the server redacts long digit runs (possible account numbers) before it
    // stores text, so a UUID marker would sometimes not match what reached Postgres.
    const text = `hello Teller ${crypto.randomUUID().replace(/[^a-f]/g, "")}`;
    const input = page.getByLabel("Message");
    await input.fill(text);
    await input.press("Enter");
    const reply = page.locator(".messages .teller").first();
    await reply.waitFor({ timeout: 15_000 });
    expect((await reply.textContent())?.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, "chat-first-reply.png"), fullPage: true });

    // The message and the reply went through the queue into Postgres, sealed: the words are not
    // in the table, and open only with the customer's data key under the stack's master key.
    const query = <T extends object>(sql: string, params: unknown[]) => proxiedQuery<T>(e2e.stack.proxyAddress, e2e.stack.databaseUrl, sql, params);
    const keyring = await importMasterKeys(e2e.stack.transcriptKeys.TRANSCRIPT_MASTER_KEYS, e2e.stack.transcriptKeys.TRANSCRIPT_MASTER_KEY_ID);
    const deadline = Date.now() + 15_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      const received = await query<{ message_id: string; payload: unknown }>(
        "select message_id, payload from chat_events where customer_id = $1 and type = 'message.received'",
        ["cus_alex_kim"],
      );
      const keys = await query<{ key_id: string; master_key_id: string; wrapped_key: string }>(
        "select key_id, master_key_id, wrapped_key from transcript_keys where customer_id = $1",
        ["cus_alex_kim"],
      );
      let messageId: string | undefined;
      for (const row of received) {
        if (!isSealedPayload(row.payload)) continue;
        const key = keys.find((k) => k.key_id === sealedKeyId((row.payload as SealedPayload).sealed));
        if (!key) continue;
        const dataKey = await unwrapDataKey(keyring, { keyId: key.key_id, customerId: "cus_alex_kim", masterKeyId: key.master_key_id, wrapped: key.wrapped_key });
        if ((await openPayload(dataKey, row.payload)).text === text) messageId = row.message_id;
      }
      if (messageId) {
        types = (await query<{ type: string }>("select type from chat_events where customer_id = $1 and message_id = $2 order by type", ["cus_alex_kim", messageId])).map((r) => r.type);
        if (types.length >= 2) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(types).toEqual(["message.received", "reply.sent"]);
    const plain = await query<{ n: string }>("select count(*) as n from chat_events t where position($1 in t::text) > 0", [text]);
    expect(Number(plain[0]!.n)).toBe(0);
  }, 60_000);

  it("serves the app with a strict CSP, immutable hashed assets and a revalidated page", async () => {
    const index = await fetch(e2e.stack.url);
    expect(index.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\son[a-z]+=/i);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(e2e.stack.url + asset);
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("signs in and shows a balance as account cards", async ({ skip }) => {
    const { page } = await e2e.pages.open();
    await e2e.pages.shot(page, "signin");
    await signIn(page, "Alex Kim");
    // Replies stream over the WebSocket where the server has one (else HTTP, tested in web/).
    if (can.socket) await page.locator('.connection[data-status="live"]').waitFor({ state: "attached", timeout: 15_000 });
    skip(!can.dialogue, WAITS_FOR_DIALOGUE);
    const reply = await ask(page, "What's my balance?");
    await reply.locator(".account-card").first().waitFor();
    expect(await reply.locator(".account-card").count()).toBeGreaterThan(0);
    expect(await reply.locator(".account-balance").first().textContent()).toMatch(/^-?\$[\d,]+\.\d{2}$/);
    await e2e.pages.shot(page, "chat-balance");
  });

  it("does a transfer with a confirmation, and both balances change in the side panel", async ({ skip }) => {
    skip(!can.dialogue, WAITS_FOR_DIALOGUE);
    skip(!can.accountsApi, WAITS_FOR_ACCOUNTS);
    const { page } = await e2e.pages.open();
    await signIn(page, "Alex Kim");
    const before = await panelBalances(page);
    const reply = await ask(page, "Transfer $25 from checking to savings");
    const card = reply.locator(".confirmation");
    await reply.locator(".confirmation.open").waitFor({ timeout: 15_000 });
    expect(await card.locator(".confirmation-summary").textContent()).toMatch(/\$25\.00/);
    await e2e.pages.shot(page, "transfer-confirmation");
    await card.getByRole("button", { name: /yes/i }).click();
    // Answered once: both buttons are off, so a double click can't send a second "yes".
    expect(await card.getByRole("button", { name: /yes/i }).isDisabled()).toBe(true);
    expect(await card.getByRole("button", { name: /no/i }).isDisabled()).toBe(true);
    await page.locator(".receipt").waitFor({ timeout: 20_000 });
    const after = await eventually(
      () => panelBalances(page),
      (now) => [...now].filter(([id, a]) => a.minor !== before.get(id)?.minor).length === 2,
    );
    const changes = [...after].map(([id, a]) => a.minor - before.get(id)!.minor).filter((d) => d !== 0).sort((a, b) => a - b);
    expect(changes).toEqual([-2500, 2500]);
    await e2e.pages.shot(page, "transfer-done");
  });

  it("draws spending as a chart whose code loads only when needed", async ({ skip }) => {
    skip(!can.dialogue, WAITS_FOR_DIALOGUE);
    const { page } = await e2e.pages.open();
    const chunks: string[] = [];
    page.on("request", (request) => {
      if (/\/assets\/SpendingChart-[\w-]+\.js$/.test(request.url())) chunks.push(request.url());
    });
    await signIn(page, "Alex Kim");
    expect(chunks).toEqual([]);
    const reply = await ask(page, "How much did I spend last month?");
    await reply.locator("svg.spending-chart rect").first().waitFor({ timeout: 15_000 });
    expect(chunks).toHaveLength(1);
    expect(await reply.locator("svg.spending-chart rect").count()).toBeGreaterThan(1);
    await e2e.pages.shot(page, "spending");
  });

  it("freezes a card", async ({ skip }) => {
    skip(!can.dialogue, WAITS_FOR_DIALOGUE);
    const { page } = await e2e.pages.open();
    await signIn(page, "María García");
    let reply = await ask(page, "Freeze my card");
    // Freezing one card happens at once; with several Teller first asks which (quick replies),
    // and a confirmation may follow. Never click a suggestion once it says "frozen" (it would be
    // "Unfreeze").
    for (let step = 0; step < 2 && !/frozen/i.test((await reply.locator(".text").textContent()) ?? ""); step++) {
      const count = await replies(page).count();
      const yes = reply.locator(".confirmation.open").getByRole("button", { name: /yes/i });
      if (await yes.isVisible()) await yes.click();
      else await reply.locator(".quick-replies button").first().click();
      reply = replies(page).nth(count);
      await reply.waitFor({ timeout: 15_000 });
    }
    expect(await reply.textContent()).toMatch(/frozen/i);
    await e2e.pages.shot(page, "card-frozen");
  });

  it("answers an FAQ", async ({ skip }) => {
    skip(!can.dialogue, WAITS_FOR_DIALOGUE);
    const { page } = await e2e.pages.open();
    await signIn(page, "María García");
    const reply = await ask(page, "How long does a transfer take to arrive?");
    expect(await reply.getAttribute("data-intent")).not.toBe("unknown");
    expect((await reply.locator(".text").textContent())!.length).toBeGreaterThan(20);
    await e2e.pages.shot(page, "faq");
  });

  it("loses and regains the connection without losing or doubling a message", async () => {
    const { context, page } = await e2e.pages.open();
    await signIn(page, "María García");
    await ask(page, "What's my balance?");
    await context.setOffline(true);
    await page.getByText("You're offline").waitFor();
    const text = "Show my recent transactions";
    const before = await replies(page).count();
    await page.getByLabel("Message").fill(text);
    await page.getByLabel("Message").press("Enter");
    const mine = page.locator(".messages > li.customer").last();
    await mine.getByText("Waiting to send").waitFor();
    const messageId = (await mine.getAttribute("data-message-id"))!;
    await e2e.pages.shot(page, "offline");
    await context.setOffline(false);
    await replies(page).nth(before).waitFor({ timeout: 30_000 });
    await mine.locator(".message-status").waitFor({ state: "detached" });
    if (can.socket) await page.locator('.connection[data-status="live"]').waitFor({ state: "attached" });
    await page.waitForTimeout(1_000);
    expect(await replies(page).count()).toBe(before + 1);
    // The server saw the message exactly once.
    expect(await timesReceived(e2e.stack, messageId)).toBe(1);
  });

  it("falls back to HTTP when the WebSocket is unavailable", async () => {
    const { page } = await e2e.pages.open();
    await page.route("**/api/chat/ws-ticket", (route) =>
      route.fulfill({ status: 404, contentType: "application/json", body: '{"error":{"code":"not_found","message":"no such API route"}}' }),
    );
    await signIn(page, "María García");
    await page.locator('.connection[data-status="http"]').waitFor({ state: "attached", timeout: 15_000 });
    const reply = await ask(page, can.dialogue ? "What's my balance?" : "hello over HTTP");
    expect((await reply.locator(".text").textContent())!.length).toBeGreaterThan(0);
    if (can.dialogue) await reply.locator(".account-card").first().waitFor();
  });

  it("keeps the draft and unsent messages across a reload, then sends them", async () => {
    const { page } = await e2e.pages.open();
    // The chat API is unreachable (sign-in and accounts still work).
    await page.route("**/api/chat/**", (route) => route.abort("internetdisconnected"));
    await signIn(page, "Alex Kim");
    const text = `typed before reload ${crypto.randomUUID()}`;
    await page.getByLabel("Message").fill(text);
    await page.getByLabel("Message").press("Enter");
    await page.getByLabel("Message").fill("half-written draft");
    await page.reload();
    await page.getByLabel("Message").waitFor();
    expect(await page.getByLabel("Message").inputValue()).toBe("half-written draft");
    const mine = page.locator(".messages > li.customer", { hasText: text });
    await mine.getByText(/Waiting to send|Sending/).waitFor();
    await e2e.pages.shot(page, "reload-kept");
    await page.unroute("**/api/chat/**");
    await replies(page).first().waitFor({ timeout: 30_000 });
    await mine.locator(".message-status").waitFor({ state: "detached" });
  });

  it("sends the customer back to sign-in when the session is refused, keeping what was typed", async () => {
    const { page } = await e2e.pages.open();
    // One handler switched in place: an unroute before a new route left a gap in which the
    // client's retry reached the real server, opened its socket (which routes do not see) and
    // never asked over HTTP again, so the refusal never came (a CI run under load).
    let refuse = false;
    await page.route("**/api/chat/**", (route) =>
      refuse
        ? route.fulfill({ status: 401, contentType: "application/json", body: '{"error":{"code":"unauthorized","message":"the token has expired"}}' })
        : route.abort("internetdisconnected"),
    );
    await signIn(page, "Alex Kim");
    const text = `typed before expiry ${crypto.randomUUID()}`;
    await page.getByLabel("Message").fill(text);
    await page.getByLabel("Message").press("Enter");
    refuse = true;
    await page.getByRole("alert").filter({ hasText: "session has ended" }).waitFor({ timeout: 30_000 });
    await e2e.pages.shot(page, "session-expired");
    await page.unroute("**/api/chat/**");
    await signIn(page, "Alex Kim");
    await page.locator(".messages > li.customer", { hasText: text }).waitFor();
    await replies(page).first().waitFor({ timeout: 30_000 });
  });

  it("works with the keyboard alone", async ({ annotate }) => {
    const { page } = await e2e.pages.open({ reducedMotion: "reduce" });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    // A keyboard user, too, starts once the sign-in list is on screen (the page loads it first).
    await page.getByRole("button", { name: "Alex Kim" }).waitFor({ timeout: 30_000 });
    for (let i = 0; i < 10 && (await focused()) !== "Alex Kim"; i++) await page.keyboard.press("Tab");
    expect(await focused()).toBe("Alex Kim");
    await page.keyboard.press("Enter");
    await page.getByLabel("Message").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("message");
    const before = await replies(page).count();
    await page.keyboard.type(can.dialogue ? "Transfer $5 from checking to savings" : "hello from the keyboard");
    await page.keyboard.press("Enter");
    const reply = replies(page).nth(before);
    await reply.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("message");
    if (!can.dialogue) {
      await annotate(`confirmation by keyboard not run: ${WAITS_FOR_DIALOGUE}`);
    } else {
      await reply.locator(".confirmation.open").waitFor();
      // Back from the message box to the card's buttons: Shift+Tab reaches "No", then "Yes".
      for (let i = 0; i < 6 && !/yes/i.test(await focused()); i++) await page.keyboard.press("Shift+Tab");
      expect(await focused()).toMatch(/yes/i);
      await page.keyboard.press("Enter");
      // The answered buttons are disabled; the keyboard is back in the message box.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("message");
      await page.locator(".receipt").waitFor({ timeout: 20_000 });
    }
    await e2e.pages.shot(page, "keyboard");
  });

  it("fits a phone-sized screen", async () => {
    const { page } = await e2e.pages.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await signIn(page, "Alex Kim");
    await ask(page, can.dialogue ? "Show my recent transactions" : "hello from a phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e.pages.shot(page, "phone");
  });

  it("had no CSP violations or page errors in any of the above", () => {
    expect(e2e.pages.problems).toEqual([]);
  });
});
