import { expect as check } from "vitest";
import { createTestCustomer, type TestCustomer } from "../../../scripts/db/fixtures.js";
import { listAccounts } from "../../../packages/banking/index.js";
import { bookExternal } from "../../../packages/banking/ledger.repo.js";
import { eq } from "drizzle-orm";
import { scheduledTransfers } from "../../../packages/db/schema/schedules.js";
import { payees } from "../../../packages/db/schema/banking.js";
import { newId } from "../../../packages/banking/ids.js";
import type { ChatTurn } from "../../../packages/contract/chat.js";
import type { Reply } from "../../../packages/dialogue/index.js";
import { postJson, tokenFor, uniqueCustomerId, withTestDb } from "../helpers.js";

/**
 * Scripted dialogues: what the customer says, what Teller must answer, and what must have
 * happened to the money. Each script runs end to end through the gateway (JWT, RPC, the
 * ChatSession DO, NLU, the dialogue engine, Postgres) with a fresh customer of its own.
 */
export interface Script {
  /** Opening balances in minor units (defaults: checking $1,000.00, savings $5,000.00). */
  customer?: { checking?: number; savings?: number; credit?: boolean };
  /** Card payments and other bookings (on checking unless `account` says), booked through the ledger before the first turn. */
  history?: HistoryItem[];
  /** Saved payees besides Jordan Lee ••7788 and the biller City Power & Light ••9911 (USD; people unless `kind` says). */
  payees?: Array<{ name: string; mask: string; kind?: "person" | "biller" }>;
  /** Report every wrong step and go on to the next (a probe), instead of stopping at the first. */
  soft?: boolean;
  turns: Turn[];
}

export interface HistoryItem {
  /** The account booked (default checking): "credit" for a purchase with the credit card. */
  account?: "checking" | "credit";
  merchant: string;
  category: string;
  /** Minor units, negative for money out. */
  amount: number;
  postedAt: Date;
  status?: "posted" | "pending";
}

/** Noon UTC `days` days ago: a history date whose day does not move with the hour the test runs. */
export function daysAgo(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, 12));
}

/** Day `day` of the month `months` before this one (UTC noon). */
export function monthsAgo(months: number, day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 12));
}

/** Day `day` of last month (UTC noon). */
export function lastMonth(day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, 12));
}

export interface Turn {
  say: string;
  /** Press a button of the previous reply's confirmation instead of typing. */
  press?: "yes" | "no";
  /** With `press`: the button of turn N's reply instead of the previous one (an older card left on screen). */
  pressOf?: number;
  /** Reuse the id of an earlier turn (a client retry). */
  retryOf?: number;
  expect?: {
    intent?: string | RegExp;
    text?: RegExp;
    notText?: RegExp;
    confirmation?: boolean;
    data?: Reply["data"] extends infer D ? (D extends { kind: infer K } ? K : never) : never;
    status?: number;
  };
  /** Balances after the turn, in minor units, by account type. */
  balances?: Partial<Record<"checking" | "savings" | "credit", number>>;
  /** Custom checks with access to the reply and the customer. */
  check?: (reply: Reply, ctx: ScriptContext) => void | Promise<void>;
}

export interface ScriptContext {
  customer: TestCustomer;
  token: string;
  turns: ChatTurn[];
}

export async function runScript(label: string, script: Script): Promise<ScriptContext> {
  const customerId = uniqueCustomerId(label);
  const customer = await withTestDb((db) => createTestCustomer(db, customerId, script.customer ?? {}));
  if (script.payees?.length) {
    const extra = script.payees.map((p) => ({ id: newId("payee"), customerId, name: p.name, mask: p.mask, currency: "USD" as const, kind: p.kind ?? ("person" as const) }));
    await withTestDb((db) => db.insert(payees).values(extra));
  }
  if (script.history?.length) {
    const history = script.history;
    await withTestDb((db) =>
      db.transaction((tx) =>
        bookExternal(
          tx,
          history.map((h) => ({
            customerId,
            accountId: h.account === "credit" ? customer.creditId : customer.checkingId,
            amount: h.amount,
            currency: "USD" as const,
            merchant: h.merchant,
            category: h.category,
            postedAt: h.postedAt,
            status: h.status ?? "posted",
          })),
        ),
      ),
    );
  }
  const token = await tokenFor(customerId);
  const ctx: ScriptContext = { customer, token, turns: [] };
  const ids: string[] = [];
  const expect: typeof check.soft = script.soft ? check.soft : check;
  for (const [index, turn] of script.turns.entries()) {
    const id = turn.retryOf !== undefined ? ids[turn.retryOf]! : `${label}-${index}-${crypto.randomUUID().slice(0, 8)}`;
    ids.push(id);
    const body: Record<string, unknown> = { id, text: turn.say };
    if (turn.press) {
      const pending = (turn.pressOf !== undefined ? ctx.turns[turn.pressOf] : ctx.turns.at(-1))?.reply as Reply | undefined;
      if (!pending?.confirmation) throw new Error(`turn ${index}: nothing to press`);
      body.confirmation = { id: pending.confirmation.id, answer: turn.press };
    }
    const response = await postJson("/api/chat/messages", token, body);
    const where = `turn ${index} ("${turn.say}")`;
    expect(response.status, where).toBe(turn.expect?.status ?? 200);
    if (response.status !== 200) continue;
    const chatTurn = (await response.json()) as ChatTurn;
    ctx.turns.push(chatTurn);
    const reply = chatTurn.reply as Reply;
    const e = turn.expect ?? {};
    if (e.intent !== undefined) {
      if (typeof e.intent === "string") expect(reply.intent.name, where).toBe(e.intent);
      else expect(reply.intent.name, where).toMatch(e.intent);
    }
    if (e.text) expect(reply.text, where).toMatch(e.text);
    if (e.notText) expect(reply.text, where).not.toMatch(e.notText);
    if (e.confirmation !== undefined) expect(Boolean(reply.confirmation), `${where}: confirmation`).toBe(e.confirmation);
    if (e.data) expect(reply.data?.kind, `${where}: data`).toBe(e.data);
    if (turn.balances) await expectBalances(customer, turn.balances, where, expect);
    await turn.check?.(reply, ctx);
  }
  return ctx;
}

export async function balancesOf(customer: TestCustomer): Promise<Record<"checking" | "savings" | "credit", number>> {
  const result = await withTestDb((db) => listAccounts(db, customer.customerId));
  if (!result.ok) throw new Error(result.message);
  const byType = Object.fromEntries(result.value.map((a) => [a.type, a.balance.minor]));
  return byType as Record<"checking" | "savings" | "credit", number>;
}

async function expectBalances(customer: TestCustomer, expected: Turn["balances"], where: string, expect: typeof check.soft = check): Promise<void> {
  const actual = await balancesOf(customer);
  for (const [type, minor] of Object.entries(expected ?? {})) {
    expect(actual[type as keyof typeof actual], `${where}: ${type} balance`).toBe(minor);
  }
}

/** The customer's stored schedules, as rows (amount in minor units, start date YYYY-MM-DD). */
export async function scheduleRowsOf(ctx: ScriptContext) {
  return withTestDb((db) => db.select().from(scheduledTransfers).where(eq(scheduledTransfers.customerId, ctx.customer.customerId)));
}
