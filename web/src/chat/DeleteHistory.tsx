import { useEffect, useRef, useState } from "react";
import { erasureError } from "./eraseHistory.js";

export interface DeleteHistoryProps {
  /** Messages written but not answered yet (eraseHistory.ts notYetSent). */
  notYetSent: number;
  /** The first name of the person from the bank in the chat, if any. */
  agent?: string | null;
  /** Whether any conversation is shown: a new one after the erasure ends its status line. */
  hasConversation: boolean;
  /** Erases on the server, then clears the page; rejects as the API does (nothing cleared). */
  onDelete(): Promise<void>;
}

type Step = "closed" | "confirm" | "unsent";

export const DELETED_STATUS = "Your chat history was deleted.";

/**
 * "Delete history" in the chat header: asks in the page before erasing (no window.confirm, which a
 * screen reader user can lose and the PWA cannot style), Escape or Keep leaves everything as it was.
 */
export function DeleteHistory({ notYetSent, agent, hasConversation, onDelete }: DeleteHistoryProps) {
  const [step, setStep] = useState<Step>("closed");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const firstAction = useRef<HTMLButtonElement>(null);

  // The safe answer takes the keyboard when the question (or why it must wait) appears.
  useEffect(() => {
    if (step !== "closed") firstAction.current?.focus();
  }, [step]);
  // Chatting again: "deleted" no longer describes what is on screen.
  useEffect(() => {
    if (hasConversation) setDeleted(false);
  }, [hasConversation]);

  const open = () => {
    setError(null);
    setDeleted(false);
    setStep(notYetSent > 0 ? "unsent" : "confirm");
  };
  const close = () => {
    setStep("closed");
    setError(null);
    opener.current?.focus();
  };
  const confirm = async () => {
    if (busy) return;
    // Written meanwhile (the message box stays usable): it waits for its answer first.
    if (notYetSent > 0) return setStep("unsent");
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      setStep("closed");
      setDeleted(true);
      // The panel goes: the keyboard goes to the message box, as after other buttons that go away.
      document.getElementById("message")?.focus();
    } catch (failure) {
      setError(erasureError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="secondary"
        aria-expanded={step !== "closed"}
        aria-controls="delete-history"
        onClick={() => (step === "closed" ? open() : close())}
      >
        Delete history
      </button>
      <p className="delete-history-status" role="status">
        {deleted ? DELETED_STATUS : ""}
      </p>
      {step !== "closed" && (
        <div
          id="delete-history"
          className="delete-history"
          role="group"
          aria-labelledby="delete-history-question"
          aria-describedby="delete-history-detail"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              close();
            }
          }}
        >
          {step === "unsent" ? (
            <>
              <p id="delete-history-question">{notYetSent === 1 ? "A message you wrote hasn't been sent yet." : "Some messages you wrote haven't been sent yet."}</p>
              <p id="delete-history-detail">Deleting now would lose them. Once they're sent (or after you press Retry), you can delete your history.</p>
              <div className="actions">
                <button ref={firstAction} type="button" className="secondary" onClick={close}>
                  OK
                </button>
              </div>
            </>
          ) : (
            <>
              <p id="delete-history-question">Delete this conversation's history?</p>
              <p id="delete-history-detail">
                Your messages and Teller's replies are deleted from the bank's records; transfers and card changes stay on your accounts.
                {agent ? ` ${agent} from our team stays in this chat; your messages with them are deleted from our records too.` : ""}
              </p>
              {error && (
                <p className="delete-history-error" role="alert">
                  {error}
                </p>
              )}
              <div className="actions">
                <button type="button" className="danger" aria-disabled={busy} onClick={() => void confirm()}>
                  {busy ? "Deleting…" : "Delete"}
                </button>
                <button ref={firstAction} type="button" className="secondary" onClick={close}>
                  Keep
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </>
  );
}
