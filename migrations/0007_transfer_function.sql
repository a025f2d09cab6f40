-- A transfer in one round trip: the whole transfer runs inside Postgres, called as one statement
-- in autocommit, so BEGIN, the reads, the writes and COMMIT cost the client a single round trip.
-- Every guard stays: scoping to the customer, currencies, idempotency (unique key per customer),
-- the daily limit, funds, balanced double entry (the deferred trigger of 0002 still checks at
-- commit) and append-only entries (only INSERTs here).
--
-- Outcomes: the new transfer's row; or, when the key was used before (or a concurrent request
-- with the same key committed first), that earlier transfer's row — the caller tells them apart
-- by id and compares the request. A refusal raises one of these SQLSTATEs (the caller maps them
-- to its typed error codes; DETAIL carries the one value its message needs), which rolls back
-- everything this call wrote, so a refused transfer leaves its key free:
--   TLNF1 from account not found       TLNF2 to account not found     TLNF3 payee not found
--   TLCU1 from account's currency      TLCU2 destination's currency   (DETAIL: that currency)
--   TLLIM over the daily limit         TLFND insufficient funds       (DETAIL: available, minor units)
--
-- Locks: the hot rows (the customer's daily total, then their accounts in id order) are taken
-- last, after every insert, behind a per-customer advisory lock, so concurrent transfers of one
-- customer queue only for three row updates and the commit. Order: key → customer advisory lock
-- → daily total → accounts by id, so transfers never deadlock.
CREATE FUNCTION teller_transfer(
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
  created transfers;
  from_name text;
  from_currency text;
  to_name text;
  to_currency text;
  counterparty text := coalesce(p_to_account_id, 'sys_clearing_' || lower(p_currency));
  available bigint;
BEGIN
  SELECT * INTO earlier FROM transfers WHERE customer_id = p_customer_id AND idempotency_key = p_idempotency_key;
  IF FOUND THEN RETURN earlier; END IF;

  SELECT name, currency INTO from_name, from_currency FROM accounts
    WHERE id = p_from_account_id AND customer_id = p_customer_id;
  IF NOT FOUND THEN RAISE EXCEPTION 'from account not found' USING ERRCODE = 'TLNF1'; END IF;
  IF p_to_account_id IS NOT NULL THEN
    SELECT name, currency INTO to_name, to_currency FROM accounts
      WHERE id = p_to_account_id AND customer_id = p_customer_id;
    IF NOT FOUND THEN RAISE EXCEPTION 'to account not found' USING ERRCODE = 'TLNF2'; END IF;
  ELSE
    SELECT name, currency INTO to_name, to_currency FROM payees
      WHERE id = p_to_payee_id AND customer_id = p_customer_id;
    IF NOT FOUND THEN RAISE EXCEPTION 'payee not found' USING ERRCODE = 'TLNF3'; END IF;
  END IF;
  IF from_currency <> p_currency THEN
    RAISE EXCEPTION 'currency of the from account' USING ERRCODE = 'TLCU1', DETAIL = from_currency;
  END IF;
  IF to_currency <> p_currency THEN
    RAISE EXCEPTION 'currency of the destination' USING ERRCODE = 'TLCU2', DETAIL = to_currency;
  END IF;

  -- The transfer row claims the key (a concurrent insert of the same key waits here for the
  -- other transaction); the ledger transaction, its entries and the history rows are written
  -- only if the claim succeeded. One statement: foreign keys are checked at its end.
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
  -- the commit: the lock manager hands the lock to the next waiter directly, where waiters on a
  -- row lock would all wake at each commit and race for the new row version.
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
