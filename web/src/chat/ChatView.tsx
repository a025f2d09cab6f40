import { useEffect } from "react";
import { AccountsPanel } from "../accounts/AccountsPanel.js";
import { useAccounts } from "../accounts/useAccounts.js";
import type { Session } from "../auth/session.js";
import { Composer } from "./Composer.js";
import { ConnectionBanner } from "./ConnectionBanner.js";
import { MessageList } from "./MessageList.js";
import { QuickReplies } from "./QuickReplies.js";
import { ReplyAnnouncer } from "./ReplyAnnouncer.js";
import { useChat } from "./useChat.js";
import type { Action, Reply } from "./protocol.js";

export interface ChatViewProps {
  session: Session;
  onExpired(): void;
  onSignOut(): void;
}

/** The likely first steps, as chips on an empty conversation. */
const STARTERS: Action[] = [
  { type: "reply", label: "My balance", text: "What's my balance?" },
  { type: "reply", label: "Recent transactions", text: "Show my recent transactions" },
  { type: "reply", label: "Spending this month", text: "How much did I spend this month?" },
  { type: "reply", label: "Make a transfer", text: "I want to make a transfer" },
];

/** Signed in: header, accounts panel, conversation and message box. */
export function ChatView({ session, onExpired, onSignOut }: ChatViewProps) {
  const { accounts, refresh } = useAccounts(session.token, onExpired);
  const chat = useChat(session, (reply: Reply) => {
    // Money moved: the panel's balances are stale.
    if (reply.data?.kind === "transfer_receipt") void refresh();
  });
  useEffect(() => {
    if (chat.status === "expired") onExpired();
  }, [chat.status, onExpired]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <h1>Teller</h1>
        <span className="who">
          <span className="visually-hidden">Signed in as </span>
          {session.name}
        </span>
        <button type="button" className="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <div className="layout">
        <AccountsPanel accounts={accounts} onRefresh={() => void refresh()} />
        <main className="chat" aria-label="Chat with Teller">
          <ConnectionBanner status={chat.status} notice={chat.notice} />
          {chat.handoff && !chat.agent && (
            <div className="handoff-banner" role="status">
              <p>You're in the queue for someone from our team. They'll reply here.</p>
              <button type="button" className="secondary" onClick={() => void chat.leaveQueue().catch(() => {})}>
                Leave the queue
              </button>
            </div>
          )}
          {chat.entries.length === 0 && (
            <div className="welcome">
              <p>
                Hi {session.name.split(" ")[0]}. Ask me about your balances, recent transactions, spending, payments or
                cards.
              </p>
              <QuickReplies actions={STARTERS} onSend={(text) => chat.send(text)} />
            </div>
          )}
          <MessageList
            entries={chat.entries}
            unsent={chat.unsent}
            status={chat.status}
            typing={chat.typing}
            agentTyping={chat.agentTyping}
            answered={chat.answered}
            pending={chat.pending}
            onSend={chat.send}
            onRetry={chat.retry}
          />
          <ReplyAnnouncer entries={chat.entries} />
          <Composer customerId={session.customerId} onSend={(text) => chat.send(text)} />
        </main>
      </div>
    </div>
  );
}
