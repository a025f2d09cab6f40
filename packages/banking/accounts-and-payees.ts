import { sql } from "drizzle-orm";
import { ok, type RpcResult } from "../contract/errors.js";
import type { AccountView, PayeeView } from "../contract/views.js";
import type { Db } from "../db/client.js";
import type { AccountRow } from "./accounts.repo.js";
import type { PayeeRow } from "./payees.repo.js";
import { accountView, payeeView } from "./views.js";
import { executeNamedRead } from "./named-read.js";

/** The columns the views read, as Postgres's json gives them. */
type AccountJson = Pick<AccountRow, "id" | "name" | "type" | "mask" | "currency" | "balance"> & { credit_limit: number };
type PayeeJson = Pick<PayeeRow, "id" | "name" | "mask" | "currency" | "kind">;

/**
 * The customer's accounts and saved payees in one round trip, as listAccounts and listPayees
 * give them (same rows, same order): a transfer being set up needs both, and reading them one
 * after the other cost the chat turn a second round trip.
 */
export async function listAccountsAndPayees(db: Db, customerId: string): Promise<RpcResult<{ accounts: AccountView[]; payees: PayeeView[] }>> {
  // A named statement (named-read.ts): planned once per connection, not on every transfer turn.
  const rows = await executeNamedRead<{ accounts: AccountJson[] | string; payees: PayeeJson[] | string }>(
    db,
    sql`
    SELECT
      (SELECT coalesce(json_agg(a ORDER BY array_position(array['checking','savings','credit']::text[], a.type), a.created_at, a.id), '[]')
         FROM (SELECT id, name, type, mask, currency, balance, credit_limit, created_at FROM accounts
                WHERE customer_id = ${customerId} AND balance IS NOT NULL) a) AS accounts,
      (SELECT coalesce(json_agg(p ORDER BY p.name, p.id), '[]')
         FROM (SELECT id, name, mask, currency, kind FROM payees WHERE customer_id = ${customerId}) p) AS payees`,
  );
  // json arrives parsed from both drivers; a driver without a json parser would hand over text.
  const row = rows[0];
  const accounts = parsed<AccountJson>(row?.accounts);
  const payees = parsed<PayeeJson>(row?.payees);
  return ok({
    accounts: accounts.map((a) => accountView({ ...a, creditLimit: Number(a.credit_limit), balance: a.balance === null ? null : Number(a.balance) })),
    payees: payees.map(payeeView),
  });
}

function parsed<T>(value: T[] | string | undefined): T[] {
  if (value === undefined) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}
