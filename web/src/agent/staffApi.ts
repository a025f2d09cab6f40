/** The staff console's HTTP API (/api/staff/*, /dev/staff). The token is passed in, never stored here. */
import { call as apiCall } from "../api.js";
import type { QueueItem, Staff, TranscriptEntry } from "../../../packages/contract/handoff.js";
import type { AccountView, TransactionView } from "../../../packages/contract/views.js";

export type { QueueItem };

export interface HandoffDetail {
  handoff: QueueItem;
  transcript: TranscriptEntry[];
  accounts: AccountView[];
  transactions: TransactionView[];
}

function call<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  return apiCall<T>(path, init, token ?? undefined);
}

const post = (body: unknown = {}): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

export const staffApi = {
  demoStaff: () => call<{ staff: Staff[] }>("/dev/staff", null),
  login: (staffId: string) => call<{ token: string }>("/dev/staff/login", null, post({ staffId })),
  queue: (token: string) => call<{ items: QueueItem[] }>("/api/staff/queue", token),
  view: (token: string, id: string) => call<HandoffDetail>(`/api/staff/handoffs/${id}`, token),
  claim: (token: string, id: string) => call<{ handoff: QueueItem }>(`/api/staff/handoffs/${id}/claim`, token, post()),
  say: (token: string, id: string, text: string) =>
    call<{ id: string; text: string; at: number }>(`/api/staff/handoffs/${id}/messages`, token, post({ id: crypto.randomUUID(), text })),
  typing: (token: string, id: string, on: boolean) => call<{ delivered: boolean }>(`/api/staff/handoffs/${id}/typing`, token, post({ on })),
  handBack: (token: string, id: string) => call<unknown>(`/api/staff/handoffs/${id}/hand-back`, token, post()),
  resolve: (token: string, id: string) => call<unknown>(`/api/staff/handoffs/${id}/resolve`, token, post()),
  deskTicket: (token: string) => call<{ ticket: string }>("/api/staff/ws-ticket", token, post()),
};
