import { useEffect, useRef, useState } from "react";
import { money, shortDate, signedMoney } from "../replies/format.js";
import type { Staff } from "../../../packages/contract/handoff.js";
import type { HandoffDetail } from "./staffApi.js";
import { closedText, isClosed } from "./closed.js";

const TYPING_IDLE_MS = 3_000;
const TYPING_REPEAT_MS = 2_000;
/** Within this many pixels of the bottom the agent is reading the newest lines, so new ones scroll in. */
const NEAR_NEWEST_PX = 48;

/**
 * One conversation: the masked transcript, a read-only account summary, and — for the agent who
 * holds it — the reply box, hand back and resolve. Once closed it stays readable, says so, and
 * offers nothing to act on. There is no control that moves money.
 */
export function Conversation({ detail, staff, onSend, onTyping, onHandBack, onResolve }: {
  detail: HandoffDetail;
  staff: Staff;
  /** Resolves false when the reply was not sent (the agent's words go back into the box). */
  onSend(text: string): Promise<boolean>;
  onTyping(on: boolean): void;
  onHandBack(): void;
  onResolve(): void;
}) {
  const [text, setText] = useState("");
  const typingSince = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The transcript opens at its newest line (why the customer is waiting) and follows new lines,
  // unless the agent has scrolled up to read earlier ones. It opened at the oldest line, so on a
  // long conversation the agent saw a morning's small talk and had to scroll to the request.
  const transcript = useRef<HTMLOListElement>(null);
  const atNewest = useRef(true);
  const shownId = useRef<string | null>(null);
  useEffect(() => {
    const list = transcript.current;
    if (!list) return;
    const opened = shownId.current !== detail.handoff.id;
    shownId.current = detail.handoff.id;
    if (opened || atNewest.current) list.scrollTop = list.scrollHeight;
  }, [detail.handoff.id, detail.transcript.length]);
  const mine = detail.handoff.status === "assigned" && detail.handoff.agentId === staff.id;
  // The bank shut the customer out: the server refuses replies (409 customer_disabled), so none is offered.
  const disabled = detail.handoff.customerDisabled;
  const canResolve = detail.handoff.status === "assigned" && (mine || staff.role === "supervisor");
  const closed = isClosed(detail.handoff.status);
  // Resolve and Hand back remove the button that was pressed: without a place to go the keyboard
  // fell to the page's start. It goes to the notice that says the conversation is closed.
  const closedNotice = useRef<HTMLParagraphElement>(null);
  const seen = useRef({ id: detail.handoff.id, closed });
  useEffect(() => {
    const before = seen.current;
    seen.current = { id: detail.handoff.id, closed };
    const justClosed = closed && !before.closed && before.id === detail.handoff.id;
    if (justClosed && (!document.activeElement || document.activeElement === document.body)) closedNotice.current?.focus();
  }, [detail.handoff.id, closed]);

  function typed(value: string) {
    setText(value);
    const now = Date.now();
    if (now - typingSince.current > TYPING_REPEAT_MS) {
      typingSince.current = now;
      onTyping(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      typingSince.current = 0;
      onTyping(false);
    }, TYPING_IDLE_MS);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const words = text.trim();
    if (!words) return;
    clearTimeout(idle.current);
    typingSince.current = 0;
    setText("");
    // A reply that did not go out comes back into the box, unless the agent has typed anew.
    if (!(await onSend(words))) setText((typed) => (typed === "" ? words : typed));
  }

  return (
    <section className="conversation" aria-label={`Conversation with ${detail.handoff.customerName}`} data-state={closed ? "closed" : "open"}>
      <header>
        <h2>{detail.handoff.customerName}</h2>
        <div className="actions">
          {mine && (
            <button type="button" className="secondary" onClick={onHandBack}>
              Hand back to Teller
            </button>
          )}
          {canResolve && (
            <button type="button" className="secondary" onClick={onResolve}>
              Resolve
            </button>
          )}
        </div>
      </header>
      {closed && (
        <p role="status" className="notice closed" tabIndex={-1} ref={closedNotice}>
          {closedText(detail.handoff.status)}
        </p>
      )}
      {disabled && !closed && (
        <p role="status" className="notice">
          The bank has disabled this customer's access. You can read the conversation but not reply; resolve it or hand it back.
        </p>
      )}
      <div className="conversation-body">
        <ol
          className="transcript"
          aria-label="Transcript"
          ref={transcript}
          onScroll={(e) => {
            const list = e.currentTarget;
            atNewest.current = list.scrollHeight - list.scrollTop - list.clientHeight <= NEAR_NEWEST_PX;
          }}
        >
          {detail.transcript.map((entry) => (
            <li key={entry.id} className={`line ${entry.from}`}>
              <span className="who">{entry.from === "agent" ? `${entry.agentName ?? "Agent"}` : entry.from === "teller" ? "Teller" : detail.handoff.customerName}</span>
              <p className="text">{entry.text}</p>
            </li>
          ))}
        </ol>
        <aside className="summary" aria-label="Accounts (read only)">
          <h3>Accounts</h3>
          <ul>
            {detail.accounts.map((a) => (
              <li key={a.id}>
                {a.name} ••{a.mask}: {money(a.balance)}
              </li>
            ))}
          </ul>
          <h3>Recent transactions</h3>
          <ul>
            {detail.transactions.map((t) => (
              <li key={t.id}>
                {shortDate(t.postedAt)} {t.merchant} {signedMoney(t.amount)}
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {mine && !disabled && (
        <form className="composer" onSubmit={(e) => void submit(e)}>
          <label htmlFor="agent-reply" className="visually-hidden">
            Reply
          </label>
          <input id="agent-reply" value={text} maxLength={2000} autoComplete="off" onChange={(e) => typed(e.target.value)} placeholder="Reply to the customer" />
          <button type="submit">Send</button>
        </form>
      )}
    </section>
  );
}
