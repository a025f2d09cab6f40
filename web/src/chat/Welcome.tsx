import { QuickReplies } from "./QuickReplies.js";
import type { Action } from "./protocol.js";

/** The likely first steps, as chips on an empty conversation. */
const STARTERS: Action[] = [
  { type: "reply", label: "My balance", text: "What's my balance?" },
  { type: "reply", label: "Recent transactions", text: "Show my recent transactions" },
  { type: "reply", label: "Spending this month", text: "How much did I spend this month?" },
  { type: "reply", label: "Make a transfer", text: "I want to make a transfer" },
];

/** An empty conversation's greeting and first steps. */
export function Welcome({ name, onSend }: { name: string; onSend(text: string): void }) {
  return (
    <div className="welcome">
      <p>Hi {name.split(" ")[0]}. Ask me about your balances, recent transactions, spending, payments or cards.</p>
      <QuickReplies
        actions={STARTERS}
        onSend={(text) => {
          onSend(text);
          // The greeting goes with the first message, and the chip pressed with it: the keyboard
          // goes to the message box instead of falling to the page's start.
          document.getElementById("message")?.focus();
        }}
      />
    </div>
  );
}
