-- Ledger guards after 0021, and one transfer body (issue #17, wave 3, session ledger13).
--
-- 1. A disputed booking stays. Until 0021 disputes.transaction_id was a foreign key to
--    transactions, so a history row a dispute names could not be deleted; 0021 made transactions a
--    view and the key a trigger on disputes only, so booked_transactions rows (salary, card
--    purchases) a dispute names could be deleted, or moved to another id or customer, leaving the
--    dispute pointing at nothing. A trigger on booked_transactions refuses that with the key's
--    SQLSTATE (23503) and name, as the key did; TRUNCATE is refused while any dispute exists
--    (0A000, as Postgres refuses to truncate a referenced table). Derived rows need nothing:
--    transfers are append-only (0002).
--
-- 2. One transfer body. teller_transfer (0013, for callers inside their own transaction: the
--    scheduled-transfer runner) and teller_transfer_commit (0016, the chat's one round trip) each
--    carried a copy of the same transfer, and 0021 had to change both. The procedure's body is
--    now the only one: a trailing p_commit (default true, so every caller's CALL is unchanged)
--    says whether the transaction is the procedure's own. With p_commit = false it does what
--    teller_transfer did: no COMMIT and no flush message, neither of the transaction settings the
--    committing path takes (synchronous_commit off, constraints deferred), which would reach into
--    the caller's transaction, and the customer's status left to the caller (the runner decides
--    which schedules run, 0014). teller_transfer calls it and hands the row back (same
--    signature, result and refusals). One difference on that path: both balances change in one
--    UPDATE, as in the procedure since 0016 (every writer of a customer's balances takes the
--    customer's advisory lock first, so the order of the two row locks no longer matters).
--    The committing path runs the statements it ran before; the flag is read by plpgsql IFs.
--    (A CALL from a plpgsql function runs inside the caller's transaction, where COMMIT would
--    raise 2D000: hence the flag.)
CREATE FUNCTION booked_transactions_keep_disputed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF EXISTS (SELECT 1 FROM disputes) THEN
      RAISE EXCEPTION 'cannot truncate booked_transactions: disputes reference its rows'
        USING ERRCODE = 'feature_not_supported', TABLE = 'booked_transactions';
    END IF;
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM disputes WHERE transaction_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "booked_transactions" violates foreign key constraint "disputes_transaction_id_transactions_id_fk" on table "disputes"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'disputes_transaction_id_transactions_id_fk', TABLE = 'disputes',
            DETAIL = format('Key (id)=(%s) is still referenced from table "disputes".', OLD.id);
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER booked_transactions_keep_disputed BEFORE DELETE ON booked_transactions
  FOR EACH ROW EXECUTE FUNCTION booked_transactions_keep_disputed();
--> statement-breakpoint
CREATE TRIGGER booked_transactions_keep_disputed_key BEFORE UPDATE OF id, customer_id ON booked_transactions
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.customer_id IS DISTINCT FROM NEW.customer_id)
  EXECUTE FUNCTION booked_transactions_keep_disputed();
--> statement-breakpoint
CREATE TRIGGER booked_transactions_keep_disputed_truncate BEFORE TRUNCATE ON booked_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION booked_transactions_keep_disputed();
--> statement-breakpoint

-- 2. The procedure of 0021 with p_commit; the old signature goes (a CALL with 14 arguments
-- resolves to the new one through the default).
DROP PROCEDURE teller_transfer_commit(text, text, text, text, text, bigint, text, text, bigint, text, text, text, text, json);
--> statement-breakpoint
CREATE PROCEDURE teller_transfer_commit(
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
  INOUT transfer json DEFAULT NULL,
  p_commit boolean DEFAULT true
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
  updated int;
BEGIN
  -- Both are the transaction's settings: only a transaction of our own takes them (see above).
  IF p_commit THEN
    PERFORM set_config('synchronous_commit', 'off', true);
    SET CONSTRAINTS ALL DEFERRED;
  END IF;
  SELECT t.id, c.disabled_at IS NOT NULL, f.name, f.currency, coalesce(ta.name, tp.name), coalesce(ta.currency, tp.currency)
    INTO earlier_id, disabled, from_name, from_currency, to_name, to_currency
    FROM (SELECT) AS one
    LEFT JOIN transfers t ON t.customer_id = p_customer_id AND t.idempotency_key = p_idempotency_key
    LEFT JOIN customers c ON c.id = p_customer_id
    LEFT JOIN accounts f ON f.id = p_from_account_id AND f.customer_id = p_customer_id
    LEFT JOIN accounts ta ON ta.id = p_to_account_id AND ta.customer_id = p_customer_id
    LEFT JOIN payees tp ON p_to_account_id IS NULL AND tp.id = p_to_payee_id AND tp.customer_id = p_customer_id;
  IF earlier_id IS NOT NULL THEN
    -- A replay is answered disabled or not (see 0014).
    SELECT * INTO moved FROM transfers WHERE id = earlier_id;
  ELSE
    IF disabled AND p_commit THEN RAISE EXCEPTION 'customer disabled' USING ERRCODE = 'TLDIS'; END IF;
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

    IF p_debit_transaction_id IS NULL OR (p_to_account_id IS NOT NULL AND p_credit_transaction_id IS NULL) THEN
      RAISE EXCEPTION 'a history row''s id is missing' USING ERRCODE = 'not_null_violation';
    END IF;
    -- The claim of the key and everything written with it, as in 0013; the history rows are the
    -- transfer's own columns (see the top of this file).
    WITH claimed AS (
      INSERT INTO transfers (id, customer_id, idempotency_key, from_account_id, to_account_id, to_payee_id,
                             amount, currency, memo, ledger_transaction_id,
                             debit_transaction_id, debit_merchant, credit_transaction_id, credit_merchant)
      VALUES (p_transfer_id, p_customer_id, p_idempotency_key, p_from_account_id, p_to_account_id, p_to_payee_id,
              p_amount, p_currency, p_memo, p_ledger_transaction_id,
              p_debit_transaction_id, CASE WHEN p_to_account_id IS NULL THEN to_name ELSE 'Transfer to ' || to_name END,
              CASE WHEN p_to_account_id IS NOT NULL THEN p_credit_transaction_id END,
              CASE WHEN p_to_account_id IS NOT NULL THEN 'Transfer from ' || from_name END)
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
      -- The customer's queue (see 0007). Order: key → customer advisory lock → daily total → accounts.
      PERFORM pg_advisory_xact_lock(hashtext('teller_transfer'), hashtext(p_customer_id));
      INSERT INTO transfer_daily_totals AS d (customer_id, day, currency, total)
        VALUES (p_customer_id, (now() AT TIME ZONE 'UTC')::date, p_currency, p_amount)
        ON CONFLICT (customer_id, day, currency) DO UPDATE SET total = d.total + excluded.total
        WHERE d.total + excluded.total <= p_daily_limit;
      IF NOT FOUND THEN RAISE EXCEPTION 'over the daily limit' USING ERRCODE = 'TLLIM'; END IF;

      -- Debit only if funds suffice, credit the other account (money to a payee goes to the
      -- clearing account, whose balance is derived from its entries: no row here).
      UPDATE accounts SET balance = balance + CASE WHEN id = p_from_account_id THEN -p_amount ELSE p_amount END
        WHERE id IN (p_from_account_id, p_to_account_id) AND customer_id = p_customer_id
          AND (id <> p_from_account_id OR balance - p_amount >= -credit_limit);
      GET DIAGNOSTICS updated = ROW_COUNT;
      IF updated < (CASE WHEN p_to_account_id IS NULL THEN 1 ELSE 2 END) THEN
        SELECT balance + credit_limit INTO available FROM accounts WHERE id = p_from_account_id;
        RAISE EXCEPTION 'insufficient funds' USING ERRCODE = 'TLFND', DETAIL = available::text;
      END IF;
    END IF;
  END IF;
  IF p_commit THEN
    -- Early lock release (0011): commit without waiting for the flush, answer after a flushed one.
    COMMIT;
    PERFORM pg_logical_emit_message(true, 'teller_transfer', moved.id);
  END IF;
  transfer := row_to_json(moved);
END
$$;
--> statement-breakpoint

-- teller_transfer: the procedure's body inside the caller's transaction.
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
  moved json;
BEGIN
  CALL teller_transfer_commit(p_customer_id, p_idempotency_key, p_from_account_id, p_to_account_id, p_to_payee_id,
                              p_amount, p_currency, p_memo, p_daily_limit, p_transfer_id, p_ledger_transaction_id,
                              p_debit_transaction_id, p_credit_transaction_id, moved, false);
  RETURN json_populate_record(NULL::transfers, moved);
END
$$;
