import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import { CURRENCIES, parseDecimalAmount, toDecimalString, type Money } from "../../packages/money/money.js";
// Leaf modules only: packages/banking/index.ts would pull drizzle and the schema into the gateway.
import { ID_PATTERNS } from "../../packages/banking/ids.js";
import { IDEMPOTENCY_KEY_PATTERN, MAX_MEMO_CHARS, MAX_PAGE_SIZE, MAX_SEARCH_CHARS } from "../../packages/banking/limits.js";
import type { AccountView, CardView, PayeeView, TransactionView, TransferView } from "../../packages/contract/views.js";
// Type only: erased from the bundle, so the gateway still carries no drizzle.
import type { ScheduledTransferView } from "../../packages/banking/scheduled.js";

/**
 * The banking REST API's wire format. The request schemas here are the ones the routes validate
 * with, and openapi.ts renders this same table (z.toJSONSchema), so the document cannot drift
 * from what the gateway accepts. Money travels as `{"value": "12.34", "currency": "USD"}`.
 */

const id = (kind: keyof typeof ID_PATTERNS, what: string) =>
  z.string().regex(ID_PATTERNS[kind], `not ${what} id`).meta({ description: `${what[0]!.toUpperCase()}${what.slice(1)} id`, example: exampleId(kind) });

function exampleId(kind: keyof typeof ID_PATTERNS): string {
  return ID_PATTERNS[kind].source.slice(1).split("_")[0] + "_0123456789abcdefghjk";
}

export const AccountId = id("account", "an account");
export const CardId = id("card", "a card");
export const TransferId = id("transfer", "a transfer");
export const PayeeId = id("payee", "a payee");
export const ScheduleId = id("schedule", "a scheduled transfer");

const isoDateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, "must be an ISO date (2026-01-31) or date-time");

export const AccountParams = z.strictObject({ id: AccountId });
export const CardParams = z.strictObject({ id: CardId });
export const PayeeParams = z.strictObject({ id: PayeeId });
export const TransferParams = z.strictObject({ id: TransferId });
export const ScheduleParams = z.strictObject({ id: ScheduleId });

export const TransactionsQuery = z.strictObject({
  cursor: z.string().max(200, "too long").optional().meta({ description: "Opaque cursor from the previous page's nextCursor" }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .pipe(z.number().int().min(1, `must be from 1 to ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE, `must be from 1 to ${MAX_PAGE_SIZE}`))
    .optional()
    .meta({ description: `Page size, 1–${MAX_PAGE_SIZE} (default 20)` }),
  q: z
    .string()
    .min(1, "must not be empty")
    .max(MAX_SEARCH_CHARS, `must be at most ${MAX_SEARCH_CHARS} characters`)
    .optional()
    .meta({ description: "Case-insensitive search in merchant and category" }),
  from: isoDateOrDateTime.optional().meta({ description: "Earliest posting (inclusive); a date means its start, UTC" }),
  to: isoDateOrDateTime.optional().meta({ description: "Latest posting (inclusive); a date means its end, UTC" }),
});

export const IdempotencyKey = z
  .string({ error: "required header" })
  .regex(IDEMPOTENCY_KEY_PATTERN, "must be 8–128 visible ASCII characters")
  .meta({ description: "Unique per transfer; retrying with the same key never moves money twice", example: "7b0e7a1c-transfer-42" });

const AmountIn = z.strictObject({
  value: z
    .string({ error: "must be a decimal string like \"12.34\"" })
    .regex(/^\d{1,15}(\.\d+)?$/, "must be a positive decimal string like \"12.34\"")
    .meta({ example: "12.34" }),
  currency: z.enum(CURRENCIES, { error: `must be one of ${CURRENCIES.join(", ")}` }),
});

export const TransferBody = z
  .strictObject({
    fromAccountId: AccountId,
    toAccountId: AccountId.optional(),
    toPayeeId: PayeeId.optional(),
    amount: AmountIn,
    memo: z.string().max(MAX_MEMO_CHARS, `must be at most ${MAX_MEMO_CHARS} characters`).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.toAccountId === undefined) === (body.toPayeeId === undefined)) {
      ctx.addIssue({ code: "custom", path: ["toAccountId"], message: "give exactly one of toAccountId or toPayeeId" });
    }
    if (body.toAccountId !== undefined && body.toAccountId === body.fromAccountId) {
      ctx.addIssue({ code: "custom", path: ["toAccountId"], message: "must differ from fromAccountId" });
    }
    const parsed = parseDecimalAmount(body.amount.value, body.amount.currency);
    if (!parsed.ok) {
      const message =
        parsed.error === "precision" ? `at most 2 decimals for ${body.amount.currency}` : "is too large";
      ctx.addIssue({ code: "custom", path: ["amount", "value"], message });
    } else if (parsed.minor === 0) {
      ctx.addIssue({ code: "custom", path: ["amount", "value"], message: "must be greater than zero" });
    }
  })
  .meta({ description: "Give exactly one of toAccountId (your own account) or toPayeeId (a saved payee)." });

export function toMinor(amount: { value: string; currency: Money["currency"] }): Money {
  const parsed = parseDecimalAmount(amount.value, amount.currency);
  if (!parsed.ok) throw new RangeError("amount was validated before conversion");
  return { minor: parsed.minor, currency: amount.currency };
}

// ── Responses ────────────────────────────────────────────────────────────────────────────────

const MoneyOut = z.object({ value: z.string().meta({ example: "-12.34" }), currency: z.enum(CURRENCIES) });
export const AccountOut = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["checking", "savings", "credit"]),
  mask: z.string().meta({ description: "Last four digits of the account number" }),
  currency: z.enum(CURRENCIES),
  balance: MoneyOut,
  available: MoneyOut,
  creditLimit: MoneyOut.nullable(),
});
export const TransactionOut = z.object({
  id: z.string(),
  accountId: z.string(),
  postedAt: z.string(),
  merchant: z.string(),
  category: z.string(),
  amount: MoneyOut.meta({ description: "Negative for money out" }),
  status: z.enum(["posted", "pending"]),
  transferId: z.string().nullable(),
});
export const TransactionPageOut = z.object({ items: z.array(TransactionOut), nextCursor: z.string().nullable() });
export const PayeeOut = z.object({ id: z.string(), name: z.string(), mask: z.string(), currency: z.enum(CURRENCIES), kind: z.enum(["person", "biller"]) });
export const CardOut = z.object({
  id: z.string(),
  accountId: z.string(),
  last4: z.string().meta({ description: "The only digits of the card number ever stored or shown" }),
  brand: z.string(),
  status: z.enum(["active", "frozen"]),
});
export const TransferOut = z.object({
  id: z.string(),
  status: z.enum(["posted"]),
  fromAccountId: z.string(),
  toAccountId: z.string().nullable(),
  toPayeeId: z.string().nullable(),
  amount: MoneyOut,
  memo: z.string().nullable(),
  createdAt: z.string(),
});
const CalendarDate = z.string().meta({ description: "A calendar date (YYYY-MM-DD), UTC", example: "2026-12-04" });
export const ScheduledTransferOut = z.object({
  id: z.string(),
  status: z.enum(["active", "completed", "cancelled", "failed"]),
  fromAccountId: z.string(),
  toAccountId: z.string().nullable(),
  toPayeeId: z.string().nullable(),
  amount: MoneyOut,
  startDate: CalendarDate,
  repeat: z
    .object({ unit: z.enum(["day", "week", "month"]), interval: z.number().int() })
    .nullable()
    .meta({ description: "Every `interval` units from startDate; null for a one-off" }),
  untilDate: CalendarDate.nullable().meta({ description: "Last date an occurrence may fall on" }),
  count: z.number().int().nullable().meta({ description: "Occurrences in all" }),
  nextRunDate: CalendarDate.nullable().meta({ description: "Next occurrence while active" }),
  runsDone: z.number().int(),
  createdAt: z.string(),
});
export const ErrorOut = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

const money = (m: Money) => ({ value: toDecimalString(m.minor, m.currency), currency: m.currency });

export const wire = {
  account: (a: AccountView): z.infer<typeof AccountOut> => ({
    ...a,
    balance: money(a.balance),
    available: money(a.available),
    creditLimit: a.creditLimit ? money(a.creditLimit) : null,
  }),
  transaction: (t: TransactionView): z.infer<typeof TransactionOut> => ({ ...t, amount: money(t.amount) }),
  payee: (p: PayeeView): z.infer<typeof PayeeOut> => ({ ...p }),
  card: (c: CardView): z.infer<typeof CardOut> => ({ ...c }),
  transfer: (t: TransferView): z.infer<typeof TransferOut> => ({
    id: t.id,
    status: t.status,
    fromAccountId: t.fromAccountId,
    toAccountId: "accountId" in t.to ? t.to.accountId : null,
    toPayeeId: "payeeId" in t.to ? t.to.payeeId : null,
    amount: money(t.amount),
    memo: t.memo,
    createdAt: t.createdAt,
  }),
  scheduledTransfer: (s: ScheduledTransferView): z.infer<typeof ScheduledTransferOut> => ({
    id: s.id,
    status: s.status,
    fromAccountId: s.fromAccount.id,
    toAccountId: s.to.kind === "account" ? s.to.id : null,
    toPayeeId: s.to.kind === "payee" ? s.to.id : null,
    amount: money(s.amount),
    startDate: s.schedule.start,
    repeat: s.schedule.repeat ?? null,
    untilDate: s.schedule.until ?? null,
    count: s.schedule.count ?? null,
    nextRunDate: s.nextRunDate,
    runsDone: s.runsDone,
    createdAt: s.createdAt,
  }),
};
