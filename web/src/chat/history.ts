/**
 * What this tab sent, so a reload can show the conversation again. The server keeps the turns
 * and replays them on `resume` with the customer's words as it kept them (redacted); this tab's
 * own words — unredacted, with when each was said and which card a button answered — are kept
 * here, in sessionStorage beside the unsent queue, and cleared with it on sign-out. Bounded like
 * the server's replay.
 */
import type { ConfirmationAnswer } from "./protocol.js";

/** The most turns the server replays on resume (RESUME_LIMIT in the ChatSession). */
export const HISTORY_LIMIT = 50;

export interface LoggedMessage {
  id: string;
  text: string;
  /** Epoch ms when the customer sent it. */
  at: number;
  confirmation?: ConfirmationAnswer;
  /** Epoch ms when its answer arrived. */
  repliedAt?: number;
}

export const historyKey = (customerId: string) => `teller.history.${customerId}`;

export interface MessageLog {
  load(): LoggedMessage[];
  add(message: LoggedMessage): void;
  replied(id: string, at: number): void;
}

export function messageLog(customerId: string): MessageLog {
  const load = (): LoggedMessage[] => {
    try {
      const value = JSON.parse(sessionStorage.getItem(historyKey(customerId)) ?? "[]") as unknown;
      return Array.isArray(value)
        ? value.filter((m): m is LoggedMessage => typeof m?.id === "string" && typeof m?.text === "string" && typeof m?.at === "number")
        : [];
    } catch {
      return [];
    }
  };
  const save = (messages: LoggedMessage[]) => {
    try {
      sessionStorage.setItem(historyKey(customerId), JSON.stringify(messages.slice(-HISTORY_LIMIT)));
    } catch {
      // Storage full or refused: the conversation just won't come back after a reload.
    }
  };
  return {
    load,
    add(message) {
      save([...load().filter((m) => m.id !== message.id), message]);
    },
    replied(id, at) {
      const messages = load();
      const found = messages.find((m) => m.id === id);
      if (!found || found.repliedAt) return;
      found.repliedAt = at;
      save(messages);
    },
  };
}

/** The customer erased their chat history: this tab's copy of their words goes too. */
export function forgetHistory(customerId: string): void {
  sessionStorage.removeItem(historyKey(customerId));
}
