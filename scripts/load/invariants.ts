import type pg from "pg";
import type { LoadRecord } from "./mix.js";

/**
 * The invariants `npm run load` checks once queues and outboxes have drained, straight in
 * Postgres (and against what the clients were told). Each is a row of the printed table.
 */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Money {
  /** Sum of every balance of the run's customers. */
  total: number;
  /** Sum of all posted ledger entries, system accounts included (must stay 0). */
  ledgerSum: number;
}

export async function moneyOf(client: pg.Client, ids: string[]): Promise<Money> {
  const total = Number((await client.query(`SELECT coalesce(sum(balance), 0)::bigint AS n FROM accounts WHERE customer_id = ANY($1)`, [ids])).rows[0].n);
  const ledgerSum = Number((await client.query(`SELECT coalesce(sum(amount), 0)::bigint AS n FROM ledger_entries`)).rows[0].n);
  return { total, ledgerSum };
}

const NOT_DONE = /nothing was sent|haven't sent|wasn't sent|not sent|haven't done anything|expired|no longer|nothing to confirm|isn't waiting|not enough|insufficient|limit/i;
/** "couldn't confirm whether that went through", "couldn't reach your accounts to confirm whether …". */
const UNKNOWN = /confirm whether/i;

/** Acknowledged messages stored in chat_events: how many of the expected are there yet. */
export async function storedCount(client: pg.Client, ids: string[], run: string): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(DISTINCT (customer_id, message_id)) AS n FROM chat_events WHERE type = 'message.received' AND customer_id = ANY($1) AND message_id LIKE $2`,
    [ids, `${run}-%`],
  );
  return Number(rows[0].n);
}

export async function checkInvariants(
  client: pg.Client,
  input: { ids: string[]; run: string; before: Money; record: LoadRecord },
): Promise<Check[]> {
  const { ids, run, before, record } = input;
  const n = async (text: string, values: unknown[] = []) => Number((await client.query(text, values)).rows[0].n);
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  // Messages: every acknowledged id stored, none twice.
  const acked = new Set<string>();
  for (const [customerId, messages] of record.acked) for (const id of messages) acked.add(`${customerId}\n${id}`);
  const { rows: storedRows } = await client.query(
    `SELECT customer_id, message_id, count(*)::int AS n FROM chat_events WHERE type = 'message.received' AND customer_id = ANY($1) AND message_id LIKE $2 GROUP BY 1, 2`,
    [ids, `${run}-%`],
  );
  const stored = new Set(storedRows.map((r) => `${r.customer_id}\n${r.message_id}`));
  // None excused, not even those in the local queue's memory at the kill: the outbox resends them.
  const lost = [...acked].filter((k) => !stored.has(k));
  add(
    "acknowledged messages stored",
    lost.length === 0,
    `${acked.size - lost.length} / ${acked.size}${lost.length ? `, ${lost.length} lost (e.g. ${lost[0]!.split("\n")[1]})` : ""}`,
  );
  add("messages stored twice", storedRows.every((r) => r.n === 1), `${storedRows.filter((r) => r.n > 1).length}`);

  // Money.
  const after = await moneyOf(client, ids);
  const paidOut = await n(`SELECT coalesce(sum(amount), 0)::bigint AS n FROM transfers WHERE customer_id = ANY($1) AND to_payee_id IS NOT NULL`, [ids]);
  add("money conserved (only payee payouts leave)", after.total === before.total - paidOut, `${before.total} → ${after.total}, paid out ${paidOut}`);
  add("all ledger entries sum to zero", after.ledgerSum === 0 && before.ledgerSum === 0, `${after.ledgerSum}`);
  add("ledger transactions that do not sum to zero", (await n(`SELECT count(*) AS n FROM (SELECT 1 FROM ledger_entries GROUP BY ledger_transaction_id HAVING sum(amount) <> 0) d`)) === 0, "0 expected");

  // Transfers: once per confirmation, never without one, none left unknown.
  const { rows: transferRows } = await client.query(
    `SELECT customer_id, idempotency_key, count(*)::int AS n FROM transfers WHERE customer_id = ANY($1) GROUP BY 1, 2`,
    [ids],
  );
  add("confirmations posted twice", transferRows.every((r) => r.n === 1), `${transferRows.filter((r) => r.n > 1).length}`);
  const confirmed = new Set(record.yes.map((y) => `${y.customerId}\ntransfer:${y.confirmationId}`));
  const unconfirmed = transferRows.filter((r) => !confirmed.has(`${r.customer_id}\n${r.idempotency_key}`));
  add("transfers posted without a confirmation", unconfirmed.length === 0, `${unconfirmed.length} of ${transferRows.length}`);
  const posted = new Set(transferRows.map((r) => `${r.customer_id}\n${r.idempotency_key}`));
  let unknown = 0;
  let unresolved = 0;
  const seen = new Set<string>();
  for (const yes of record.yes) {
    const key = `${yes.customerId}\ntransfer:${yes.confirmationId}`;
    if (!yes.acked || posted.has(key) || seen.has(key)) continue;
    seen.add(key);
    const later = (record.replies.get(yes.customerId) ?? []).filter((r) => r.at >= yes.at);
    if (later.some((r) => UNKNOWN.test(r.text))) unknown++;
    else if (!later.some((r) => NOT_DONE.test(r.text))) unresolved++;
  }
  add("confirmed transfers left unknown", unknown === 0 && unresolved === 0, `${unknown} unknown, ${unresolved} neither posted nor reported as not done (of ${confirmed.size})`);
  // The chat path's audit.transfer events leave through the same outbox: none excused either.
  const unaudited = await transfersWithoutAudit(client, ids);
  add("posted transfers without their audit event", unaudited.size === 0, `${unaudited.size}`);

  const deadLetters = await n(`SELECT count(*) AS n FROM dead_letters WHERE replayed_at IS NULL AND body::text LIKE $1`, [`%${run}%`]);
  add("dead letters pending", deadLetters === 0, `${deadLetters}`);
  return checks;
}

/** Posted transfers whose audit.transfer event is not in chat_events (yet), as "customerId\nkey". */
export async function transfersWithoutAudit(client: pg.Client, ids: string[]): Promise<Set<string>> {
  const { rows } = await client.query(
    `SELECT t.customer_id, t.idempotency_key FROM transfers t WHERE t.customer_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM chat_events e WHERE e.type = 'audit.transfer' AND e.customer_id = t.customer_id AND e.payload->'effect'->>'idempotencyKey' = t.idempotency_key)`,
    [ids],
  );
  return new Set(rows.map((r) => `${r.customer_id}\n${r.idempotency_key}`));
}
