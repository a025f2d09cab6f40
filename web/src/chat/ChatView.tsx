import { useEffect } from "react";
import { AccountsPanel } from "../accounts/AccountsPanel.js";
import { useAccounts } from "../accounts/useAccounts.js";
import type { Session } from "../auth/session.js";
import { Composer } from "./Composer.js";
import { ConnectionBanner } from "./ConnectionBanner.js";
import { DeleteHistory } from "./DeleteHistory.js";
import { notYetSent } from "./eraseHistory.js";
import { MessageList } from "./MessageList.js";
import { QueueBanner } from "./QueueBanner.js";
import { ReplyAnnouncer } from "./ReplyAnnouncer.js";
import { useChat } from "./useChat.js";
import { Welcome } from "./Welcome.js";
import type { Reply } from "./protocol.js";

export interface ChatViewProps {
  session: Session;
  onExpired(): void;
  onSignOut(): void;
}

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
        <DeleteHistory notYetSent={notYetSent(chat)} agent={chat.agent} hasConversation={chat.entries.length > 0} onDelete={chat.eraseHistory} />
        <button type="button" className="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <div className="layout">
        <AccountsPanel accounts={accounts} onRefresh={() => void refresh()} />
        <main className="chat" aria-label="Chat with Teller">
          <ConnectionBanner status={chat.status} notice={chat.notice} />
          {chat.handoff && !chat.agent && <QueueBanner onLeave={() => void chat.leaveQueue().catch(() => {})} />}
          {chat.entries.length === 0 && <Welcome name={session.name} onSend={(text) => chat.send(text)} />}
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
