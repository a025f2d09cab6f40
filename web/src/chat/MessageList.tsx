import { useEffect, useRef } from "react";
import type { ConnectionStatus } from "./connection.js";
import type { ConfirmationAnswer, PendingConfirmation } from "./protocol.js";
import { MessageTime } from "./MessageTime.js";
import { TellerMessage } from "./TellerMessage.js";
import type { Entry } from "./useChat.js";
import { AgentMessageItem } from "./AgentMessageItem.js";
import { useStickToNewest } from "./stickToNewest.js";

export interface MessageListProps {
  entries: Entry[];
  unsent: Set<string>;
  status: ConnectionStatus;
  typing: boolean;
  /** Someone from the bank is typing (their first name). */
  agentTyping?: string | null | undefined;
  answered: Record<string, "yes" | "no">;
  pending: PendingConfirmation | null | undefined;
  onSend(text: string, confirmation?: ConfirmationAnswer): void;
  /** Sends a failed message again, with its own id. */
  onRetry(id: string): void;
}

/** The conversation, oldest first, scrolled to the newest. Announcements go through ReplyAnnouncer. */
export function MessageList({ entries, unsent, status, typing, agentTyping, answered, pending, onSend, onRetry }: MessageListProps) {
  const end = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const shown = useRef(0);
  useStickToNewest(scroller, list);
  useEffect(() => {
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    // A new reply glides in; a restored conversation (many at once) jumps straight to its end.
    const restored = entries.length - shown.current > 1;
    shown.current = entries.length;
    end.current?.scrollIntoView?.({ block: "end", behavior: reduce || restored ? "auto" : "smooth" });
  }, [entries.length, typing, agentTyping]);

  // A button that sends (quick reply, Yes/No) is disabled or removed by the answer: bring the
  // keyboard back to the message box instead of dropping focus on the page.
  const sendFromList = (text: string, confirmation?: ConfirmationAnswer) => {
    onSend(text, confirmation);
    document.getElementById("message")?.focus();
  };

  const waiting = status === "offline" || status === "reconnecting" || status === "expired";
  const last = entries.at(-1);
  // A card's Yes or No still queued (not yet at the server) says so instead of "You confirmed.".
  const sending: Record<string, "offline" | "sending"> = {};
  for (const e of entries) {
    if (e.kind === "customer" && e.confirmation && !e.error && unsent.has(e.id)) sending[e.confirmation.id] = waiting ? "offline" : "sending";
  }
  return (
    <div className="messages-scroll" ref={scroller}>
      <ol className="messages" aria-label="Conversation" ref={list}>
        {entries.map((entry) =>
          entry.kind === "customer" ? (
            <li key={entry.id} className={`customer${entry.error ? " failed" : ""}`} data-message-id={entry.id}>
              <span className="visually-hidden">You said: </span>
              <p className="text">{entry.text}</p>
              {entry.error ? (
                <div className="message-status">
                  <p role="alert">Not sent: {entry.error}</p>
                  <button
                    type="button"
                    className="retry secondary"
                    aria-label={`Retry sending "${entry.text}"`}
                    onClick={() => {
                      onRetry(entry.id);
                      document.getElementById("message")?.focus();
                    }}
                  >
                    Retry
                  </button>
                </div>
              ) : unsent.has(entry.id) ? (
                <p className="message-status">{waiting ? "Waiting to send…" : "Sending…"}</p>
              ) : (
                <MessageTime at={entry.at} />
              )}
            </li>
          ) : entry.kind === "agent" ? (
            <AgentMessageItem key={entry.key} message={entry.message} />
          ) : entry.reply.text === "" && !entry.reply.data ? null : (
            <TellerMessage
              key={entry.key}
              reply={entry.reply}
              replyTo={entry.replyTo}
              at={entry.at}
              latest={entry === last}
              answered={answered}
              sending={sending}
              pending={pending}
              onSend={sendFromList}
            />
          ),
        )}
      </ol>
      {agentTyping && (
        <p className="typing">
          {agentTyping} is typing<span className="dots" aria-hidden="true"><span>.</span><span>.</span><span>.</span></span>
        </p>
      )}
      {typing && !agentTyping && (
        <p className="typing">
          Teller is typing<span className="dots" aria-hidden="true"><span>.</span><span>.</span><span>.</span></span>
        </p>
      )}
      <div ref={end} />
    </div>
  );
}
