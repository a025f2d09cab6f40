/** What a client sends: its own message id (for retries) and the text. */
export interface ChatMessageInput {
  id: string;
  text: string;
  /** Sent by the Yes/No buttons of a confirmation the server rendered. */
  confirmation?: { id: string; answer: "yes" | "no" };
}

/** A button under a reply: a quick reply sends its text; a confirm answers a pending confirmation. */
export type ChatAction =
  | { type: "reply"; label: string; text: string }
  | { type: "confirm"; confirmationId: string; answer: "yes" | "no"; label: string };

export interface ChatReply {
  text: string;
  intent: { name: string; confidence: number };
  actions: ChatAction[];
}

/** The answer to one customer message; the same message id always gets the same answer. */
export interface ChatTurn {
  id: string;
  reply: ChatReply;
}

export const MAX_MESSAGE_CHARS = 2000;
/** Client message ids: 1–64 characters of [A-Za-z0-9_-] (UUIDs, ULIDs, nanoids all fit). */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
