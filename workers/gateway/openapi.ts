import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import {
  AccountOut,
  AccountParams,
  CardOut,
  CardParams,
  PayeeParams,
  ErrorOut,
  IdempotencyKey,
  PayeeOut,
  ScheduleParams,
  ScheduledTransferOut,
  TransactionPageOut,
  TransactionsQuery,
  TransferBody,
  TransferOut,
  TransferParams,
} from "./banking.schemas.js";
import { AgentMessageOut, AgentMessageRequest, HandoffParams } from "./staff/staff.schemas.js";
import { turnsPageSchema, turnsQuerySchema } from "../../packages/contract/chat.schema.js";

/**
 * The OpenAPI 3.1 document of the banking API, rendered with zod's own z.toJSONSchema from the
 * very schema objects the routes validate with (banking.schemas.ts): requests as their input
 * type, responses as their output type. OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's default.
 */
interface Operation {
  method: "get" | "post" | "delete";
  path: string;
  operationId: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  idempotencyKey?: boolean;
  body?: z.ZodType;
  ok: { status: 200 | 201; schema: z.ZodType; description: string };
  errors: number[];
  /** What a status means on this route, where it differs from ERROR_TEXT. */
  errorText?: Partial<Record<number, string>>;
}

const list = (item: z.ZodType) => z.object({ items: z.array(item) });

/** Built when the document is first asked for, not at the gateway's startup (the chat schemas are built on first use). */
const operations = (): Operation[] => [
  { method: "get", path: "/api/accounts", operationId: "listAccounts", summary: "Your accounts", ok: { status: 200, schema: list(AccountOut), description: "Accounts" }, errors: [401] },
  { method: "get", path: "/api/accounts/{id}", operationId: "getAccount", summary: "One of your accounts", params: AccountParams, ok: { status: 200, schema: AccountOut, description: "The account" }, errors: [400, 401, 404] },
  {
    method: "get",
    path: "/api/accounts/{id}/transactions",
    operationId: "listTransactions",
    summary: "An account's transactions, newest first, paginated by cursor",
    params: AccountParams,
    query: TransactionsQuery,
    ok: { status: 200, schema: TransactionPageOut, description: "A page of transactions" },
    errors: [400, 401, 404],
  },
  { method: "get", path: "/api/payees", operationId: "listPayees", summary: "Your saved payees", ok: { status: 200, schema: list(PayeeOut), description: "Payees" }, errors: [401] },
  { method: "get", path: "/api/payees/{id}", operationId: "getPayee", summary: "One of your saved payees", params: PayeeParams, ok: { status: 200, schema: PayeeOut, description: "The payee" }, errors: [400, 401, 404] },
  { method: "get", path: "/api/cards", operationId: "listCards", summary: "Your cards (last four digits only)", ok: { status: 200, schema: list(CardOut), description: "Cards" }, errors: [401] },
  { method: "post", path: "/api/cards/{id}/freeze", operationId: "freezeCard", summary: "Freeze a card (idempotent)", params: CardParams, ok: { status: 200, schema: CardOut, description: "The card, frozen" }, errors: [400, 401, 404] },
  { method: "post", path: "/api/cards/{id}/unfreeze", operationId: "unfreezeCard", summary: "Unfreeze a card (idempotent)", params: CardParams, ok: { status: 200, schema: CardOut, description: "The card, active" }, errors: [400, 401, 404] },
  {
    method: "post",
    path: "/api/transfers",
    operationId: "createTransfer",
    summary: "Move money to your own account or a saved payee, exactly once per Idempotency-Key",
    idempotencyKey: true,
    body: TransferBody,
    ok: { status: 201, schema: TransferOut, description: "Created (200 with Idempotent-Replayed: true when the key was already used for this same transfer)" },
    errors: [400, 401, 404, 413, 415, 422],
  },
  { method: "get", path: "/api/transfers/{id}", operationId: "getTransfer", summary: "One of your transfers", params: TransferParams, ok: { status: 200, schema: TransferOut, description: "The transfer" }, errors: [400, 401, 404] },
  { method: "get", path: "/api/scheduled-transfers", operationId: "listScheduledTransfers", summary: "Your scheduled and recurring transfers (active first)", ok: { status: 200, schema: list(ScheduledTransferOut), description: "Scheduled transfers" }, errors: [401] },
  {
    method: "delete",
    path: "/api/scheduled-transfers/{id}",
    operationId: "cancelScheduledTransfer",
    summary: "Cancel a scheduled or recurring transfer (idempotent; occurrences already sent stay sent)",
    params: ScheduleParams,
    ok: { status: 200, schema: ScheduledTransferOut, description: "The schedule, cancelled" },
    errors: [400, 401, 404, 409],
  },
  {
    method: "get",
    path: "/api/chat/turns",
    operationId: "listChatTurns",
    summary: "Your conversation's kept turns after a point (catching up without a socket), with what awaits a yes/no",
    query: turnsQuerySchema(),
    ok: { status: 200, schema: turnsPageSchema(), description: "The turns after the cursor, oldest first, and the cursor for the next read" },
    errors: [400, 401, 429],
  },
  {
    method: "post",
    path: "/api/staff/handoffs/{id}/messages",
    operationId: "staffSay",
    summary: "Staff console (workforce token): reply to the customer of a hand-off you hold, once per message id",
    params: HandoffParams,
    body: AgentMessageRequest,
    ok: { status: 200, schema: AgentMessageOut, description: "The message, as the customer sees it" },
    errors: [400, 401, 404, 409, 413, 415, 429],
    errorText: {
      401: "Missing or invalid workforce (staff) bearer token",
      404: "No such hand-off visible to you",
      409: "Refused: conflict (claim the conversation first) or customer_disabled (the bank disabled the customer's access: the conversation can be read, not answered)",
    },
  },
];

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input; the message names the field",
  401: "Missing or invalid bearer token",
  404: "No such resource for this customer",
  413: "Body too large",
  409: "Conflict: the scheduled transfer has already finished",
  415: "Body is not application/json, or is sent compressed (Content-Encoding)",
  422: "Refused: insufficient_funds, limit_exceeded or idempotency_key_reused",
  429: "Rate limited (rate_limited); retry after the Retry-After header",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function parameters(op: Operation): unknown[] {
  const out: unknown[] = [];
  for (const [location, schema] of [["path", op.params], ["query", op.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...propertySchema } = property;
      out.push({ name, in: location, required: location === "path" || (object.required ?? []).includes(name), description, schema: propertySchema });
    }
  }
  if (op.idempotencyKey) {
    const { description, ...schema } = jsonSchema(IdempotencyKey, "input");
    out.push({ name: "Idempotency-Key", in: "header", required: true, description, schema });
  }
  return out;
}

let cached: object | undefined;

export function bankingOpenApiDocument(): object {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = jsonSchema(ErrorOut, "output");
  for (const op of operations()) {
    const responses: Record<string, unknown> = {
      [op.ok.status]: { description: op.ok.description, content: { "application/json": { schema: jsonSchema(op.ok.schema, "output") } } },
    };
    for (const status of op.errors) {
      responses[status] = { description: op.errorText?.[status] ?? ERROR_TEXT[status], content: { "application/json": { schema: errorSchema } } };
    }
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      parameters: parameters(op),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      responses,
    };
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Teller banking API",
      version: "1.0.0",
      description: "Amounts are decimal strings with a currency, never floats. Every route needs a bearer token; ids of other customers answer 404.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    security: [{ bearer: [] }],
    paths,
  };
  return cached;
}

let serialized: string | undefined;

/** The document as sent: built and serialised once per isolate (it is public, so it must be cheap). */
export function bankingOpenApiJson(): string {
  return (serialized ??= JSON.stringify(bankingOpenApiDocument()));
}
