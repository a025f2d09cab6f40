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
  PayeeView,
  ScheduledTransferView,
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
}) satisfies z.ZodType<TransactionView>;

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

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const scheduledTransfer = z.object({
  id,
  fromAccount: z.object({ id, name: z.string(), mask: last4 }),
  to: z.object({ kind: z.enum(["account", "payee"]), id, name: z.string(), mask: last4.optional() }),
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

export const viewSchemas = {
  accounts: z.array(account),
  payees: z.array(payee),
  cards: z.array(card),
  transactions: z.array(transaction),
  spending,
  card,
  transferOutcome,
  scheduledTransfer,
  scheduledTransfers: z.array(scheduledTransfer),
};

/** The parsed value, or null when the data does not have the expected shape. */
export function parseView<K extends keyof typeof viewSchemas>(
  kind: K,
  data: unknown,
): z.infer<(typeof viewSchemas)[K]> | null {
  const parsed = viewSchemas[kind].safeParse(data);
  return parsed.success ? (parsed.data as z.infer<(typeof viewSchemas)[K]>) : null;
}
