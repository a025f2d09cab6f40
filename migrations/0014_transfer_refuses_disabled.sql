-- The chat's transfer refuses a disabled customer in the same call that moves the money.
-- (The procedure's body is 0013's, with the status read added before teller_transfer.)
--
-- A confirmed transfer used to read the customer's status in a round trip of its own just before
-- the ledger call (packages/conversation/turn.ts); teller_transfer_commit (0011, as 0013 left it) now reads it in
-- the transfer's own transaction, after the idempotency key is looked up and before anything is
-- written, so the turn saves that round trip and the gap between the check and the transfer is
-- gone. A refusal raises TLDIS (mapped to 403 forbidden, as the turn answered before), which
-- rolls back before anything is written: the key stays free.
--
-- A replay (the key was already applied) is answered as before, disabled or not: the money moved
-- before, and an execution resumed after an eviction must hear the truth about it.
--
-- teller_transfer itself is unchanged: the scheduled-transfer runner calls it inside its own
-- transaction and decides for itself which schedules run.
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
  PERFORM 1 FROM transfers WHERE customer_id = p_customer_id AND idempotency_key = p_idempotency_key;
  IF NOT FOUND THEN
    PERFORM 1 FROM customers WHERE id = p_customer_id AND disabled_at IS NOT NULL;
    IF FOUND THEN RAISE EXCEPTION 'customer disabled' USING ERRCODE = 'TLDIS'; END IF;
  END IF;
  moved := teller_transfer(p_customer_id, p_idempotency_key, p_from_account_id, p_to_account_id, p_to_payee_id,
                           p_amount, p_currency, p_memo, p_daily_limit, p_transfer_id, p_ledger_transaction_id,
                           p_debit_transaction_id, p_credit_transaction_id);
  COMMIT;
  PERFORM pg_logical_emit_message(true, 'teller_transfer', moved.id);
  transfer := row_to_json(moved);
END
$$;
