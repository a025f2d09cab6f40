import { Hono, type Context } from "hono";
import type { z } from "zod";
import { describeIssues, type RpcResult } from "../../packages/contract/errors.js";
import type {
  AccountView,
  CardView,
  Page,
  PayeeView,
  TransactionView,
  TransferResult,
  TransferView,
} from "../../packages/contract/views.js";
// Type only: erased from the bundle, so the gateway still carries no drizzle.
import type { ScheduledTransferView } from "../../packages/banking/scheduled.js";
import type { GatewayEnv } from "./env.js";
import type { AuthVariables } from "./auth/index.js";
import { jsonError } from "./errors.js";
import { readJson } from "./json-body/index.js";
import {
  AccountParams,
  CardParams,
  PayeeParams,
  IdempotencyKey,
  ScheduleParams,
  TransactionsQuery,
  TransferBody,
  TransferParams,
  toMinor,
  wire,
} from "./banking.schemas.js";

type BankingContext = Context<{ Bindings: GatewayEnv; Variables: AuthVariables }>;

// A transfer body is a few hundred bytes; 4 KiB leaves room for a 140-character memo in any script.
const MAX_TRANSFER_BODY_BYTES = 4 * 1024;

/**
 * The banking REST API (mounted under /api, behind requireCustomer). The gateway validates every
 * input, then calls the chat Worker's BankingService over RPC with the token's customer id; the
 * domain scopes each query by it, so another customer's id is answered as not found.
 */
export function bankingRoutes() {
  const app = new Hono<{ Bindings: GatewayEnv; Variables: AuthVariables }>();

  app.get("/accounts", async (c) => {
    const result: RpcResult<AccountView[]> = await c.env.BANKING.listAccounts(c.get("customerId"));
    return respond(c, result, (accounts) => ({ items: accounts.map(wire.account) }));
  });

  app.get("/accounts/:id", async (c) => {
    const params = validate(c, AccountParams, c.req.param());
    if (params instanceof Response) return params;
    const result: RpcResult<AccountView> = await c.env.BANKING.getAccount(c.get("customerId"), params.id);
    return respond(c, result, wire.account);
  });

  app.get("/accounts/:id/transactions", async (c) => {
    const params = validate(c, AccountParams, c.req.param());
    if (params instanceof Response) return params;
    const query = validate(c, TransactionsQuery, c.req.query());
    if (query instanceof Response) return query;
    const result: RpcResult<Page<TransactionView>> = await c.env.BANKING.listTransactions(c.get("customerId"), {
      ...query,
      accountId: params.id,
    });
    return respond(c, result, (page) => ({ items: page.items.map(wire.transaction), nextCursor: page.nextCursor }));
  });

  app.get("/payees", async (c) => {
    const result: RpcResult<PayeeView[]> = await c.env.BANKING.listPayees(c.get("customerId"));
    return respond(c, result, (payees) => ({ items: payees.map(wire.payee) }));
  });

  app.get("/payees/:id", async (c) => {
    const params = validate(c, PayeeParams, c.req.param());
    if (params instanceof Response) return params;
    const result: RpcResult<PayeeView> = await c.env.BANKING.getPayee(c.get("customerId"), params.id);
    return respond(c, result, wire.payee);
  });

  app.get("/cards", async (c) => {
    const result: RpcResult<CardView[]> = await c.env.BANKING.listCards(c.get("customerId"));
    return respond(c, result, (cards) => ({ items: cards.map(wire.card) }));
  });

  for (const action of ["freeze", "unfreeze"] as const) {
    app.post(`/cards/:id/${action}`, async (c) => {
      const params = validate(c, CardParams, c.req.param());
      if (params instanceof Response) return params;
      const customerId = c.get("customerId");
      const result: RpcResult<CardView> =
        action === "freeze"
          ? await c.env.BANKING.freezeCard(customerId, params.id)
          : await c.env.BANKING.unfreezeCard(customerId, params.id);
      return respond(c, result, wire.card);
    });
  }

  app.post("/transfers", async (c) => {
    const key = validate(c, IdempotencyKey, c.req.header("idempotency-key"), "Idempotency-Key header");
    if (key instanceof Response) return key;
    const body = await readJson(c, TransferBody, MAX_TRANSFER_BODY_BYTES);
    if (body instanceof Response) return body;
    const result: RpcResult<TransferResult> = await c.env.BANKING.transfer(c.get("customerId"), {
      idempotencyKey: key,
      fromAccountId: body.fromAccountId,
      to: body.toAccountId !== undefined ? { accountId: body.toAccountId } : { payeeId: body.toPayeeId! },
      amount: toMinor(body.amount),
      memo: body.memo ?? null,
    });
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    // A replay answers exactly like the original, except for the status and this header.
    if (result.value.replayed) c.header("Idempotent-Replayed", "true");
    c.header("Location", `/api/transfers/${result.value.transfer.id}`);
    return c.json(wire.transfer(result.value.transfer), result.value.replayed ? 200 : 201);
  });

  app.get("/transfers/:id", async (c) => {
    const params = validate(c, TransferParams, c.req.param());
    if (params instanceof Response) return params;
    const result: RpcResult<TransferView> = await c.env.BANKING.getTransfer(c.get("customerId"), params.id);
    return respond(c, result, wire.transfer);
  });

  app.get("/scheduled-transfers", async (c) => {
    const result: RpcResult<ScheduledTransferView[]> = await c.env.BANKING.listScheduledTransfers(c.get("customerId"));
    return respond(c, result, (items) => ({ items: items.map(wire.scheduledTransfer) }));
  });

  // Cancelling twice answers the same; a finished schedule answers 409. Money already sent stays sent.
  app.delete("/scheduled-transfers/:id", async (c) => {
    const params = validate(c, ScheduleParams, c.req.param());
    if (params instanceof Response) return params;
    const result: RpcResult<ScheduledTransferView> = await c.env.BANKING.cancelScheduledTransfer(c.get("customerId"), params.id);
    return respond(c, result, wire.scheduledTransfer);
  });

  return app;
}

/** Parsed input, or the 400 to send; `label` names the input when the schema is not an object. */
function validate<S extends z.ZodType>(c: BankingContext, schema: S, input: unknown, label?: string): z.infer<S> | Response {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = describeIssues(parsed.error.issues);
  return jsonError(c, 400, "validation_failed", label ? `${label}: ${message}` : message);
}

function respond<T>(c: BankingContext, result: RpcResult<T>, render: (value: T) => unknown): Response {
  if (!result.ok) return jsonError(c, result.status, result.code, result.message);
  return c.json(render(result.value) as object);
}
