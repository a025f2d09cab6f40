/** What the customer reads when the bank's people join, leave, or cannot come. */

/** "Dana from the bank joined" — what the customer sees when an agent claims the conversation. */
export function joinedText(agentFirstName: string): string {
  return `${agentFirstName} from the bank joined the chat.`;
}

export function leftText(agentFirstName: string, resolved: boolean): string {
  return resolved
    ? `${agentFirstName} marked this conversation as resolved. Teller is here if you need anything else.`
    : `${agentFirstName} handed you back to Teller. Ask me anything.`;
}

/** Told to a customer nobody picked up in time: other ways to reach the bank. */
export const NOBODY_FREE_TEXT =
  "Sorry, nobody from our team was free to pick this up. You can call us any time on 0800 123 4567 " +
  "(+44 20 7946 0000 from abroad), or send a secure message from online banking and we'll reply within one working day. " +
  "If your card was lost or stolen, call now: we can block it at once.";

export const LEFT_QUEUE_TEXT = "You've left the queue. Teller is here if you need anything else.";
