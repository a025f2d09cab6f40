/**
 * "Delete history" in the customer's web app, in headless Chromium against the local stack: the
 * question asked in the page (Escape keeps everything), then the erasure — the list empties, a
 * reload brings nothing back, and the server has nothing left (GET /api/chat/turns, Postgres).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { repoRoot } from "../../scripts/local-stack.js";
import { chromiumAvailable } from "../support/chromium.js";
import { proxiedQuery } from "../support/proxied-query.js";
import { seriousViolations, runAxe } from "./axe.js";
import { useBrowserStack } from "./browser-stack.js";
import { ask, signIn } from "./web-flows.js";

const screenshots = path.join(repoRoot, "test-results/screenshots");
const CUSTOMER = "cus_maria_garcia";

const token = (page: Page) => page.evaluate(() => (JSON.parse(sessionStorage.getItem("teller.session") ?? "{}") as { token: string }).token);

describe.skipIf(!chromiumAvailable())("Delete history in the web app", () => {
  const e2e = useBrowserStack({ databasePrefix: "teller_e2e_erase", outputDir: screenshots });

  const keptTurns = async (page: Page): Promise<number> => {
    const response = await fetch(`${e2e.stack.url}/api/chat/turns?limit=50`, { headers: { authorization: `Bearer ${await token(page)}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { turns: unknown[] }).turns.length;
  };
  const conversationEvents = async (): Promise<number> => {
    const rows = await proxiedQuery<{ n: string }>(
      e2e.stack.proxyAddress,
      e2e.stack.databaseUrl,
      "select count(*) as n from chat_events where customer_id = $1 and type in ('message.received', 'reply.sent')",
      [CUSTOMER],
    );
    return Number(rows[0]?.n ?? 0);
  };

  it("send a message → Delete history (Escape keeps it; Delete erases) → the list is empty, a reload shows no old turn, the server keeps none", async () => {
    // bypassCSP: only so axe-core can be injected (the page's script-src 'self' refuses inline scripts).
    const { page } = await e2e.pages.open({ bypassCSP: true });
    await signIn(page, "María García");
    await ask(page, "what's my balance");
    await ask(page, "hello Teller");
    const shown = page.locator(".messages > li");
    expect(await page.locator(".messages > li.customer").count()).toBe(2);
    // The events reach Postgres through the queue: wait for them, so the erasure has them to erase.
    const deadline = Date.now() + 15_000;
    while ((await conversationEvents()) < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await conversationEvents()).toBeGreaterThanOrEqual(4);
    expect(await keptTurns(page)).toBe(2);

    // The question, in the page: the keyboard on Keep; Escape leaves everything as it was.
    const opener = page.getByRole("button", { name: "Delete history" });
    await opener.click();
    const question = page.getByRole("group", { name: "Delete this conversation's history?" });
    await question.waitFor();
    expect(await question.textContent()).toContain("transfers and card changes stay on your accounts");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep");
    const axeReport = await runAxe(page, "delete question");
    await e2e.pages.shot(page, "delete-history-question");
    await page.keyboard.press("Escape");
    await question.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Delete history");
    expect(await page.locator(".messages > li.customer").count()).toBe(2);
    expect(await keptTurns(page)).toBe(2);

    // Delete: the conversation goes, and the page says so.
    await opener.click();
    await question.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("status").filter({ hasText: "Your chat history was deleted." }).waitFor({ timeout: 15_000 });
    expect(await shown.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("message");
    axeReport.push(...(await runAxe(page, "after delete")));
    await e2e.pages.shot(page, "delete-history-done");
    console.info(`[e2e delete-history] axe: ${axeReport.length === 0 ? "no violations" : axeReport.join("\n")}`);
    expect(seriousViolations(axeReport)).toEqual([]);
    expect(await page.evaluate((id) => sessionStorage.getItem(`teller.history.${id}`), CUSTOMER)).toBeNull();

    // The server kept nothing: no turn to replay, no transcript event in Postgres.
    expect(await keptTurns(page)).toBe(0);
    expect(await conversationEvents()).toBe(0);

    // A reload shows no old turn (the page would restore from the server and this tab's log).
    await page.reload();
    await page.getByLabel("Message").waitFor();
    await page.waitForTimeout(1_500);
    expect(await page.locator(".messages > li.customer").count()).toBe(0);
    expect(await page.locator(".messages > li.teller").count()).toBe(0);

    // And the chat goes on afterwards.
    await ask(page, "what's my balance");
    expect(await keptTurns(page)).toBe(1);
    expect(e2e.pages.problems).toEqual([]);
  });

  // The API does not refuse an erasure during a hand-off (DELETE /api/me/conversation has no such
  // code): the question says the person stays and the messages with them go, the person's console
  // stops showing them, and the chat with them goes on after it.
  it("with a person from the bank in the chat: the question names them, the erasure goes through and leaves their console, and they can still write", async () => {
    const { page: customer } = await e2e.pages.open();
    await signIn(customer, "Alex Kim");
    await ask(customer, "I want to talk to a human");
    const agent = (await e2e.pages.open()).page;
    await agent.goto(`${e2e.stack.url}/agent`);
    await agent.getByRole("button", { name: "Dana Whitfield (agent)" }).click();
    await agent.getByRole("button", { name: "Claim Alex Kim" }).click({ timeout: 15_000 });
    await agent.getByRole("region", { name: "Conversation with Alex Kim" }).waitFor();
    await customer.locator(".messages .agent-event", { hasText: "Dana from the bank joined the chat." }).waitFor({ timeout: 10_000 });

    await customer.getByRole("button", { name: "Delete history" }).click();
    const question = customer.getByRole("group", { name: "Delete this conversation's history?" });
    expect(await question.textContent()).toContain("Dana from our team stays in this chat; your messages with them are deleted from our records too.");
    await question.getByRole("button", { name: "Delete" }).click();
    await customer.getByRole("status").filter({ hasText: "Your chat history was deleted." }).waitFor({ timeout: 15_000 });
    expect(await customer.locator(".messages > li").count()).toBe(0);
    expect(await keptTurns(customer)).toBe(0);
    // The agent's console is told (session 31: it kept showing the erased words until reloaded).
    const conversation = agent.getByRole("region", { name: "Conversation with Alex Kim" });
    await agent.getByText("The customer deleted their chat history", { exact: false }).waitFor({ timeout: 10_000 });
    expect(await conversation.textContent()).not.toContain("I want to talk to a human");

    const box = agent.getByLabel("Reply");
    await box.fill("Still here if you need me.");
    await box.press("Enter");
    await customer.locator(".messages li.agent .text", { hasText: "Still here if you need me." }).waitFor({ timeout: 10_000 });
    await e2e.pages.shot(agent, "delete-history-agent-after");
    expect(e2e.pages.problems).toEqual([]);
  }, 90_000);

  // Session 32: another open tab or device kept showing the erased conversation until reloaded.
  it("erased on one device: the other open one empties its conversation at once and says why", async () => {
    const phone = (await e2e.pages.open()).page;
    const laptop = (await e2e.pages.open()).page;
    await signIn(phone, "Sam Okafor");
    await signIn(laptop, "Sam Okafor");
    await ask(laptop, "what's my balance");
    // The phone shows the laptop's turn (mirrored over its socket).
    await phone.locator(".messages > li.customer", { hasText: "what's my balance" }).waitFor({ timeout: 10_000 });

    await phone.getByRole("button", { name: "Delete history" }).click();
    await phone.getByRole("group", { name: "Delete this conversation's history?" }).getByRole("button", { name: "Delete" }).click();
    await phone.getByRole("status").filter({ hasText: "Your chat history was deleted." }).waitFor({ timeout: 15_000 });

    await laptop.getByRole("status").filter({ hasText: "Your chat history was deleted on another tab or device, so it was cleared here too." }).waitFor({ timeout: 10_000 });
    expect(await laptop.locator(".messages > li").count()).toBe(0);
    await e2e.pages.shot(laptop, "delete-history-other-device");
    // The device that erased says only its own words.
    expect(await phone.getByText("on another tab or device").count()).toBe(0);

    // A reload of the other device brings nothing back, and it chats on.
    await laptop.reload();
    await laptop.getByLabel("Message").waitFor();
    await laptop.waitForTimeout(1_500);
    expect(await laptop.locator(".messages > li.customer").count()).toBe(0);
    await ask(laptop, "hello Teller");
    expect(await keptTurns(laptop)).toBe(1);
    expect(e2e.pages.problems).toEqual([]);
  }, 90_000);
});
