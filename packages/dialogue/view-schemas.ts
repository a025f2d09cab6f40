/**
 * The schemas of the data effects return (parsed in views.ts). This module is imported on the
 * first effect result of an isolate, never at startup: zod's own top level and the ~20 schemas
 * cost a fresh isolate ~5 ms and ~10 ms, and FAQ turns never parse a view.
 */
import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import { CURRENCIES } from "../money/money.js";
import type {
  AccountNumbersView,
  AccountView,
  CardView,
  CreditStatementView,
  TransferLimitsView,
  InterestRateView,
  RewardsView,
  DisputeOutcome,
  DisputeView,
  PayeeView,
  ScheduledTransferView,
  SpendingView,
  TransactionView,
  TransferOutcome,
} from "./types.js";

/** Every view's schema, by kind. */
export function buildViewSchemas() {
  const money = z.object({
    minor: z.number().int().refine(Number.isSafeInteger),
    currency: z.enum(CURRENCIES),
  });

  const id = z.string().min(1).max(200);
  const last4 = z.string().regex(/^\d{4}$/);

  const account = z.object({
    id,
    name: z.string(),
    type: z.enum(["checking", "savings", "credit"]),
    mask: last4,
    balance: money,
    available: money.optional(),
    creditLimit: money.nullable().optional(),
  }) satisfies z.ZodType<AccountView>;

  const payee = z.object({ id, name: z.string(), mask: last4.optional(), kind: z.enum(["person", "biller"]).optional() }) satisfies z.ZodType<PayeeView>;

  const card = z.object({
    id,
    accountId: id,
    last4,
    status: z.enum(["active", "frozen"]),
    brand: z.string().optional(),
    expiry: z.object({ month: z.number().int().min(1).max(12), year: z.number().int().min(2000).max(2100) }).nullable().optional(),
    kind: z.enum(["debit", "credit"]).optional(),
  }) satisfies z.ZodType<CardView>;

  const accountType = z.enum(["checking", "savings", "credit"]);
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

  const accountNumbers = z.object({
    accountId: id,
    name: z.string(),
    type: accountType,
    mask: last4,
    accountNumber: z.string().regex(/^\d{6,17}$/).nullable(),
    routingNumber: z.string().regex(/^\d{9}$/).nullable(),
  }) satisfies z.ZodType<AccountNumbersView>;

  const interestRate = z.object({
    accountId: id,
    name: z.string(),
    type: accountType,
    mask: last4,
    annualRateBps: z.number().int().min(0).max(10_000),
    kind: z.enum(["apy", "apr"]),
  }) satisfies z.ZodType<InterestRateView>;

  const rewards = z.object({
    accountId: id,
    name: z.string(),
    mask: last4,
    points: z.number().int().min(0).refine(Number.isSafeInteger),
  }) satisfies z.ZodType<RewardsView>;

  const transferLimits = z.object({
    perTransfer: money,
    daily: money,
    sentToday: money,
  }) satisfies z.ZodType<TransferLimitsView>;

  const creditStatement = z.object({
    accountId: id,
    name: z.string(),
    mask: last4,
    periodStart: isoDate,
    periodEnd: isoDate,
    dueDate: isoDate,
    statementBalance: money,
    minimumPayment: money,
    currentBalance: money,
  }) satisfies z.ZodType<CreditStatementView>;

  const transaction = z.object({
    id,
    postedAt: z.string(),
    merchant: z.string(),
    category: z.string(),
    amount: money,
    status: z.enum(["posted", "pending"]),
    accountId: id.optional(),
    // Kept so that "money in" can leave the customer's own transfers out.
    transferId: id.nullable().optional(),
  }) satisfies z.ZodType<TransactionView>;

  const dispute = z.object({
    id,
    reference: z.string().regex(/^DSP-[0-9A-Z]{6}$/),
    transactionId: id,
    reason: z.enum(["unrecognised", "duplicate", "other"]),
    status: z.enum(["open", "under_review", "resolved", "rejected"]),
    createdAt: z.string(),
    merchant: z.string(),
    amount: money,
    postedAt: z.string(),
  }) satisfies z.ZodType<DisputeView>;

  const spending = z.object({
    from: z.string(),
    to: z.string(),
    total: money,
    byCategory: z.array(z.object({ category: z.string(), total: money })),
    merchant: z.string().optional(),
    payments: z.number().int().nonnegative().optional(),
  }) satisfies z.ZodType<SpendingView>;

  const transferOutcome = z.object({
    transferId: id,
    status: z.enum(["posted", "pending"]),
  }) satisfies z.ZodType<TransferOutcome>;

  const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

  const scheduledTransfer = z.object({
    id,
    fromAccount: z.object({ id, name: z.string(), mask: last4 }),
    to: z.object({ kind: z.enum(["account", "payee"]), id, name: z.string(), mask: last4.optional(), bill: z.literal(true).optional() }),
    amount: money,
    schedule: z.object({
      start: calendarDate,
      repeat: z.object({ unit: z.enum(["day", "week", "month"]), interval: z.number().int().min(1).max(12) }).optional(),
      until: calendarDate.optional(),
      count: z.number().int().min(1).optional(),
    }),
    status: z.enum(["active", "completed", "cancelled", "failed"]),
    nextRunDate: calendarDate.nullable(),
  }) satisfies z.ZodType<ScheduledTransferView>;

  return {
    accounts: z.array(account),
    payees: z.array(payee),
    cards: z.array(card),
    transactions: z.array(transaction),
    spending,
    card,
    transferOutcome,
    accountNumbers: z.array(accountNumbers),
    interestRates: z.array(interestRate),
    rewards: z.array(rewards),
    creditStatements: z.array(creditStatement),
    transferLimits: z.array(transferLimits),
    scheduledTransfer,
    scheduledTransfers: z.array(scheduledTransfer),
    disputes: z.array(dispute),
    disputeOutcome: z.object({ dispute, created: z.boolean() }) satisfies z.ZodType<DisputeOutcome>,
  };
}

export type ViewSchemas = ReturnType<typeof buildViewSchemas>;
