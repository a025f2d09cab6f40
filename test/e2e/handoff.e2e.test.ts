import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { repoRoot } from "../../scripts/local-stack.js";
import { chromiumAvailable } from "../support/chromium.js";
import { useBrowserStack } from "./browser-stack.js";
import { initialJsBytes } from "./page-metrics.js";
import { ask, replies, signIn } from "./web-flows.js";

const screenshots = path.join(repoRoot, "test-results/screenshots");
/** Agent replies timed from the agent's Send to the words on the customer's screen. */
const REPLIES = 20;

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

describe.skipIf(!chromiumAvailable())("hand-off to people, customer and agent in two browsers", () => {
  const e2e = useBrowserStack({ databasePrefix: "teller_e2e_handoff", outputDir: screenshots });

  it("customer asks for a person → agent claims and replies → customer sees it → hand back → Teller answers again", async () => {
    const customer = (await e2e.pages.open()).page;
    await signIn(customer, "Alex Kim");
    // The agent page is its own chunk: the customer's first load does not carry it.
    const initialJs = await initialJsBytes(e2e.stack.url);
    console.info(`[e2e] customer initial JS: ${(initialJs / 1024).toFixed(1)} KiB gzipped (budget 150 KiB)`);
    expect(initialJs).toBeLessThanOrEqual(150 * 1024);

    // 1. The customer asks for a person.
    const handedOver = await ask(customer, "I want to talk to a human");
    expect(await handedOver.textContent()).toMatch(/member of our team/i);
    await customer.getByRole("button", { name: "Leave the queue" }).waitFor({ timeout: 10_000 });

    // 2. The agent signs in on /agent (demo staff only, no customers), sees it, claims it.
    const agent = (await e2e.pages.open()).page;
    await agent.goto(`${e2e.stack.url}/agent`);
    await agent.getByRole("button", { name: "Dana Whitfield (agent)" }).click();
    expect(await agent.getByRole("button", { name: "Alex Kim" }).count()).toBe(0);
    await agent.getByRole("button", { name: "Claim Alex Kim" }).click({ timeout: 15_000 });
    await agent.getByRole("region", { name: "Conversation with Alex Kim" }).waitFor();
    await agent.locator(".transcript .line.customer", { hasText: "I want to talk to a human" }).waitFor();
    await customer.locator(".messages .agent-event", { hasText: "Dana from the bank joined the chat." }).waitFor({ timeout: 10_000 });

    // 3. The agent replies; the customer sees each reply. Both clocks are this machine's.
    await customer.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        document.querySelectorAll(".messages li.agent .text").forEach((el) => void (seen[el.textContent ?? ""] ??= Date.now()));
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const box = agent.getByLabel("Reply");
    await box.fill("Hi Alex, I'm Dana. I'm looking at your account now.");
    await customer.locator(".typing", { hasText: "Dana is typing" }).waitFor({ timeout: 5_000 });
    const latencies: number[] = [];
    for (let i = 0; i < REPLIES; i++) {
      const text = i === 0 ? "Hi Alex, I'm Dana. I'm looking at your account now." : `Reply number ${i} from Dana`;
      if (i > 0) await box.fill(text);
      const sentAt = await agent.evaluate(() => Date.now());
      await box.press("Enter");
      await customer.locator(".messages li.agent .text", { hasText: text }).waitFor({ timeout: 5_000 });
      const seenAt = await customer.evaluate((t) => (window as unknown as { __seen: Record<string, number> }).__seen[t], text);
      latencies.push(seenAt! - sentAt);
    }
    const p50 = percentile(latencies, 0.5);
    const p99 = percentile(latencies, 0.99);
    console.info(`[e2e] agent reply → customer screen over ${REPLIES} replies: p50 ${p50} ms, p99 ${p99} ms (target p99 ≤ 1000 ms)`);
    expect(p99).toBeLessThanOrEqual(1000);
    await e2e.pages.shot(customer, "handoff-customer");
    await e2e.pages.shot(agent, "handoff-agent");

    // Dana reloads the console (her sign-in is kept for the tab): the conversation she holds opens
    // by itself (it showed "Claim a conversation to answer it." until she pressed Open).
    await agent.reload();
    await agent.getByRole("region", { name: "Conversation with Alex Kim" }).waitFor({ timeout: 15_000 });

    // While Dana holds the conversation, Teller stays silent.
    const tellerBefore = await replies(customer).count();
    const input = customer.getByLabel("Message");
    await input.fill("thanks Dana, what is my balance?");
    await input.press("Enter");
    await agent.locator(".transcript .line.customer", { hasText: "thanks Dana, what is my balance?" }).waitFor({ timeout: 5_000 });
    expect(await replies(customer).count()).toBe(tellerBefore);

    // A long unbroken word (a link the customer pastes) wraps inside its line: it stretched the
    // transcript's grid column past its box, and the link's end was cut off under the summary.
    await input.fill(`this link does not open: https://example.com/statements/${"x".repeat(120)}`);
    await input.press("Enter");
    await agent.locator(".transcript .line.customer", { hasText: "this link does not open" }).waitFor({ timeout: 5_000 });
    const overflowing = await agent.locator(".transcript").evaluate((list) =>
      [list, ...Array.from(list.querySelectorAll(".line"))].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className),
    );
    expect(overflowing).toEqual([]);

    // 4. The agent hands back; Teller answers again.
    await agent.getByRole("button", { name: "Hand back to Teller" }).click();
    await customer.locator(".messages .agent-event", { hasText: "Dana handed you back to Teller. Ask me anything." }).waitFor({ timeout: 10_000 });
    // Dana still reads it, closed: no reply box, nothing to act on.
    const closed = agent.locator('.conversation[data-state="closed"]');
    await closed.waitFor({ timeout: 5_000 });
    // The button pressed is gone: the keyboard is on the notice that says so, not the page's start.
    expect(await agent.evaluate(() => document.activeElement?.className)).toBe("notice closed");
    expect(await closed.locator(".notice.closed").textContent()).toBe("Closed: handed back to Teller. You can read the conversation; replies are off.");
    expect(await closed.locator(".transcript .line.customer", { hasText: "thanks Dana, what is my balance?" }).count()).toBe(1);
    expect(await agent.getByLabel("Reply").count()).toBe(0);
    expect(await agent.getByRole("button", { name: "Hand back to Teller" }).count()).toBe(0);
    const answer = await ask(customer, "how long does a transfer take?");
    expect((await answer.textContent())?.length).toBeGreaterThan(0);
    expect(e2e.pages.problems).toEqual([]);
  }, 120_000);
});
