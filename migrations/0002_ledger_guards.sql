-- What drizzle's schema cannot express: the ledger's own guarantees, enforced by Postgres so that
-- no code path (a bug, a script, a console session) can break them.

-- Ledger entries and transfers are append-only: a correction is a new, reversing transfer.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfers_append_only BEFORE UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfers_no_truncate BEFORE TRUNCATE ON transfers
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint

-- Double entry: at commit, the entries of every ledger transaction touched sum to zero in each
-- currency, and each entry is in its account's currency. Deferred, so a transaction may insert its
-- entries one by one.
CREATE FUNCTION ledger_check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = NEW.account_id AND currency = NEW.currency) THEN
    RAISE EXCEPTION 'ledger entry for % is not in the account''s currency', NEW.account_id
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT sum(amount) INTO unbalanced FROM ledger_entries
    WHERE ledger_transaction_id = NEW.ledger_transaction_id AND currency = NEW.currency;
  IF unbalanced <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance in %: off by %',
      NEW.ledger_transaction_id, NEW.currency, unbalanced USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_check_entry();
--> statement-breakpoint

-- The bank's clearing accounts: the counterparty of every booking from or to the outside world.
INSERT INTO accounts (id, customer_id, type, name, currency, balance) VALUES
  ('sys_clearing_usd', NULL, 'clearing', 'External clearing USD', 'USD', NULL),
  ('sys_clearing_eur', NULL, 'clearing', 'External clearing EUR', 'EUR', NULL),
  ('sys_clearing_gbp', NULL, 'clearing', 'External clearing GBP', 'GBP', NULL)
ON CONFLICT DO NOTHING;
