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
--   * The double-entry trigger names the constraint it refuses for (same SQLSTATE), so that an
--     entry in the wrong currency and an unbalanced ledger transaction are told apart by code.
--
-- Measured (one backend calling teller_transfer_commit 2,000 times in a loop, 10 rounds alternating
-- with a copy of the same database at 0017, 20,000 other customers in the tables): median CPU per
-- transfer 415 against 440 µs (-6%), lower in 8 of 10 pairs. Tried and not kept: the customer's
-- queue (advisory lock, daily total, balances) as one statement of CTEs, with synchronous_commit
-- set inside the lookup (3 statements fewer): no less CPU (median 593 against 603 µs, noise), and
-- on top of the keys above 605 against 543 µs, more: its CTE scans and init plans cost what the
-- statements saved.
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
