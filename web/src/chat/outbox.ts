/**
 * What the customer typed survives a reload: the draft and the messages not yet answered, in
 * sessionStorage (this tab only), keyed by customer so a different sign-in never sends them.
 */
import { historyKey } from "./history.js";
import type { OutgoingMessage } from "./protocol.js";

const draftKey = (customerId: string) => `teller.draft.${customerId}`;
const unsentKey = (customerId: string) => `teller.unsent.${customerId}`;

export interface UnsentStore {
  load(): OutgoingMessage[];
  save(messages: OutgoingMessage[]): void;
}

export function unsentStore(customerId: string): UnsentStore {
  return {
    load() {
      try {
        const value = JSON.parse(sessionStorage.getItem(unsentKey(customerId)) ?? "[]") as unknown;
        return Array.isArray(value)
          ? value.filter((m): m is OutgoingMessage => typeof m?.id === "string" && typeof m?.text === "string")
          : [];
      } catch {
        return [];
      }
    },
    save(messages) {
      if (messages.length === 0) sessionStorage.removeItem(unsentKey(customerId));
      else sessionStorage.setItem(unsentKey(customerId), JSON.stringify(messages));
    },
  };
}

export function loadDraft(customerId: string): string {
  return sessionStorage.getItem(draftKey(customerId)) ?? "";
}

export function saveDraft(customerId: string, text: string): void {
  if (text) sessionStorage.setItem(draftKey(customerId), text);
  else sessionStorage.removeItem(draftKey(customerId));
}

/** On sign-out: nothing of this customer's stays in the tab. */
export function forgetCustomer(customerId: string): void {
  sessionStorage.removeItem(draftKey(customerId));
  sessionStorage.removeItem(unsentKey(customerId));
  sessionStorage.removeItem(historyKey(customerId));
}
