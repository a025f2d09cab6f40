/**
 * Runtime checks for the data effects return. The DO's code produces it, but the engine must never
 * act on a malformed id or amount, so every result is parsed before use; a bad shape is handled
 * like a failed effect.
 */
import { z } from "zod";
import { CURRENCIES } from "../common/money.js";
import type {
  AccountView,
  CardView,
  DisputeOutcome,
  DisputeView,
  PayeeView,
  SpendingView,
  TransactionView,
  TransferOutcome,
} from "./types.js";

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
}) satisfies z.ZodType<AccountView>;

const payee = z.object({ id, name: z.string(), mask: last4.optional() }) satisfies z.ZodType<PayeeView>;

const card = z.object({
  id,
  accountId: id,
  last4,
  status: z.enum(["active", "frozen"]),
  brand: z.string().optional(),
}) satisfies z.ZodType<CardView>;

const transaction = z.object({
  id,
  postedAt: z.string(),
  merchant: z.string(),
  category: z.string(),
  amount: money,
  status: z.enum(["posted", "pending"]),
  accountId: id.optional(),
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
}) satisfies z.ZodType<SpendingView>;

const transferOutcome = z.object({
  transferId: id,
  status: z.enum(["posted", "pending"]),
}) satisfies z.ZodType<TransferOutcome>;

export const viewSchemas = {
  accounts: z.array(account),
  payees: z.array(payee),
  cards: z.array(card),
  transactions: z.array(transaction),
  spending,
  card,
  transferOutcome,
  disputes: z.array(dispute),
  disputeOutcome: z.object({ dispute, created: z.boolean() }) satisfies z.ZodType<DisputeOutcome>,
};

/** The parsed value, or null when the data does not have the expected shape. */
export function parseView<K extends keyof typeof viewSchemas>(
  kind: K,
  data: unknown,
): z.infer<(typeof viewSchemas)[K]> | null {
  const parsed = viewSchemas[kind].safeParse(data);
  return parsed.success ? (parsed.data as z.infer<(typeof viewSchemas)[K]>) : null;
}
