import type { Action } from "./protocol.js";

/** Suggested next messages; choosing one sends its text as if typed. */
export function QuickReplies({ actions, onSend }: { actions: Action[]; onSend(text: string): void }) {
  const replies = actions.filter((a): a is Extract<Action, { type: "reply" }> => a.type === "reply");
  if (replies.length === 0) return null;
  return (
    <div className="quick-replies" role="group" aria-label="Suggested replies">
      {replies.map((action) => (
        <button key={action.label} type="button" onClick={() => onSend(action.text)}>
          {action.label}
        </button>
      ))}
    </div>
  );
}
