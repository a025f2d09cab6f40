import type { DemoCustomer } from "../../workers/gateway/dev-idp/demo-customers.js";
import { statementDates, type CustomerSpec } from "./fixtures.js";
import { seededId } from "../../packages/banking/ids.js";
import { BANK_ROUTING_NUMBERS } from "../../packages/banking/routing-numbers.js";
import { mulberry32 } from "../../packages/seeded-random/random.js";

/**
 * The demo customers' banking, generated deterministically: the same customer and day give the
 * same accounts, cards, payees and ~90 days of history (salary, rent, groceries, coffee…),
 * ordered in time, never taking an account below zero (or a credit card below its limit).
 */

const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 90;

interface Profile {
  salary: number;
  employer: string;
  rent: number;
  landlord: string;
  opening: { checking: number; savings: number };
  creditLimit: number | null;
  /** Saved payees: people, and billers (offered when the customer is asked which bill to pay). */
  payees: Array<{ name: string; kind: "person" | "biller" }>;
}

const person = (name: string) => ({ name, kind: "person" as const });
const biller = (name: string) => ({ name, kind: "biller" as const });

const PROFILES: Profile[] = [
  {
    salary: 2_850_00,
    employer: "Northwind Labs Payroll",
    rent: 1_650_00,
    landlord: "Greenview Property Mgmt",
    opening: { checking: 3_200_00, savings: 12_400_00 },
    creditLimit: 5_000_00,
    payees: [person("Jordan Lee"), biller("City Power & Light"), biller("Greenview Property Mgmt")],
  },
  {
    salary: 2_400_00,
    employer: "Hospital San Rafael Payroll",
    rent: 1_250_00,
    landlord: "Casa Verde Rentals",
    opening: { checking: 2_100_00, savings: 6_800_00 },
    creditLimit: null,
    payees: [person("Lucía García"), biller("Metro Water Utility")],
  },
  {
    salary: 3_600_00,
    employer: "Okafor Design Studio",
    rent: 2_100_00,
    landlord: "Harbor View Apartments",
    opening: { checking: 4_500_00, savings: 21_000_00 },
    creditLimit: null,
    payees: [person("Chidi Okafor"), biller("Bright Broadband"), biller("Harbor View Apartments")],
  },
];

type Spend = { category: string; merchants: string[]; perWeek: number; min: number; max: number };

const EVERYDAY: Spend[] = [
  { category: "Groceries", merchants: ["Fresh Fields Market", "Corner Grocer", "Trader Bay"], perWeek: 2, min: 18_00, max: 140_00 },
  { category: "Coffee", merchants: ["Bluebird Coffee", "Daily Grind", "Steam & Bean"], perWeek: 4, min: 3_50, max: 7_25 },
  { category: "Transport", merchants: ["Metro Transit", "RideNow", "City Bikes"], perWeek: 3, min: 2_75, max: 32_00 },
  { category: "Dining", merchants: ["Luigi's Trattoria", "Sakura Sushi", "The Green Bowl"], perWeek: 1, min: 18_00, max: 85_00 },
  { category: "Shopping", merchants: ["Bookhaven", "Urban Outfitters Co", "HomeGoods Depot"], perWeek: 0.5, min: 12_00, max: 160_00 },
];

const MONTHLY: Array<{ day: number; category: string; merchant: string; amount: number }> = [
  { day: 3, category: "Subscriptions", merchant: "Streamflix", amount: 15_49 },
  { day: 8, category: "Subscriptions", merchant: "Tunely Music", amount: 11_99 },
  { day: 12, category: "Health", merchant: "Pulse Gym", amount: 39_00 },
  { day: 20, category: "Utilities", merchant: "City Power & Light", amount: 0 }, // amount varies
];

export function demoCustomerSpec(customer: DemoCustomer, index: number, now: Date): CustomerSpec {
  const profile = PROFILES[index % PROFILES.length]!;
  const random = mulberry32(hash(customer.id));
  const id = (kind: Parameters<typeof seededId>[0], key: string) => seededId(kind, `${customer.id}:${key}`);
  const digits = () => String(Math.floor(random() * 10_000)).padStart(4, "0");
  const checking = id("account", "checking");
  const savings = id("account", "savings");
  const credit = profile.creditLimit ? id("account", "credit") : null;

  const spec: CustomerSpec = {
    customer: { id: customer.id, name: customer.name, email: customer.email },
    accounts: [
      { id: checking, type: "checking", name: "Everyday Checking", mask: digits(), currency: "USD" },
      { id: savings, type: "savings", name: "Savings", mask: digits(), currency: "USD" },
      ...(credit
        ? [{ id: credit, type: "credit" as const, name: "Teller Rewards Card", mask: digits(), currency: "USD" as const, creditLimit: profile.creditLimit! }]
        : []),
    ],
    cards: [
      { id: id("card", "debit"), accountId: checking, last4: digits(), brand: "Visa" },
      ...(credit ? [{ id: id("card", "credit"), accountId: credit, last4: digits(), brand: "Mastercard" }] : []),
    ],
    payees: profile.payees.map(({ name, kind }, i) => ({ id: id("payee", `payee-${i}`), name, mask: digits(), currency: "USD" as const, kind })),
    bookings: [],
  };

  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const start = today - HISTORY_DAYS * DAY_MS;
  type Event = { at: number; accountId: string; amount: number; merchant: string; category: string };
  const events: Event[] = [
    { at: start + 8 * 3_600_000, accountId: checking, amount: profile.opening.checking, merchant: "Opening balance", category: "Income" },
    { at: start + 8 * 3_600_000 + 1, accountId: savings, amount: profile.opening.savings, merchant: "Opening balance", category: "Income" },
  ];
  const at = (day: number, fromHour: number, toHour: number) =>
    start + day * DAY_MS + Math.floor((fromHour + random() * (toHour - fromHour)) * 3_600_000 / 60_000) * 60_000;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  for (let day = 1; day <= HISTORY_DAYS; day++) {
    const date = new Date(start + day * DAY_MS);
    const dom = date.getUTCDate();
    if (dom === 1 || dom === 15) {
      events.push({ at: at(day, 6, 7), accountId: checking, amount: profile.salary, merchant: profile.employer, category: "Income" });
    }
    if (dom === 1) events.push({ at: at(day, 9, 10), accountId: checking, amount: -profile.rent, merchant: profile.landlord, category: "Rent" });
    if (dom === 28) events.push({ at: at(day, 5, 6), accountId: savings, amount: between(4_00, 12_00), merchant: "Interest", category: "Income" });
    // Cash from an ATM twice a month, category "Cash" (what "show my atm withdrawals" filters on). A
    // fixed time and amount: no draw from `random`, so the other purchases are drawn as before.
    if (dom === 6 || dom === 21) {
      events.push({ at: start + day * DAY_MS + 17 * 3_600_000, accountId: checking, amount: dom === 6 ? -60_00 : -100_00, merchant: "ATM Withdrawal", category: "Cash" });
    }
    for (const m of MONTHLY) {
      if (dom !== m.day) continue;
      const amount = m.amount || between(58_00, 142_00);
      events.push({ at: at(day, 7, 9), accountId: credit ?? checking, amount: -amount, merchant: m.merchant, category: m.category });
    }
    for (const s of EVERYDAY) {
      // Poisson-ish: each day, each expected purchase happens with probability perWeek / 7.
      let expected = s.perWeek / 7;
      while (random() < expected) {
        expected -= 1;
        const onCredit = credit !== null && random() < 0.4;
        events.push({
          at: at(day, 7, 22),
          accountId: onCredit ? credit : checking,
          amount: -between(s.min, s.max),
          merchant: pick(s.merchants),
          category: s.category,
        });
      }
    }
  }

  events.sort((a, b) => a.at - b.at);
  const closing = statementDates(now);
  const floor = new Map<string, number>(spec.accounts.map((a) => [a.id, -(a.creditLimit ?? 0)]));
  const balance = new Map<string, number>(spec.accounts.map((a) => [a.id, 0]));
  let n = 0;
  for (const e of events) {
    if (e.at >= now.getTime()) continue;
    const next = balance.get(e.accountId)! + e.amount;
    if (next < floor.get(e.accountId)!) continue; // declined: never overdraw
    balance.set(e.accountId, next);
    const key = `booking-${n++}`;
    spec.bookings.push({
      accountId: e.accountId,
      amount: e.amount,
      currency: "USD",
      merchant: e.merchant,
      category: e.category,
      postedAt: new Date(e.at),
      // Card purchases of the last two days are still pending at the card network.
      status: e.amount < 0 && now.getTime() - e.at < 2 * DAY_MS && e.category !== "Rent" ? "pending" : "posted",
      ledgerTransactionId: id("ledgerTransaction", key),
      transactionId: id("transaction", key),
    });
  }
  addAccountFacts(spec, customer, credit, closing, now);
  return spec;
}

/** Teller's demo routing number (the bank's own) and its products' rates, in basis points. */
export const DEMO_ROUTING_NUMBER = BANK_ROUTING_NUMBERS[0]!;
const RATE_BPS = { checking: 1, savings: 375, credit: 2249 } as const;

/**
 * Account numbers, rates, card expiries, rewards and the last credit-card statement. They use their
 * own random stream so the history above stays exactly what earlier seeds wrote, and every figure
 * comes from the bookings: the statement is the card's balance at closing, the points one per
 * dollar spent on the card.
 */
function addAccountFacts(spec: CustomerSpec, customer: DemoCustomer, credit: string | null, closing: ReturnType<typeof statementDates>, now: Date): void {
  const random = mulberry32(hash(`${customer.id}:facts`));
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
  const cardSpend = spec.bookings.filter((b) => b.accountId === credit && b.amount < 0).reduce((sum, b) => sum - b.amount, 0);
  for (const account of spec.accounts) {
    account.details = {
      accountNumber: `${digits(8)}${account.mask}`,
      routingNumber: account.type === "credit" ? null : DEMO_ROUTING_NUMBER,
      annualRateBps: RATE_BPS[account.type],
      rewardsPoints: account.type === "credit" ? Math.floor(cardSpend / 100) : null,
    };
  }
  for (const card of spec.cards) {
    card.expiryMonth = 1 + Math.floor(random() * 12);
    card.expiryYear = now.getUTCFullYear() + 1 + Math.floor(random() * 4);
  }
  if (!credit) return;
  const closesAt = Date.parse(`${closing.periodEnd}T23:59:59.999Z`);
  const owed = -spec.bookings.filter((b) => b.accountId === credit && b.postedAt.getTime() <= closesAt).reduce((sum, b) => sum + b.amount, 0);
  const statementBalance = Math.max(0, owed);
  // Minimum payment: the greater of $25 and 1% of the balance, never more than the balance.
  const minimumPayment = Math.min(statementBalance, Math.max(25_00, Math.round(statementBalance / 100)));
  spec.statements = [
    {
      id: seededId("statement", `${customer.id}:statement:${closing.periodEnd}`),
      accountId: credit,
      currency: "USD",
      ...closing,
      statementBalance,
      minimumPayment,
    },
  ];
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
