import { useEffect, useId, useState } from "react";
import type { Action, PendingConfirmation } from "./protocol.js";

export interface ConfirmationCardProps {
  confirmation: PendingConfirmation;
  /** The reply's confirm actions; their labels name the buttons. */
  actions: Action[];
  /** What this tab already answered, if anything. */
  answered?: "yes" | "no";
  /**
   * The answer has not reached the server yet (it waits in the unsent queue, with its own message
   * id): "offline" while there is no link, "sending" while it is on its way.
   */
  sending?: "offline" | "sending";
  /** What the server says is pending; undefined when it hasn't said. */
  pending: PendingConfirmation | null | undefined;
  onAnswer(answer: "yes" | "no"): void;
}

type CardState = "open" | "sending" | "answered" | "expired" | "closed";

/**
 * A server-rendered confirmation (the summary comes from the server, never from the customer's
 * words) with Yes / No. The buttons work once: after an answer, expiry, or when the server says
 * something else is pending.
 */
export function ConfirmationCard({ confirmation, actions, answered, sending, pending, onAnswer }: ConfirmationCardProps) {
  const summaryId = useId();
  const expired = useExpired(confirmation.expiresAt);
  // "You confirmed." only once the server has the answer: until then nothing has moved.
  const state: CardState = answered && sending
    ? "sending"
    : answered
    ? "answered"
    : expired
      ? "expired"
      : pending !== undefined && pending?.id !== confirmation.id
        ? "closed"
        : "open";
  const label = (answer: "yes" | "no") =>
    actions.find((a) => a.type === "confirm" && a.confirmationId === confirmation.id && a.answer === answer)?.label ??
    (answer === "yes" ? "Yes" : "No");

  return (
    <div className={`confirmation ${state}`} role="group" aria-labelledby={summaryId}>
      <p className="confirmation-title">Please confirm</p>
      <p id={summaryId} className="confirmation-summary">
        {confirmation.summary}
      </p>
      <div className="confirmation-buttons">
        <button type="button" className="yes" disabled={state !== "open"} onClick={() => onAnswer("yes")}>
          {label("yes")}
        </button>
        <button type="button" className="no" disabled={state !== "open"} onClick={() => onAnswer("no")}>
          {label("no")}
        </button>
      </div>
      <p className="confirmation-state" aria-live="polite">
        {state === "sending" && sendingText(answered === "yes" ? "Yes" : "No", sending)}
        {state === "answered" && (answered === "yes" ? "You confirmed." : "You said no.")}
        {state === "expired" && "This request has expired. Ask again if you still want it."}
        {state === "closed" && "This request is no longer waiting for an answer."}
      </p>
    </div>
  );
}

function sendingText(answer: "Yes" | "No", sending: ConfirmationCardProps["sending"]): string {
  return sending === "offline" ? `Sending your ${answer} when you're back online…` : `Sending your ${answer}…`;
}

/** True once `expiresAt` (epoch ms) has passed; re-renders at that moment. */
function useExpired(expiresAt: number): boolean {
  const [expired, setExpired] = useState(() => Date.now() >= expiresAt);
  useEffect(() => {
    if (expired) return;
    // setTimeout overflows past ~24.8 days; confirmations live minutes.
    const timer = setTimeout(() => setExpired(true), Math.min(expiresAt - Date.now(), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [expiresAt, expired]);
  return expired;
}
