-- One customer's transfers stop paying for each other's foreign-key locks; every transfer runs
-- fewer statements. Same guards, same refusals, same results (issue #17).
--
-- Where the time went (perf on the one-customer case, 32 clients): each transfer's inserts check
-- their foreign keys before it queues for the customer's lock, and a foreign-key check takes FOR
-- KEY SHARE on the row it references: the customer's two accounts. So the balance rows the lock
-- holder updates carried the share locks of every queued transfer, each update wrote a multixact
-- of them all, and every later read of those rows (lookups, key checks, the updates themselves)
-- walked a HOT chain of such versions, expanding each multixact (GetMultiXactIdMembers: between
-- 3% and 22% of the machine's CPU in our perf samples of that case). With the
-- account key checks deferred to the commit, only the lock holder touches those rows, its own
-- update already locks them, and the checks are cheap. The keys are still checked before the
-- commit, as before; only when changes. The customer's row is left as it was: transfers never
-- update it, so its share locks cost little, and checking it at the commit too (three more
-- checks inside the queue) measured slower.
--
-- The constraints become DEFERRABLE INITIALLY IMMEDIATE: every other writer (and teller_transfer
-- called inside a caller's transaction) checks them at the end of each statement as before; only
-- teller_transfer_commit, which owns its whole transaction, defers them.
ALTER TABLE transfers ALTER CONSTRAINT transfers_from_account_id_accounts_id_fk DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE transfers ALTER CONSTRAINT transfers_to_account_id_accounts_id_fk DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE ledger_entries ALTER CONSTRAINT ledger_entries_account_id_accounts_id_fk DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE transactions ALTER CONSTRAINT transactions_account_id_accounts_id_fk DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint

-- The double-entry check of 0002 in one query instead of two (it runs once per entry).
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
      USING ERRCODE = 'check_violation';
  END IF;
  IF unbalanced <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance in %: off by %',
      NEW.ledger_transaction_id, NEW.currency, unbalanced USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- teller_transfer of 0007 with its three lookups (the key, the from account, the destination) in
-- one query; everything else as it was, in the same order, with the same refusals (see 0007).
CREATE OR REPLACE FUNCTION teller_transfer(
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
  p_credit_transaction_id text
) RETURNS transfers LANGUAGE plpgsql AS $$
DECLARE
  earlier transfers;
  earlier_id text;
  created transfers;
  from_name text;
  from_currency text;
  to_name text;
  to_currency text;
  counterparty text := coalesce(p_to_account_id, 'sys_clearing_' || lower(p_currency));
  available bigint;
BEGIN
  SELECT t.id, f.name, f.currency, coalesce(ta.name, tp.name), coalesce(ta.currency, tp.currency)
    INTO earlier_id, from_name, from_currency, to_name, to_currency
    FROM (SELECT) AS one
    LEFT JOIN transfers t ON t.customer_id = p_customer_id AND t.idempotency_key = p_idempotency_key
    LEFT JOIN accounts f ON f.id = p_from_account_id AND f.customer_id = p_customer_id
    LEFT JOIN accounts ta ON ta.id = p_to_account_id AND ta.customer_id = p_customer_id
    LEFT JOIN payees tp ON p_to_account_id IS NULL AND tp.id = p_to_payee_id AND tp.customer_id = p_customer_id;
  IF earlier_id IS NOT NULL THEN
    SELECT * INTO earlier FROM transfers WHERE id = earlier_id;
    RETURN earlier;
  END IF;
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

  -- The transfer row claims the key (a concurrent insert of the same key waits here for the
  -- other transaction); the ledger transaction, its entries and the history rows are written
  -- only if the claim succeeded. One statement: foreign keys are checked at its end (or at the
  -- commit, when teller_transfer_commit defers them).
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
  SELECT * INTO created FROM claimed;
  IF created.id IS NULL THEN
    -- A concurrent request with the same key committed first; this statement sees it.
    SELECT * INTO earlier FROM transfers WHERE customer_id = p_customer_id AND idempotency_key = p_idempotency_key;
    IF FOUND THEN RETURN earlier; END IF;
    RAISE EXCEPTION 'idempotency key taken concurrently' USING ERRCODE = 'serialization_failure';
  END IF;

  IF p_amount > p_daily_limit THEN RAISE EXCEPTION 'over the daily limit' USING ERRCODE = 'TLLIM'; END IF;
  -- One customer's transfers queue here, first come first served, for the rest of this call and
  -- the commit (see 0007). Order: key → customer advisory lock → daily total → accounts by id.
  PERFORM pg_advisory_xact_lock(hashtext('teller_transfer'), hashtext(p_customer_id));
  INSERT INTO transfer_daily_totals AS d (customer_id, day, currency, total)
    VALUES (p_customer_id, (now() AT TIME ZONE 'UTC')::date, p_currency, p_amount)
    ON CONFLICT (customer_id, day, currency) DO UPDATE SET total = d.total + excluded.total
    WHERE d.total + excluded.total <= p_daily_limit;
  IF NOT FOUND THEN RAISE EXCEPTION 'over the daily limit' USING ERRCODE = 'TLLIM'; END IF;

  -- Debit only if funds suffice, credit the other account; row locks in account-id order. Money
  -- to a payee goes to the clearing account, whose balance is derived from its entries.
  IF p_to_account_id IS NOT NULL AND p_to_account_id < p_from_account_id THEN
    UPDATE accounts SET balance = balance + p_amount WHERE id = p_to_account_id AND customer_id = p_customer_id;
  END IF;
  UPDATE accounts SET balance = balance - p_amount
    WHERE id = p_from_account_id AND customer_id = p_customer_id AND balance - p_amount >= -credit_limit;
  IF NOT FOUND THEN
    SELECT balance + credit_limit INTO available FROM accounts WHERE id = p_from_account_id;
    RAISE EXCEPTION 'insufficient funds' USING ERRCODE = 'TLFND', DETAIL = available::text;
  END IF;
  IF p_to_account_id IS NOT NULL AND p_to_account_id > p_from_account_id THEN
    UPDATE accounts SET balance = balance + p_amount WHERE id = p_to_account_id AND customer_id = p_customer_id;
  END IF;
  RETURN created;
END
$$;
--> statement-breakpoint

-- teller_transfer_commit of 0011 (early lock release: commit without waiting for the flush, then
-- answer after a second, flushed commit), now with the key checks on the customer's accounts at
-- the commit (see the top of this file) and the double-entry check at the end of the insert,
-- before the customer's lock instead of inside it: the queue holds only the daily total, the
-- balances, the account key checks and the commit.
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
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  SET CONSTRAINTS transfers_from_account_id_accounts_id_fk, transfers_to_account_id_accounts_id_fk,
    ledger_entries_account_id_accounts_id_fk, transactions_account_id_accounts_id_fk DEFERRED;
  SET CONSTRAINTS ledger_entries_balanced IMMEDIATE;
  moved := teller_transfer(p_customer_id, p_idempotency_key, p_from_account_id, p_to_account_id, p_to_payee_id,
                           p_amount, p_currency, p_memo, p_daily_limit, p_transfer_id, p_ledger_transaction_id,
                           p_debit_transaction_id, p_credit_transaction_id);
  COMMIT;
  PERFORM pg_logical_emit_message(true, 'teller_transfer', moved.id);
  transfer := row_to_json(moved);
END
$$;
