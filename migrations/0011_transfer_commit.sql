-- A transfer that commits itself, so that a customer's transfers do not queue behind each
-- other's WAL flush.
--
-- teller_transfer (0007) serialises one customer's transfers on an advisory lock and then on the
-- rows it updates (daily total, balances). Those locks are held until the end of the commit, and
-- with synchronous_commit = on the end of the commit is after the WAL flush: every transfer of a
-- busy customer waited for the flushes of all transfers queued before it, one after the other
-- (sampled on the bench's one-customer run: the lock holder spent most of its time in WALSync,
-- everyone else waited on the advisory lock).
--
-- This procedure releases the locks before the flush and still answers only once the transfer is
-- durable (early lock release):
--   1. the transfer runs as before, and its transaction commits with synchronous_commit = off
--      (SET LOCAL: that transaction only): the commit record is written, the locks are released,
--      the flush is not awaited;
--   2. a second transaction writes one WAL record (a transactional logical message, which needs
--      no table and no privilege) and commits with the session's synchronous_commit (on): its
--      commit flushes the WAL up to its own commit record, which lies after the transfer's.
-- The caller hears of a new or replayed transfer only after step 2, so an acknowledged transfer
-- is as durable as before; and WAL order keeps a later transfer from surviving a crash that loses
-- an earlier one it read. What changes: between steps 1 and 2 other sessions may read a transfer
-- whose flush is still under way (a crash at that instant loses it; its caller, never answered,
-- retries with the same idempotency key), and a refusal, raised in step 1 and answered at once,
-- may rest on such a transfer (say, funds it spent).
--
-- Transaction control needs a top-level CALL outside any transaction block; inside one, COMMIT
-- raises invalid_transaction_termination (2D000), so a caller with its own transaction (the
-- scheduled-transfer runner) calls teller_transfer itself and commits as it always did.
-- Outcome: the transfer's row as json (the new one, or the earlier one for a reused key); the
-- refusals are teller_transfer's SQLSTATEs, and a refusal rolls back before step 1's commit.
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
  INOUT transfer json DEFAULT NULL
) LANGUAGE plpgsql AS $$
DECLARE
  moved transfers;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  moved := teller_transfer(p_customer_id, p_idempotency_key, p_from_account_id, p_to_account_id, p_to_payee_id,
                           p_amount, p_currency, p_memo, p_daily_limit, p_transfer_id, p_ledger_transaction_id,
                           p_debit_transaction_id, p_credit_transaction_id);
  COMMIT;
  PERFORM pg_logical_emit_message(true, 'teller_transfer', moved.id);
  transfer := row_to_json(moved);
END
$$;
