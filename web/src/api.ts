/** The gateway's HTTP API as the page uses it. Tokens live in memory only. */
export interface DemoCustomer {
  id: string;
  name: string;
}

export interface ChatReply {
  text: string;
  intent: { name: string; confidence: number };
  actions: Array<{ type: string; label: string; text?: string }>;
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

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set("content-type", "application/json");
  if (token) headers.set("authorization", `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  const body = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!response.ok) {
    throw new ApiError(response.status, body.error?.code ?? "error", body.error?.message ?? response.statusText);
  }
  return body as T;
}

export const api = {
  demoCustomers: () => call<{ customers: DemoCustomer[] }>("/dev/customers"),
  login: (customerId: string) =>
    call<{ token: string }>("/dev/login", { method: "POST", body: JSON.stringify({ customerId }) }),
  send: (token: string, id: string, text: string) =>
    call<{ id: string; reply: ChatReply }>("/api/chat/messages", { method: "POST", body: JSON.stringify({ id, text }) }, token),
};
