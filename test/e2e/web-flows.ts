/**
 * Page-level helpers for the browser tests: signing in, asking, reading the accounts panel, and
 * probing which server features exist yet (so a flow that needs one is skipped by name, never
 * faked).
 */
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import type { LocalStack } from "../../scripts/local-stack.js";
import { proxiedQuery } from "../support/proxied-query.js";

export interface Capabilities {
  /** The dialogue engine answers (not the placeholder "I can't understand requests yet"). */
  dialogue: boolean;
  /** GET /api/accounts answers with the seeded accounts. */
  accountsApi: boolean;
  /** POST /api/chat/ws-ticket exists. */
  socket: boolean;
}

export const WAITS_FOR_DIALOGUE = "waits for the dialogue engine wired into the ChatSession DO (today the server answers with a placeholder reply)";
export const WAITS_FOR_ACCOUNTS = "waits for GET /api/accounts with seeded demo accounts";

export async function probeCapabilities(baseUrl: string): Promise<Capabilities> {
  // A customer the browser tests don't use, so the probe's turn is in nobody's transcript.
  const login = await fetch(`${baseUrl}/dev/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ customerId: "cus_sam_okafor" }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const turn = await fetch(`${baseUrl}/api/chat/messages`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ id: `probe-${Date.now()}`, text: "what is my balance" }),
  });
  const body = (await turn.json().catch(() => ({}))) as { reply?: { intent?: { name?: string } } };
  const accounts = await fetch(`${baseUrl}/api/accounts`, { headers: auth });
  const items = accounts.ok ? ((await accounts.json()) as { items?: unknown[] }).items : undefined;
  const ticket = await fetch(`${baseUrl}/api/chat/ws-ticket`, { method: "POST", headers: auth });
  return {
    dialogue: turn.ok && Boolean(body.reply?.intent?.name) && body.reply?.intent?.name !== "unknown",
    accountsApi: Array.isArray(items) && items.length > 0,
    socket: ticket.ok,
  };
}

/** Every page records CSP violations and page errors, so one test can assert there were none. */
export class Pages {
  readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
    readonly screenshots: string,
  ) {}

  async open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) this.problems.push(message.text());
    });
    page.on("pageerror", (error) => this.problems.push(`page error: ${error.message}`));
    // Sessions 28 and 29: in 2 of about 8 CI runs one first navigation never reached "load" within 30 s
    // (the same test each time; it passed alone and on the rerun; the cause is not found). One more
    // navigation is tried and said in the log; a second timeout fails the test as before.
    await page.goto(this.baseUrl).catch(async (error: unknown) => {
      if (!(error instanceof Error) || error.name !== "TimeoutError") throw error;
      console.warn(`e2e: navigation to ${this.baseUrl} timed out once; trying again`);
      await page.goto(this.baseUrl);
    });
    return { context, page };
  }

  shot(page: Page, name: string): Promise<Buffer> {
    return page.screenshot({ path: path.join(this.screenshots, `${name}.png`) });
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
  }
}

export async function signIn(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name }).click();
  await page.getByLabel("Message").waitFor();
}

export const replies = (page: Page): Locator => page.locator(".messages > li.teller");

/**
 * Sends a message and returns the first reply to it: the reply that names the message it
 * answers. Not "the next reply on screen": another may come first that the product rightly shows
 * — a pending confirmation the server's state frame brings in after sign-in (one an earlier test
 * left open), or a turn mirrored from another tab.
 */
export async function ask(page: Page, text: string, timeout = 20_000): Promise<Locator> {
  // This message: the words just typed, after those already on screen (another tab's turn with
  // other words may arrive meanwhile).
  const words = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  const mine = page.locator(".messages > li.customer").filter({ has: page.locator("p.text", { hasText: words }) });
  const before = await mine.count();
  const input = page.getByLabel("Message");
  await input.fill(text);
  await input.press("Enter");
  const sent = mine.nth(before);
  await sent.waitFor({ timeout });
  const id = await sent.getAttribute("data-message-id");
  const reply = replies(page).and(page.locator(`[data-reply-to="${id}"]`)).first();
  await reply.waitFor({ timeout });
  return reply;
}

/** "$1,234.56" / "-$5.00" → minor units. */
export function toMinor(text: string): number {
  const negative = text.trim().startsWith("-");
  const digits = text.replace(/[^0-9]/g, "");
  return (negative ? -1 : 1) * Number(digits);
}

/** The side panel's balances, by account id. */
export async function panelBalances(page: Page): Promise<Map<string, { name: string; minor: number }>> {
  const rows = page.locator(".panel-accounts li[data-account-id]");
  await rows.first().waitFor({ timeout: 15_000 });
  const result = new Map<string, { name: string; minor: number }>();
  for (const row of await rows.all()) {
    const id = (await row.getAttribute("data-account-id"))!;
    const name = (await row.locator(".account-name").textContent()) ?? "";
    result.set(id, { name, minor: toMinor((await row.locator(".account-balance").textContent()) ?? "") });
  }
  return result;
}

/** Waits until `check` holds, polling; returns its last value for the assertion message. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/**
 * How many times the server took the message in (its message.received events), read once it has
 * at least once: a message sent again after a failure or while offline must count 1.
 */
export async function timesReceived(stack: Pick<LocalStack, "proxyAddress" | "databaseUrl">, messageId: string): Promise<number> {
  const rows = await eventually(
    () =>
      proxiedQuery<{ n: string }>(
        stack.proxyAddress,
        stack.databaseUrl,
        "select count(*) as n from chat_events where type = 'message.received' and message_id = $1",
        [messageId],
      ),
    (r) => Number(r[0]?.n) >= 1,
  );
  return Number(rows[0]!.n);
}
