import { useEffect, useRef, useState, type FormEvent } from "react";
import { MAX_MESSAGE_CHARS } from "../../../packages/contract/chat.js";
import { loadDraft, saveDraft } from "./outbox.js";

/** The message box. The draft is saved as it's typed, so a reload keeps it. */
export function Composer({ customerId, onSend }: { customerId: string; onSend(text: string): void }) {
  const [draft, setDraft] = useState(() => loadDraft(customerId));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => saveDraft(customerId, draft), [customerId, draft]);
  useEffect(() => input.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    onSend(text);
    setDraft("");
    input.current?.focus();
  }

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="message" className="visually-hidden">
        Message
      </label>
      <input
        id="message"
        ref={input}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        maxLength={MAX_MESSAGE_CHARS}
        autoComplete="off"
        placeholder="Ask about balances, payments, cards…"
      />
      <button type="submit">Send</button>
      {/* The box stops at the limit: a longer paste was cut short without a word. */}
      {draft.length >= MAX_MESSAGE_CHARS && (
        <p className="composer-note" role="status">
          That's the longest message I can take ({MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters). Please send the rest in another message.
        </p>
      )}
    </form>
  );
}
