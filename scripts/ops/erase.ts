import type { Db } from "../../packages/db/client.js";
import { withDatabase } from "./database.js";
import { requestOperatorErasure } from "../../packages/db/conversation-erasure.js";
import { erasureRequestsOf } from "../../packages/db/erasure-requests.repo.js";

const USAGE = `usage: DATABASE_URL=postgres://… npm run ops -- erase <customerId>
       DATABASE_URL=postgres://… npm run ops -- erase --status <customerId>`;
const CUSTOMER_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * `npm run ops -- erase <customerId>`: an operator's erasure request (GDPR Art. 17). At once, in
 * one transaction: the customer's conversation events leave chat_events, their transcript data
 * keys are destroyed (crypto-shredding: copies in backups or still on the queue no longer open),
 * an `audit.erasure` record (by operator) is kept without content, and an erasure request is
 * queued. The chat Worker's 15-minute Cron Trigger then erases the customer's Durable Object
 * (turns, queued words, its copy of the key) and marks the request complete; `--status` shows it.
 * Ledger, transfers and audit events stay.
 */
export async function eraseCommand(db: Db, args: string[], out: (line: string) => void = console.log): Promise<number> {
  if (args.length === 2 && args[0] === "--status" && CUSTOMER_ID.test(args[1]!)) {
    const requests = await erasureRequestsOf(db, args[1]!);
    if (requests.length === 0) out(`no operator erasure requests for ${args[1]}`);
    for (const request of requests) {
      const state = request.completedAt ? `complete ${request.completedAt.toISOString()}` : `pending${request.lastError ? ` (last error: ${request.lastError})` : ""}`;
      out(`${request.id}  requested ${request.requestedAt.toISOString()}  ${state}`);
    }
    return 0;
  }
  const [customerId] = args;
  if (!customerId || args.length !== 1 || !CUSTOMER_ID.test(customerId)) {
    out(USAGE);
    return 2;
  }
  const erased = await requestOperatorErasure(db, customerId);
  out(
    `erased ${customerId}: ${erased.events} conversation event(s) deleted from chat_events, ${erased.shreddedKeys} data key(s) destroyed; audit.erasure recorded. ` +
      `The Durable Object is erased on the chat Worker's next 15-minute cron tick (request ${erased.requestId}; check with --status).`,
  );
  return 0;
}

export const runEraseWithDatabase = (args: string[]) => withDatabase(args, (db, a) => eraseCommand(db, a));
