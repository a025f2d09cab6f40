import type { Db } from "../../packages/db/client.js";
import { deadLetters } from "../../packages/db/schema/events.js";
import { eq } from "drizzle-orm";
import { listDeadLetters } from "../../packages/db/chat-events.repo.js";
import { replayAllDeadLetters, replayDeadLetter, type ReplayOutcome } from "../../packages/db/dead-letters.replay.js";
import { withDatabase } from "./database.js";

const USAGE = `usage: npm run ops -- dead-letters list [--all]
       npm run ops -- dead-letters replay <id>
       npm run ops -- dead-letters replay-all
       npm run ops -- dead-letters discard <id>
DATABASE_URL names the database.`;

/**
 * The operator's view of the DLQ: messages the chat-events consumer could not store, parked in
 * `dead_letters` by the DLQ consumer. Replaying stores a body's events with the consumer's own
 * idempotent insert, so a replay never duplicates a stored event. Returns the exit code.
 */
export async function deadLettersCommand(db: Db, args: string[], out: (line: string) => void = console.log): Promise<number> {
  const [action, id] = args;
  switch (action) {
    case "list": {
      const rows = await listDeadLetters(db, { includeReplayed: args.includes("--all") });
      if (rows.length === 0) out("no dead letters");
      for (const row of rows) {
        out(
          [
            row.id,
            `count=${row.count}`,
            `first=${row.firstSeenAt.toISOString()}`,
            `last=${row.lastSeenAt.toISOString()}`,
            row.replayedAt ? `replayed=${row.replayedAt.toISOString()}` : "pending",
            `error=${JSON.stringify(row.error)}`,
            `bytes=${row.body.length}`,
          ].join("  "),
        );
      }
      return 0;
    }
    case "replay":
      if (!id) break;
      return report([await replayDeadLetter(db, id)], out);
    case "replay-all":
      return report(await replayAllDeadLetters(db), out);
    case "discard": {
      if (!id) break;
      const gone = await db.delete(deadLetters).where(eq(deadLetters.id, id)).returning({ id: deadLetters.id });
      out(gone.length ? `discarded ${id}` : `no dead letter ${id}`);
      return gone.length ? 0 : 1;
    }
  }
  out(USAGE);
  return 2;
}

function report(outcomes: ReplayOutcome[], out: (line: string) => void): number {
  for (const o of outcomes) out(o.ok ? `${o.id}  replayed, ${o.stored} event(s) stored (duplicates skipped)` : `${o.id}  NOT replayed: ${o.error}`);
  if (outcomes.length === 0) out("nothing to replay");
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

export const runWithDatabase = (args: string[]) => withDatabase(args, (db, a) => deadLettersCommand(db, a));
