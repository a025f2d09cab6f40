import { ok, type RpcResult } from "../contract/errors.js";
import type { AccountView, PayeeView } from "../contract/views.js";

export type AccountsAndPayees = RpcResult<{ accounts: AccountView[]; payees: PayeeView[] }>;

/**
 * The customer's accounts and payees as one turn reads them: one query for both
 * (listAccountsAndPayees), asked the first time the payees are wanted — understanding a transfer
 * wants them, and the transfer flow then loads the accounts and the payees. The accounts come
 * from that same read only when it was made; an effect that writes makes the next read fresh.
 */
export class TurnReads {
  private both: Promise<AccountsAndPayees> | undefined;

  constructor(private readonly read: () => Promise<AccountsAndPayees>) {}

  async payees(): Promise<RpcResult<PayeeView[]>> {
    const both = await (this.both ??= this.read());
    return both.ok ? ok(both.value.payees) : both;
  }

  /** The accounts of the read already made this turn; undefined when none was (the caller reads them itself). */
  accounts(): Promise<RpcResult<AccountView[]>> | undefined {
    return this.both?.then((both) => (both.ok ? ok(both.value.accounts) : both));
  }

  /** After a write (money moved, a card changed): what was read may be out of date. */
  forget(): void {
    this.both = undefined;
  }
}
