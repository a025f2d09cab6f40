/**
 * Other customers beside a ledger bench's own, in bulk SQL, so that the bench's tables are not
 * a few pages Postgres would rather scan than look up by key.
 *
 * Each has a checking and a savings account, a payee, and a history: a salary booked from
 * outside (one history row) and a transfer from checking to savings (the transfer row, its
 * ledger transaction and entries, two history rows). Without that history the transfer tables
 * start empty, and a session that runs its first transfers then keeps the plans it made for
 * empty tables for as long as it lives: the foreign-key checks on `ledger_transactions` and
 * `transfers` (planned once per session by Postgres), the idempotency lookup and the
 * double-entry trigger's sum stay sequential scans, and every transfer then costs more than the
 * one before (in a loop of 2,000 from empty tables, 600 → 3,000 µs of backend CPU each). A bank's
 * tables are never empty; the benches must not measure that.
 *
 * Written against the tables of migrations 0001–0021.
 */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

const SALARY = 10_000;
const MOVED = 2_500;

export async function insertFiller(db: Queryable, count: number): Promise<void> {
  if (count <= 0) return;
  const g = `generate_series(1, ${Math.floor(count)}) g`;
  await db.query(`INSERT INTO customers (id, name) SELECT 'cus_filler_' || g, 'Filler ' || g FROM ${g}`);
  const accounts = `SELECT 'acc_filler_' || g || '_' || k AS id, 'cus_filler_' || g AS customer_id, k AS type,
      CASE k WHEN 'checking' THEN ${SALARY - MOVED} ELSE ${MOVED} END::bigint AS balance
    FROM ${g}, (VALUES ('checking'), ('savings')) AS v(k)`;
  await db.query(`INSERT INTO accounts (id, customer_id, type, name, mask, currency, balance)
    SELECT id, customer_id, type, type, '1001', 'USD', balance FROM (${accounts}) a`);
  await db.query(`INSERT INTO payees (id, customer_id, name, mask, currency) SELECT 'pay_filler_' || g, 'cus_filler_' || g, 'Payee', '1234', 'USD' FROM ${g}`);
  await db.query(`INSERT INTO ledger_transactions (id, kind, description, booked_at)
    SELECT 'ltx_filler_in_' || g, 'external', 'Salary', now() - interval '2 days' FROM ${g}
    UNION ALL
    SELECT 'ltx_filler_tr_' || g, 'transfer', 'transfer acc_filler_' || g || '_checking → acc_filler_' || g || '_savings', now() - interval '1 day' FROM ${g}`);
  await db.query(`INSERT INTO ledger_entries (ledger_transaction_id, account_id, amount, currency)
    SELECT e.ltx, e.account, e.amount, 'USD' FROM ${g}, LATERAL (VALUES
      ('ltx_filler_in_' || g, 'acc_filler_' || g || '_checking', ${SALARY}),
      ('ltx_filler_in_' || g, 'sys_clearing_usd', ${-SALARY}),
      ('ltx_filler_tr_' || g, 'acc_filler_' || g || '_checking', ${-MOVED}),
      ('ltx_filler_tr_' || g, 'acc_filler_' || g || '_savings', ${MOVED})) AS e(ltx, account, amount)`);
  // Before migration 0021 a transfer's history rows are rows of their own; from 0021 the transfer
  // carries their ids and merchants, and only the salary is a stored history row. (Told apart by
  // the transfer's columns: bench:ledger gives an older schema a `booked_transactions` view.)
  const transfers = (extra: string, values: string) => `INSERT INTO transfers (id, customer_id, idempotency_key, from_account_id, to_account_id, amount, currency, ledger_transaction_id, created_at${extra})
    SELECT 'trf_filler_' || g, 'cus_filler_' || g, 'filler-key-' || g, 'acc_filler_' || g || '_checking', 'acc_filler_' || g || '_savings',
           ${MOVED}, 'USD', 'ltx_filler_tr_' || g, now() - interval '1 day'${values} FROM ${g}`;
  const history = (table: string, rows: string) => `INSERT INTO ${table} (id, customer_id, account_id, ledger_transaction_id, transfer_id, merchant, category, amount, currency, status, posted_at)
    SELECT h.id, 'cus_filler_' || g, h.account, h.ltx, h.transfer, h.merchant, h.category, h.amount, 'USD', 'posted', h.at FROM ${g}, LATERAL (VALUES
      ('txn_filler_in_' || g, 'acc_filler_' || g || '_checking', 'ltx_filler_in_' || g, NULL, 'Salary', 'Income', ${SALARY}, now() - interval '2 days')${rows}
    ) AS h(id, account, ltx, transfer, merchant, category, amount, at)`;
  const transferRows = `,
      ('txn_filler_out_' || g, 'acc_filler_' || g || '_checking', 'ltx_filler_tr_' || g, 'trf_filler_' || g, 'Transfer to savings', 'Transfers', ${-MOVED}, now() - interval '1 day'),
      ('txn_filler_to_' || g, 'acc_filler_' || g || '_savings', 'ltx_filler_tr_' || g, 'trf_filler_' || g, 'Transfer from checking', 'Transfers', ${MOVED}, now() - interval '1 day')`;
  await db.query(`DO $filler$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'transfers'::regclass AND attname = 'debit_transaction_id') THEN
      ${transfers("", "")};
      ${history("transactions", transferRows)};
    ELSE
      ${transfers(", debit_transaction_id, debit_merchant, credit_transaction_id, credit_merchant",
        ", 'txn_filler_out_' || g, 'Transfer to savings', 'txn_filler_to_' || g, 'Transfer from checking'")};
      ${history("booked_transactions", "")};
    END IF;
  END $filler$`);
}
