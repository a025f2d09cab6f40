-- A transfer's destination account is never its source. The API's validation and the scheduler
-- refuse it, but teller_transfer (0013) does not: with from = to it would only debit, and the
-- account's balance would drift from its entries (its two entries still sum to zero). As with the
-- other ledger guards, the database refuses it whatever code sends it (SQLSTATE 23514).
ALTER TABLE transfers ADD CONSTRAINT transfers_distinct_accounts CHECK (to_account_id IS NULL OR to_account_id <> from_account_id);
