-- A transfer's work inside Postgres, cut without dropping a guard (issue #17, wave 3).
--
-- Where a transfer's backend CPU went (perf of a backend calling teller_transfer_commit of 0016 in
-- a loop, one session): executor start-up and end of each statement the procedure runs (~8 per
-- transfer), 16 foreign-key checks (each a query of its own: `SELECT 1 … FOR KEY SHARE`), 22 CHECK
-- constraints whose expressions Postgres reads back from text and prepares on every statement
-- (ExecConstraints: 13% of the backend), 16 index insertions, the deferred double-entry trigger
-- (~15 µs per entry), and the two commits.
--
-- What changes:
--   * Scoping by key: the history rows' and the transfer's accounts (and payee) are referenced
--     together with the customer, `(account_id, customer_id) → accounts (id, customer_id)`. One
--     check instead of two (the account, then the customer), and it is stronger: the database
--     itself refuses a transfer or a history row on an account of another customer, where before
--     only the code scoped them. The customer still exists: the account row references it. The
--     constraints keep the names of the account keys they replace (and stay DEFERRABLE INITIALLY
--     IMMEDIATE, see 0013); the customer keys of `transfers` and `transactions` go.
--   * `transfers_not_to_itself` goes: `transfers_distinct_accounts` (0015) is the same guard
--     (from_account_id is NOT NULL), and it is the one a refusal names.
--   * teller_transfer_commit runs 3 fewer statements: synchronous_commit is set inside the lookup,
--     and the customer's queue (advisory lock → daily total → balances, in that order as before)
--     is one statement. That statement's snapshot is taken before the lock is granted; the daily
--     total's ON CONFLICT DO UPDATE and the balances' UPDATE act on the newest row versions
--     whatever the snapshot (READ COMMITTED re-checks their conditions on the row a concurrent
--     transfer committed), so limits and funds are checked against what the queue ahead left.
--   * The double-entry trigger names the constraint it refuses for (same SQLSTATE), so that an
--     entry in the wrong currency and an unbalanced ledger transaction are told apart by code.
--
-- Every guard stays, with the same SQLSTATEs: funds and limits (TLFND, TLLIM), idempotency (the
-- unique key), balanced double entry (ledger_entries_balanced at the commit), append-only entries
-- and transfers (0002's triggers), customer scoping (now also in the keys), a disabled customer
-- refused (TLDIS), distinct accounts (transfers_distinct_accounts).
--
-- NOT VALID then VALIDATE: the new keys are checked on existing rows without blocking writers.
CREATE UNIQUE INDEX IF NOT EXISTS accounts_id_customer_key ON accounts (id, customer_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS payees_id_customer_key ON payees (id, customer_id);
--> statement-breakpoint
ALTER TABLE transfers DROP CONSTRAINT transfers_from_account_id_accounts_id_fk,
  ADD CONSTRAINT transfers_from_account_id_accounts_id_fk FOREIGN KEY (from_account_id, customer_id)
    REFERENCES accounts (id, customer_id) DEFERRABLE INITIALLY IMMEDIATE NOT VALID,
  DROP CONSTRAINT transfers_to_account_id_accounts_id_fk,
  ADD CONSTRAINT transfers_to_account_id_accounts_id_fk FOREIGN KEY (to_account_id, customer_id)
    REFERENCES accounts (id, customer_id) DEFERRABLE INITIALLY IMMEDIATE NOT VALID,
  DROP CONSTRAINT transfers_to_payee_id_payees_id_fk,
  ADD CONSTRAINT transfers_to_payee_id_payees_id_fk FOREIGN KEY (to_payee_id, customer_id)
    REFERENCES payees (id, customer_id) NOT VALID,
  DROP CONSTRAINT transfers_customer_id_customers_id_fk,
  DROP CONSTRAINT transfers_not_to_itself;
--> statement-breakpoint
ALTER TABLE transactions DROP CONSTRAINT transactions_account_id_accounts_id_fk,
  ADD CONSTRAINT transactions_account_id_accounts_id_fk FOREIGN KEY (account_id, customer_id)
    REFERENCES accounts (id, customer_id) DEFERRABLE INITIALLY IMMEDIATE NOT VALID,
  DROP CONSTRAINT transactions_customer_id_customers_id_fk;
--> statement-breakpoint
ALTER TABLE transfers VALIDATE CONSTRAINT transfers_from_account_id_accounts_id_fk;
--> statement-breakpoint
ALTER TABLE transfers VALIDATE CONSTRAINT transfers_to_account_id_accounts_id_fk;
--> statement-breakpoint
ALTER TABLE transfers VALIDATE CONSTRAINT transfers_to_payee_id_payees_id_fk;
--> statement-breakpoint
ALTER TABLE transactions VALIDATE CONSTRAINT transactions_account_id_accounts_id_fk;
--> statement-breakpoint

-- The double-entry check of 0013, unchanged but for the constraint each refusal names (same
-- SQLSTATE, check_violation): callers and tests tell an entry in the wrong currency
-- (ledger_entries_account_currency) from an unbalanced ledger transaction (ledger_entries_balanced,
-- the trigger's own name) by the error's constraint field instead of its message.
CREATE OR REPLACE FUNCTION ledger_check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  in_currency boolean;
  unbalanced bigint;
BEGIN
  SELECT EXISTS (SELECT 1 FROM accounts WHERE id = NEW.account_id AND currency = NEW.currency),
         (SELECT sum(amount) FROM ledger_entries
            WHERE ledger_transaction_id = NEW.ledger_transaction_id AND currency = NEW.currency)
    INTO in_currency, unbalanced;
  IF NOT in_currency THEN
    RAISE EXCEPTION 'ledger entry for % is not in the account''s currency', NEW.account_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_account_currency', TABLE = 'ledger_entries';
  END IF;
  IF unbalanced <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance in %: off by %',
      NEW.ledger_transaction_id, NEW.currency, unbalanced
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_balanced', TABLE = 'ledger_entries';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- teller_transfer_commit of 0016 with the statements merged as said above; the lookups, the
-- refusals, the claim of the key and what is written with it are unchanged.
CREATE OR REPLACE PROCEDURE teller_transfer_commit(
  p_customer_id text,
  p_idempotency_key text,
  p_from_account_id text,
  p_to_account_id text,
  p_to_payee_id text,
  p_amount bigint,
  p_currency text,
  p_memo text,
  p_daily_limit bigint,
  p_transfer_id text,
  p_ledger_transaction_id text,
  p_debit_transaction_id text,
  p_credit_transaction_id text,
  INOUT transfer json DEFAULT NULL
) LANGUAGE plpgsql AS $$
DECLARE
  moved transfers;
  earlier_id text;
  disabled boolean;
  from_name text;
  from_currency text;
  to_name text;
  to_currency text;
  counterparty text := coalesce(p_to_account_id, 'sys_clearing_' || lower(p_currency));
  available bigint;
  within_limit boolean;
  updated int;
BEGIN
  SET CONSTRAINTS ALL DEFERRED;
  -- Early lock release (0011): this transaction commits without waiting for the flush.
  SELECT t.id, c.disabled_at IS NOT NULL, f.name, f.currency, coalesce(ta.name, tp.name), coalesce(ta.currency, tp.currency)
    INTO earlier_id, disabled, from_name, from_currency, to_name, to_currency
    FROM (SELECT set_config('synchronous_commit', 'off', true)) AS one
    LEFT JOIN transfers t ON t.customer_id = p_customer_id AND t.idempotency_key = p_idempotency_key
    LEFT JOIN customers c ON c.id = p_customer_id
    LEFT JOIN accounts f ON f.id = p_from_account_id AND f.customer_id = p_customer_id
    LEFT JOIN accounts ta ON ta.id = p_to_account_id AND ta.customer_id = p_customer_id
    LEFT JOIN payees tp ON p_to_account_id IS NULL AND tp.id = p_to_payee_id AND tp.customer_id = p_customer_id;
  IF earlier_id IS NOT NULL THEN
    -- A replay is answered disabled or not (see 0014).
    SELECT * INTO moved FROM transfers WHERE id = earlier_id;
  ELSE
    IF disabled THEN RAISE EXCEPTION 'customer disabled' USING ERRCODE = 'TLDIS'; END IF;
    IF from_currency IS NULL THEN RAISE EXCEPTION 'from account not found' USING ERRCODE = 'TLNF1'; END IF;
    IF to_currency IS NULL AND p_to_account_id IS NOT NULL THEN
      RAISE EXCEPTION 'to account not found' USING ERRCODE = 'TLNF2';
    END IF;
    IF to_currency IS NULL THEN RAISE EXCEPTION 'payee not found' USING ERRCODE = 'TLNF3'; END IF;
    IF from_currency <> p_currency THEN
      RAISE EXCEPTION 'currency of the from account' USING ERRCODE = 'TLCU1', DETAIL = from_currency;
    END IF;
    IF to_currency <> p_currency THEN
      RAISE EXCEPTION 'currency of the destination' USING ERRCODE = 'TLCU2', DETAIL = to_currency;
    END IF;

    -- The claim of the key and everything written with it, as in 0013 and 0016.
    WITH claimed AS (
      INSERT INTO transfers (id, customer_id, idempotency_key, from_account_id, to_account_id, to_payee_id,
                             amount, currency, memo, ledger_transaction_id)
      VALUES (p_transfer_id, p_customer_id, p_idempotency_key, p_from_account_id, p_to_account_id, p_to_payee_id,
              p_amount, p_currency, p_memo, p_ledger_transaction_id)
      ON CONFLICT (customer_id, idempotency_key) DO NOTHING
      RETURNING *
    ), ledger AS (
      INSERT INTO ledger_transactions (id, kind, description, booked_at)
      SELECT p_ledger_transaction_id, 'transfer',
             'transfer ' || p_from_account_id || ' → ' || coalesce(p_to_account_id, p_to_payee_id), now()
      FROM claimed
    ), entries AS (
      INSERT INTO ledger_entries (ledger_transaction_id, account_id, amount, currency)
      SELECT p_ledger_transaction_id, e.account_id, e.amount, p_currency
      FROM claimed, (VALUES (p_from_account_id, -p_amount), (counterparty, p_amount)) AS e(account_id, amount)
    ), history AS (
      INSERT INTO transactions (id, customer_id, account_id, ledger_transaction_id, transfer_id, merchant, category,
                                amount, currency, status, posted_at)
      SELECT h.id, p_customer_id, h.account_id, p_ledger_transaction_id, claimed.id, h.merchant, 'Transfers',
             h.amount, p_currency, 'posted', claimed.created_at
      FROM claimed, (VALUES
          (p_debit_transaction_id, p_from_account_id,
           CASE WHEN p_to_account_id IS NULL THEN to_name ELSE 'Transfer to ' || to_name END, -p_amount),
          (p_credit_transaction_id, p_to_account_id, 'Transfer from ' || from_name, p_amount)
        ) AS h(id, account_id, merchant, amount)
      WHERE h.account_id IS NOT NULL
    )
    SELECT * INTO moved FROM claimed;
    IF moved.id IS NULL THEN
      -- A concurrent request with the same key committed first; this statement sees it.
      SELECT * INTO moved FROM transfers WHERE customer_id = p_customer_id AND idempotency_key = p_idempotency_key;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'idempotency key taken concurrently' USING ERRCODE = 'serialization_failure';
      END IF;
    ELSE
      IF p_amount > p_daily_limit THEN RAISE EXCEPTION 'over the daily limit' USING ERRCODE = 'TLLIM'; END IF;
      -- The customer's queue (see 0007), in one statement. Order: the advisory lock (queued), then
      -- the daily total (daily pulls queued), then the balances (only if daily took the amount).
      -- Debit only if funds suffice, credit the other account (money to a payee goes to the
      -- clearing account, whose balance is derived from its entries: no row here).
      WITH queued AS (
        SELECT pg_advisory_xact_lock(hashtext('teller_transfer'), hashtext(p_customer_id))
      ), daily AS (
        INSERT INTO transfer_daily_totals AS d (customer_id, day, currency, total)
        SELECT p_customer_id, (now() AT TIME ZONE 'UTC')::date, p_currency, p_amount FROM queued
        ON CONFLICT (customer_id, day, currency) DO UPDATE SET total = d.total + excluded.total
          WHERE d.total + excluded.total <= p_daily_limit
        RETURNING 1
      ), balances AS (
        UPDATE accounts SET balance = balance + CASE WHEN id = p_from_account_id THEN -p_amount ELSE p_amount END
          WHERE EXISTS (SELECT FROM daily) AND id IN (p_from_account_id, p_to_account_id) AND customer_id = p_customer_id
            AND (id <> p_from_account_id OR balance - p_amount >= -credit_limit)
          RETURNING 1
      )
      SELECT EXISTS (SELECT FROM daily), (SELECT count(*) FROM balances) INTO within_limit, updated;
      IF NOT within_limit THEN RAISE EXCEPTION 'over the daily limit' USING ERRCODE = 'TLLIM'; END IF;
      IF updated < (CASE WHEN p_to_account_id IS NULL THEN 1 ELSE 2 END) THEN
        SELECT balance + credit_limit INTO available FROM accounts WHERE id = p_from_account_id;
        RAISE EXCEPTION 'insufficient funds' USING ERRCODE = 'TLFND', DETAIL = available::text;
      END IF;
    END IF;
  END IF;
  -- Early lock release (0011): commit without waiting for the flush, answer after a flushed one.
  COMMIT;
  PERFORM pg_logical_emit_message(true, 'teller_transfer', moved.id);
  transfer := row_to_json(moved);
END
$$;
