import type { ChatTurn, KeptTurn, TurnsQuery } from "../packages/contract/chat.js";

/** A kept turn as stored: `text` (the customer's words) and `turn` still sealed. */
export interface StoredTurnRow {
  seq: number;
  messageId: string;
  text: string;
  turn: string;
  at: number;
}

export interface StoredTurnsPage {
  rows: StoredTurnRow[];
  more: boolean;
  next: number;
}

type Row = { seq: number; message_id: string; text: string; turn: string; created_at: number };
const toRow = (r: Row): StoredTurnRow => ({ seq: r.seq, messageId: r.message_id, text: r.text, turn: r.turn, at: r.created_at });
const COLUMNS = "seq, message_id, text, turn, created_at";

/**
 * GET /api/chat/turns over the `turns` table (chat-session.storage.ts): after a sequence number or
 * a message id (one no longer kept reads from the oldest kept, as the socket's resume does),
 * oldest first, `limit` at a time; without a cursor, the newest `limit`. `next` is the cursor for
 * the next read; a cursor past the newest turn (the conversation was erased and began again)
 * answers the newest, so a client's stale cursor does not hide new turns for ever. `sinceMs`:
 * only turns kept at or after it (the client's sign-in; 0: all).
 */
export function storedTurnsPage(sql: SqlStorage, after: TurnsQuery["after"], limit: number, sinceMs = 0): StoredTurnsPage {
  const newest = sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM turns").one().seq ?? 0;
  if (!after) {
    const rows = sql.exec<Row>(`SELECT ${COLUMNS} FROM turns WHERE created_at >= ? ORDER BY seq DESC LIMIT ?`, sinceMs, limit).toArray().reverse().map(toRow);
    return { rows, more: false, next: newest };
  }
  const from =
    "seq" in after
      ? after.seq
      : (sql.exec<{ seq: number }>("SELECT seq FROM turns WHERE message_id = ?", after.messageId).toArray()[0]?.seq ?? 0);
  const found = sql.exec<Row>(`SELECT ${COLUMNS} FROM turns WHERE seq > ? AND created_at >= ? ORDER BY seq LIMIT ?`, from, sinceMs, limit + 1).toArray().map(toRow);
  const rows = found.slice(0, limit);
  return { rows, more: found.length > limit, next: rows.at(-1)?.seq ?? Math.min(from, newest) };
}

/** How a kept turn's columns are unsealed: undefined for one sealed with a key an erasure destroyed. */
export type OpenSealed = (sealed: string) => Promise<string | undefined>;

/**
 * A kept turn opened, the turn first: the customer's words are unsealed only once their turn has
 * opened, so nothing is read of a turn that has nothing to show (its key erased). `said` is
 * undefined when the words alone do not open. One reading for the socket's resume, GET turns, the
 * agent's transcript and the idempotency check (transcript-cipher.ts).
 */
export async function openKeptTurn(row: { turn: string; text: string }, open: OpenSealed): Promise<{ turn: ChatTurn; said: string | undefined } | undefined> {
  const turn = await open(row.turn);
  if (turn === undefined) return undefined;
  return { turn: JSON.parse(turn) as ChatTurn, said: await open(row.text) };
}

/**
 * The page opened for the customer: each turn and their words as kept (already redacted when
 * stored). A turn sealed with a key an erasure destroyed has nothing to show and is left out.
 */
export async function keptTurns(rows: StoredTurnRow[], open: OpenSealed): Promise<KeptTurn[]> {
  const kept: KeptTurn[] = [];
  for (const row of rows) {
    const opened = await openKeptTurn(row, open);
    if (opened?.said === undefined) continue;
    kept.push({ seq: row.seq, at: new Date(row.at).toISOString(), said: { text: opened.said }, turn: opened.turn });
  }
  return kept;
}
