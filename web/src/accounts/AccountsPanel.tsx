import { useState } from "react";
import { maskedNumber, money, spokenMask } from "../replies/format.js";
import type { AccountsState } from "./useAccounts.js";

/**
 * Accounts and balances beside the chat. A disclosure, open by default on wide screens and closed
 * on a phone, so the conversation keeps the space there.
 */
export function AccountsPanel({ accounts, onRefresh }: { accounts: AccountsState; onRefresh(): void }) {
  const [open] = useState(() => window.matchMedia?.("(min-width: 56rem)").matches ?? true);
  return (
    <aside className="accounts-panel" aria-labelledby="accounts-heading">
      <details open={open}>
        <summary>
          <h2 id="accounts-heading">Your accounts</h2>
        </summary>
        <AccountsBody accounts={accounts} />
        <button type="button" className="secondary" onClick={onRefresh}>
          Refresh balances
        </button>
      </details>
    </aside>
  );
}

function AccountsBody({ accounts }: { accounts: AccountsState }) {
  switch (accounts.state) {
    case "loading":
      return <p className="muted">Loading balances…</p>;
    case "unavailable":
      return <p className="muted">Balances aren't available here yet. Ask Teller in the chat.</p>;
    case "error":
      return <p className="muted">{accounts.message}</p>;
    case "ready":
      if (accounts.accounts.length === 0) return <p className="muted">No accounts yet.</p>;
      return (
        <ul className="panel-accounts" aria-live="polite">
          {accounts.accounts.map((a) => (
            <li key={a.id} data-account-id={a.id}>
              <span className="account-name">{a.name}</span>
              <span className="account-meta" aria-label={spokenMask(a.mask)}>
                {maskedNumber(a.mask)}
              </span>
              <span className="account-balance">{money(a.balance)}</span>
            </li>
          ))}
        </ul>
      );
  }
}
