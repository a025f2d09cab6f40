/** The gateway's HTTP API as the page uses it. The token is passed in; nothing here stores it. */
import type { AccountView } from "../../packages/dialogue/types.js";
import { isCurrency, parseDecimalAmount, type Money } from "../../packages/money/money.js";
import type { AgentMessage, OutgoingMessage, Reply, TurnsPage } from "./chat/protocol.js";

export interface DemoCustomer {
  id: string;
  name: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** fetch rejects (TypeError) only when the request never got an answer: offline, DNS, reset. */
export class NetworkError extends Error {}

/** One JSON call to the gateway: bearer token, typed errors (the staff console uses it too). */
export async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set("content-type", "application/json");
  if (token) headers.set("authorization", `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!response.ok) {
    throw new ApiError(response.status, body.error?.code ?? "error", body.error?.message ?? response.statusText);
  }
  return body as T;
}

/** `since` as the server reads it (SinceInstant): an ISO 8601 instant. */
export const sinceParam = (since: number | undefined): { since?: string } => (since === undefined ? {} : { since: new Date(since).toISOString() });
/** The socket's URL with the sign-in: its first state frame then leaves out what waits from before it. */
export const sinceUrl = (url: string, since: number | undefined): string =>
  since === undefined ? url : `${url}${url.includes("?") ? "&" : "?"}since=${encodeURIComponent(new Date(since).toISOString())}`;

export const api = {
  demoCustomers: () => call<{ customers: DemoCustomer[] }>("/dev/customers"),
  login: (customerId: string) =>
    call<{ token: string; expiresIn?: number; signedInAt?: string }>("/dev/login", { method: "POST", body: JSON.stringify({ customerId }) }),
  send: (token: string, message: OutgoingMessage) =>
    call<{ id: string; reply: Reply }>("/api/chat/messages", { method: "POST", body: JSON.stringify(message) }, token),
  wsTicket: (token: string) => call<{ ticket: string }>("/api/chat/ws-ticket", { method: "POST" }, token),
  /**
   * What the bank's people said after `after` (catch-up after a reconnect, and HTTP clients);
   * `since` (epoch ms, the sign-in): nothing said before it.
   */
  agentMessages: (token: string, after: number, since?: number) =>
    call<{ messages: AgentMessage[]; held: boolean; waiting: boolean }>(`/api/chat/agent-messages?${new URLSearchParams({ after: String(after), ...sinceParam(since) })}`, {}, token),
  /**
   * The kept turns after `after` (a seq or a message id; none: the newest): catching up without a
   * socket. `since` (epoch ms, the sign-in): no turn kept before it.
   */
  turns: (token: string, after: number | string | undefined, limit: number, since?: number) =>
    call<TurnsPage>(`/api/chat/turns?${new URLSearchParams({ ...(after === undefined ? {} : { after: String(after) }), limit: String(limit), ...sinceParam(since) })}`, {}, token),
  /** GDPR Art. 17: the customer's chat history goes, in the Durable Object and in Postgres at once. */
  eraseConversation: (token: string) => call<{ erased: true; turns: number; events: number }>("/api/me/conversation", { method: "DELETE" }, token),
  leaveHandoff: (token: string) => call<{ left: true; handoffId: string }>("/api/chat/handoff/leave", { method: "POST" }, token),
  accounts: async (token: string): Promise<AccountView[]> => {
    const body = await call<{ items: WireAccount[] }>("/api/accounts", {}, token);
    return body.items.map((a) => ({ ...a, balance: fromWire(a.balance), available: fromWire(a.available) }));
  },
};

/** The REST API's money: a decimal string ("-12.34") and a currency. */
interface WireMoney {
  value: string;
  currency: string;
}

interface WireAccount extends Omit<AccountView, "balance" | "available"> {
  balance: WireMoney;
  available: WireMoney;
}

/** Exact conversion to minor units (never through a float). */
export function fromWire(money: WireMoney): Money {
  if (!isCurrency(money.currency)) throw new Error(`unsupported currency ${money.currency}`);
  const negative = money.value.startsWith("-");
  const parsed = parseDecimalAmount(negative ? money.value.slice(1) : money.value, money.currency);
  if (!parsed.ok) throw new Error(`not an amount: ${money.value}`);
  return { minor: negative ? -parsed.minor : parsed.minor, currency: money.currency };
}

/** Words a customer can act on, for any failure. */
export function plainError(error: unknown): string {
  if (error instanceof NetworkError) return "We can't reach Teller right now. Check your connection.";
  if (error instanceof ApiError) {
    if (error.status === 401) return "Your session has ended. Please sign in again.";
    if (error.status === 429) return "You're sending messages quickly. Please wait a moment and try again.";
    if (error.status >= 500) return "Something went wrong on our side. Please try again in a moment.";
    return error.message || "That didn't work. Please try again.";
  }
  return "Something went wrong. Please try again.";
}
