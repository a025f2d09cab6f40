import { RichReply } from "../replies/RichReply.js";
import { ConfirmationCard } from "./ConfirmationCard.js";
import { withFollowUps } from "./followUps.js";
import { MessageTime } from "./MessageTime.js";
import { QuickReplies } from "./QuickReplies.js";
import type { ConfirmationAnswer, PendingConfirmation, Reply } from "./protocol.js";

export interface TellerMessageProps {
  reply: Reply;
  /** The customer message it answers ("" for a pending confirmation shown from the server's state). */
  replyTo?: string;
  /** Epoch ms when it arrived. */
  at?: number;
  /** Quick replies only make sense under the latest reply. */
  latest: boolean;
  answered: Record<string, "yes" | "no">;
  /** Cards whose answer is still in the unsent queue, and whether the link is down. */
  sending?: Record<string, "offline" | "sending">;
  pending: PendingConfirmation | null | undefined;
  onSend(text: string, confirmation?: ConfirmationAnswer): void;
}

/** One reply from Teller: its words, then any account data, confirmation and suggestions. */
export function TellerMessage({ reply, replyTo, at, latest, answered, sending, pending, onSend }: TellerMessageProps) {
  const confirmation = reply.confirmation;
  return (
    <li className="teller" data-intent={reply.intent?.name} data-reply-to={replyTo || undefined}>
      <span className="visually-hidden">Teller said: </span>
      {/* The confirmation card shows the summary; the same words twice would only add noise. */}
      {reply.text !== confirmation?.summary && <p className="text">{reply.text}</p>}
      {reply.data && <RichReply data={reply.data} />}
      {confirmation && (
        <ConfirmationCard
          confirmation={confirmation}
          actions={reply.actions}
          answered={answered[confirmation.id]}
          sending={sending?.[confirmation.id]}
          pending={pending}
          onAnswer={(answer) => onSend(answer === "yes" ? "Yes" : "No", { id: confirmation.id, answer })}
        />
      )}
      {latest && <QuickReplies actions={withFollowUps(reply)} onSend={(text) => onSend(text)} />}
      <MessageTime at={at} />
    </li>
  );
}
