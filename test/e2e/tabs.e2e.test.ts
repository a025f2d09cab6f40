import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { repoRoot } from "../../scripts/local-stack.js";
import { chromiumAvailable } from "../support/chromium.js";
import { useBrowserStack } from "./browser-stack.js";
import { ask, eventually, replies, signIn } from "./web-flows.js";

const screenshots = path.join(repoRoot, "test-results/screenshots");

const live = (page: Page) => page.locator('.connection[data-status="live"]').waitFor({ state: "attached", timeout: 15_000 });
const overHttp = (page: Page) => page.locator('.connection[data-status="http"]').waitFor({ state: "attached", timeout: 15_000 });
const saidTexts = (page: Page) => page.locator(".messages > li.customer .text").allTextContents();
/**
 * What messages say, without the time each tab shows beside them: two tabs can put one turn on
 * either side of a minute (each writes the time it heard an answer live, a read turn the server's).
 */
const wordsOf = (messages: Locator) =>
  messages.evaluateAll((items) =>
    items.map((item) => {
      const copy = item.cloneNode(true) as Element;
      copy.querySelectorAll("time.message-time").forEach((time) => time.remove());
      return copy.textContent ?? "";
    }),
  );
const lastWords = async (page: Page) => (await wordsOf(replies(page))).at(-1) ?? "";
/** What Teller's messages say in words (not cards), oldest first. */
const tellerTexts = (page: Page) => replies(page).locator("p.text").allTextContents();

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
    const receipt = (await wordsOf(done))[0] ?? "";
    expect(receipt).toMatch(/\$25\.00/);
    expect((await eventually(() => saidTexts(tabA), (texts) => texts.at(-1) === "yes")).at(-1)).toBe("yes");
    const lastA = await eventually(() => lastWords(tabA), (text) => text === receipt);
    expect(lastA).toBe(receipt);
    expect(await eventually(() => tabA.locator(".confirmation.open").count(), (n) => n === 0)).toBe(0);
    expect(await tabB.locator(".confirmation.open").count()).toBe(0);
    await e2e.pages.shot(tabA, "tabs-answered-elsewhere");

    // The yes moved the money once: the conversation holds one receipt in each tab.
    for (const tab of [tabA, tabB]) {
      const receipts = (await wordsOf(replies(tab))).filter((t) => t === receipt);
      expect(receipts).toHaveLength(1);
    }
  });
  it("does not show a confirmation asked before a tab signed in (a shared device: the next person's sign-in looks the same); the tab that asked still answers it", async () => {
    const { context, page: tabA } = await e2e.pages.open();
    await signIn(tabA, "Alex Kim");
    await live(tabA);
    const asked = await ask(tabA, "send $30 to Jordan Lee from checking");
    const summary = await asked.locator(".confirmation.open .confirmation-summary").textContent({ timeout: 15_000 });
    expect(summary).toMatch(/\$30\.00/);

    // A tab signed in only now never saw the turn that asked: it used to show the card (a payee,
    // an amount) from the server's state; the server now leaves out what waits from before a sign-in.
    const fresh = await context.newPage();
    await fresh.goto(e2e.stack.url);
    await signIn(fresh, "Alex Kim");
    await live(fresh);
    await fresh.waitForTimeout(1_500);
    expect(await fresh.locator(".confirmation").count()).toBe(0);
    expect(await tellerTexts(fresh)).toEqual([]);
    await e2e.pages.shot(fresh, "tabs-no-earlier-confirmation-in-fresh-tab");

    // Tab A, which showed it, answers it; the fresh tab sees that turn live, as it happens.
    await tabA.locator(".confirmation.open").getByRole("button", { name: "Yes" }).click();
    const receipt = await eventually(() => lastWords(tabA), (text) => /\$30\.00/.test(text) && !text.includes("Please confirm"));
    expect(receipt).toMatch(/\$30\.00/);
    expect(await eventually(() => lastWords(fresh), (text) => text === receipt)).toBe(receipt);
    expect(await fresh.locator(".confirmation.open").count()).toBe(0);
  });

  it("does not show a question asked before a tab signed in; after a reload each tab shows both sides of its own sign-in's conversation, once", async () => {
    const { context, page: tabA } = await e2e.pages.open();
    await signIn(tabA, "Sam Okafor");
    await live(tabA);
    const asked = await ask(tabA, "send money to Chidi Okafor");
    const question = (await asked.locator("p.text").textContent({ timeout: 15_000 })) ?? "";
    expect(question).toMatch(/how much/i);

    // A tab signed in only now never saw it asked, and is not shown it.
    const fresh = await context.newPage();
    await fresh.goto(e2e.stack.url);
    await signIn(fresh, "Sam Okafor");
    await live(fresh);
    await fresh.waitForTimeout(1_500);
    expect(await tellerTexts(fresh)).toEqual([]);
    await e2e.pages.shot(fresh, "tabs-no-earlier-question-in-fresh-tab");

    // Reloaded, tab A shows its own words and the question, once (not again from the state).
    await tabA.reload();
    await live(tabA);
    expect(await eventually(() => saidTexts(tabA), (texts) => texts.at(-1) === "send money to Chidi Okafor")).toContain("send money to Chidi Okafor");
    expect((await eventually(() => tellerTexts(tabA), (texts) => texts.at(-1) === question)).at(-1)).toBe(question);
    expect((await tellerTexts(tabA)).filter((text) => text === question)).toHaveLength(1);

    // The fresh tab's "50" answers nothing it never saw: a new transfer, which asks to whom.
    const next = await ask(fresh, "50");
    const to = (await next.locator("p.text").textContent({ timeout: 15_000 })) ?? "";
    expect(to).toMatch(/who should i send it to/i);
    await fresh.reload();
    await live(fresh);
    const said = await eventually(() => saidTexts(fresh), (texts) => texts.at(-1) === "50");
    expect(said).toEqual(["50"]);
    const texts = await eventually(() => tellerTexts(fresh), (all) => all.at(-1) === to);
    expect(texts.at(-1)).toBe(to);
    expect(texts.filter((text) => text === question)).toHaveLength(0);
    expect(texts.filter((text) => text === to)).toHaveLength(1);
    await e2e.pages.shot(fresh, "tabs-reload-both-sides");
    // Nothing left open for the next test.
    expect(await (await ask(fresh, "cancel")).locator("p.text").textContent()).toMatch(/cancelled/i);
  });

  it("keeps a tab with no socket (HTTP only) in step: it shows the socket tab's turns, and its own reach the socket tab", async () => {
    const { context, page: socketTab } = await e2e.pages.open();
    await signIn(socketTab, "María García");
    const httpTab = await context.newPage();
    // No socket for this tab: the ticket route answers as a server without one would.
    await httpTab.route("**/api/chat/ws-ticket", (route) =>
      route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: { code: "not_found", message: "no socket here" } }) }),
    );
    let sockets = 0;
    httpTab.on("websocket", () => sockets++);
    await httpTab.goto(e2e.stack.url);
    await signIn(httpTab, "María García");
    await Promise.all([live(socketTab), overHttp(httpTab)]);

    // Asked in the socket tab: the HTTP tab reads it (GET /api/chat/turns), words and open confirmation.
    const asked = await ask(socketTab, "transfer $20 from checking to savings");
    const summary = await asked.locator(".confirmation.open .confirmation-summary").textContent({ timeout: 15_000 });
    expect(summary).toMatch(/\$20\.00/);
    await httpTab.locator(".messages > li.customer .text", { hasText: "transfer $20 from checking to savings" }).waitFor({ timeout: 15_000 });
    const card = httpTab.locator(".messages > li.teller .confirmation.open");
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator(".confirmation-summary").textContent()).toBe(summary);
    await e2e.pages.shot(httpTab, "tabs-http-caught-up");

    // Answered over HTTP: the socket tab shows the yes and the receipt; both cards close.
    const done = await ask(httpTab, "yes");
    const receipt = (await wordsOf(done))[0] ?? "";
    expect(receipt).toMatch(/\$20\.00/);
    expect(await eventually(() => lastWords(socketTab), (text) => text === receipt)).toBe(receipt);
    expect(await eventually(() => socketTab.locator(".confirmation.open").count(), (n) => n === 0)).toBe(0);
    expect(await eventually(() => httpTab.locator(".confirmation.open").count(), (n) => n === 0)).toBe(0);

    // One more from the socket tab; then both show the same conversation, each turn once.
    await ask(socketTab, "what's my balance?");
    const said = ["transfer $20 from checking to savings", "yes", "what's my balance?"];
    expect(await eventually(() => saidTexts(httpTab), (texts) => texts.join("|") === said.join("|"))).toEqual(said);
    expect(await saidTexts(socketTab)).toEqual(said);
    expect(await eventually(async () => (await replies(httpTab).allTextContents()).length, (n) => n === 3)).toBe(3);
    expect(await wordsOf(replies(httpTab))).toEqual(await wordsOf(replies(socketTab)));
    expect(sockets).toBe(0);
  });
});
