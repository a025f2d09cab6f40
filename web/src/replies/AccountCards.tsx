import type { AccountView } from "../../../packages/dialogue/types.js";
import { maskedNumber, money, spokenMask, titleCase } from "./format.js";

/** Balances as one card per account. */
export function AccountCards({ accounts }: { accounts: AccountView[] }) {
  if (accounts.length === 0) return <p className="rich-empty">No accounts to show.</p>;
  return (
    <ul className="account-cards" aria-label="Account balances">
      {accounts.map((account) => (
        <li key={account.id} className={`account-card account-${account.type}`}>
          <span className="account-name">{account.name}</span>
          <span className="account-meta">
            {titleCase(account.type)} <span aria-label={spokenMask(account.mask)}>{maskedNumber(account.mask)}</span>
          </span>
          <span className="account-balance" aria-label={`Balance ${money(account.balance)}`}>
            {money(account.balance)}
          </span>
          {account.available && account.available.minor !== account.balance.minor && (
            <span className="account-available">{money(account.available)} available</span>
          )}
        </li>
      ))}
    </ul>
  );
}
