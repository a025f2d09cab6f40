import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { repoRoot } from "../../scripts/local-stack.js";
import { chromiumAvailable } from "../support/chromium.js";
import { useBrowserStack } from "./browser-stack.js";
import { ask, eventually, replies, signIn } from "./web-flows.js";

const screenshots = path.join(repoRoot, "test-results/screenshots");

const live = (page: Page) => page.locator('.connection[data-status="live"]').waitFor({ state: "attached", timeout: 15_000 });
const saidTexts = (page: Page) => page.locator(".messages > li.customer .text").allTextContents();

/**
 * One customer, two tabs (one ChatSession, two sockets): every turn shows in both as it happens,
 * so a confirmation asked in one tab is on screen in the other, and a "yes" typed there answers
 * something the customer can see.
 */
describe.skipIf(!chromiumAvailable())("two tabs of the same customer", () => {
  const e2e = useBrowserStack({ databasePrefix: "teller_e2e_tabs", outputDir: screenshots });

  it("shows tab A's confirmation in tab B, where a typed yes answers it, and both show the outcome", async () => {
    const { context, page: tabA } = await e2e.pages.open();
    await signIn(tabA, "Alex Kim");
    const tabB = await context.newPage();
    await tabB.goto(e2e.stack.url);
    await signIn(tabB, "Alex Kim");
    await Promise.all([live(tabA), live(tabB)]);

    const asked = await ask(tabA, "send $25 to Jordan Lee from checking");
    const summary = await asked.locator(".confirmation.open .confirmation-summary").textContent({ timeout: 15_000 });
    expect(summary).toMatch(/\$25\.00/);

    // Tab B shows the customer's words and the same confirmation, open.
    await tabB.locator(".messages > li.customer .text", { hasText: "send $25 to Jordan Lee from checking" }).waitFor({ timeout: 15_000 });
    const cardB = tabB.locator(".messages > li.teller .confirmation.open");
    await cardB.waitFor({ timeout: 15_000 });
    expect(await cardB.locator(".confirmation-summary").textContent()).toBe(summary);
    await e2e.pages.shot(tabB, "tabs-confirmation-in-other-tab");

    // Typed in tab B, the yes answers it; tab A shows that yes and the same receipt, its card closed.
    const done = await ask(tabB, "yes");
    const receipt = (await done.textContent()) ?? "";
    expect(receipt).toMatch(/\$25\.00/);
    expect((await eventually(() => saidTexts(tabA), (texts) => texts.at(-1) === "yes")).at(-1)).toBe("yes");
    const lastA = await eventually(async () => (await replies(tabA).last().textContent()) ?? "", (text) => text === receipt);
    expect(lastA).toBe(receipt);
    expect(await eventually(() => tabA.locator(".confirmation.open").count(), (n) => n === 0)).toBe(0);
    expect(await tabB.locator(".confirmation.open").count()).toBe(0);
    await e2e.pages.shot(tabA, "tabs-answered-elsewhere");

    // The yes moved the money once: the conversation holds one receipt in each tab.
    for (const tab of [tabA, tabB]) {
      const receipts = (await replies(tab).allTextContents()).filter((t) => t === receipt);
      expect(receipts).toHaveLength(1);
    }
  });
  it("shows a confirmation asked before a tab was opened in that fresh tab, where it can be answered", async () => {
    const { context, page: tabA } = await e2e.pages.open();
    await signIn(tabA, "Alex Kim");
    await live(tabA);
    const asked = await ask(tabA, "send $30 to Jordan Lee from checking");
    const summary = await asked.locator(".confirmation.open .confirmation-summary").textContent({ timeout: 15_000 });
    expect(summary).toMatch(/\$30\.00/);

    // A tab opened only now never saw the turn that asked; the server says a confirmation is
    // pending, so the tab shows it, open, with its buttons.
    const fresh = await context.newPage();
    await fresh.goto(e2e.stack.url);
    await signIn(fresh, "Alex Kim");
    await live(fresh);
    const card = fresh.locator(".messages > li.teller .confirmation.open");
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator(".confirmation-summary").textContent()).toBe(summary);
    expect(await fresh.locator(".confirmation").count()).toBe(1);
    await e2e.pages.shot(fresh, "tabs-pending-in-fresh-tab");

    // Its Yes answers it; tab A shows the same receipt and its card closes.
    await card.getByRole("button", { name: "Yes" }).click();
    const receipt = await eventually(async () => (await replies(fresh).last().textContent()) ?? "", (text) => /\$30\.00/.test(text) && !text.includes("Please confirm"));
    expect(receipt).toMatch(/\$30\.00/);
    expect(await eventually(async () => (await replies(tabA).last().textContent()) ?? "", (text) => text === receipt)).toBe(receipt);
    expect(await eventually(() => tabA.locator(".confirmation.open").count(), (n) => n === 0)).toBe(0);
    expect(await fresh.locator(".confirmation.open").count()).toBe(0);
  });
});
