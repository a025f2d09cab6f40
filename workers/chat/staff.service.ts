import { WorkerEntrypoint } from "cloudflare:workers";
import type { ChatEnv } from "./env.js";
import { fail, ok, type RpcResult } from "../../packages/contract/errors.js";
import type { AccountView, TransactionView } from "../../packages/banking/index.js";
import { listAccounts, listTransactions } from "../../packages/banking/deferred.js";
import type { HandoffRow } from "../../packages/handoff/handoffs.repo.js";
import { claimHandoff, closeHandoff, firstReplyTimes, getHandoff, listQueue, markFirstReply } from "../../packages/handoff/deferred.js";
import { queueItem, type QueueItem } from "../../packages/handoff/queue-item.js";
import { canAct, canSee, type Staff } from "../../packages/handoff/staff.js";
import type { AgentMessage, ClosedHandoffStatus, TranscriptEntry } from "../../packages/contract/handoff.js";
import { readWithRetry, requestDb } from "./db.js";
import type { Db } from "../../packages/db/client.js";
import { customerSession } from "./object-ids.js";

export interface HandoffDetail {
  handoff: QueueItem;
  transcript: TranscriptEntry[];
  /** Read-only: what the customer holds and their latest transactions. */
  accounts: AccountView[];
  transactions: TransactionView[];
}

const NOT_FOUND = fail(404, "not_found", "no such hand-off");

const itemOf = (row: HandoffRow & { customerName: string; customerDisabledAt: Date | null }): QueueItem =>
  queueItem(row, { name: row.customerName, disabledAt: row.customerDisabledAt });

/**
 * The staff console's RPC surface (service binding STAFF, entrypoint "StaffService"). `staff` is
 * the gateway's verified workforce identity. Postgres (`handoffs`) decides who holds what; the
 * customer's ChatSession carries the conversation; the StaffDesk pushes changes to open pages.
 * Nothing here can move money: agents write text, and the customer's ChatSession never reads it
 * as a customer message. Each Postgres pool is closed before a Durable Object is called (the
 * embedded PGlite serves one session at a time).
 */
export class StaffService extends WorkerEntrypoint<ChatEnv> {
  async queueFor(staff: Staff): Promise<QueueItem[]> {
    return this.read((db) => listQueue(db, staff));
  }

  /** Atomic: of two agents claiming together exactly one wins; the other gets 409 conflict. */
  async claim(staff: Staff, handoffId: string): Promise<RpcResult<{ handoff: QueueItem; joined: AgentMessage }>> {
    if (staff.role !== "agent") return fail(403, "forbidden", "only agents claim conversations");
    const outcome = await this.withDb((db) => claimHandoff(db, handoffId, staff));
    if (!outcome.ok) return outcome.reason === "taken" ? fail(409, "conflict", "another agent has taken this conversation") : NOT_FOUND;
    const joined = await this.session(outcome.handoff.customerId).agentJoined(outcome.handoff.customerId, handoffId, staff);
    if (!joined.ok) return joined;
    if (!outcome.again) this.ctx.waitUntil(this.desk().queueChanged().catch(() => {}));
    const row = await this.read((db) => getHandoff(db, handoffId));
    return ok({ handoff: itemOf(row!), joined: joined.value });
  }

  async view(staff: Staff, handoffId: string): Promise<RpcResult<HandoffDetail>> {
    const row = await this.visible(staff, handoffId);
    if (!row) return NOT_FOUND;
    const { transcript } = await this.session(row.customerId).agentView(row.customerId);
    const [accounts, transactions] = await this.read(async (db) => [await listAccounts(db, row.customerId), await listTransactions(db, row.customerId, { limit: 10 })] as const);
    return ok({
      handoff: itemOf(row),
      transcript,
      accounts: accounts.ok ? accounts.value : [],
      transactions: transactions.ok ? transactions.value.items : [],
    });
  }

  async say(staff: Staff, handoffId: string, message: { id: string; text: string }): Promise<RpcResult<AgentMessage>> {
    const row = await this.visible(staff, handoffId);
    if (!row) return NOT_FOUND;
    if (!canAct(staff, row, "message")) return fail(409, "conflict", "claim this conversation before replying");
    // The bank shut the customer out: staff may read the conversation, not carry it on.
    if (row.customerDisabledAt) return fail(409, "customer_disabled", "the bank has disabled this customer's access; the conversation can be read but not answered");
    const firstReplyMs = row.firstReplyAt ? undefined : await this.withDb((db) => markFirstReply(db, handoffId));
    const said = await this.session(row.customerId).agentSays(row.customerId, handoffId, staff.id, message, firstReplyMs);
    if (said.ok) {
      const entry: TranscriptEntry = { id: said.value.id, from: "agent", text: said.value.text, at: said.value.at, agentName: said.value.agentName! };
      this.ctx.waitUntil(this.desk().toHolder(handoffId, row.agentId, { type: "agent_message", handoffId, entry }).catch(() => {}));
    }
    return said;
  }

  /** The typing indicator: to the customer's sockets if this agent holds the conversation; nothing stored. */
  async typing(staff: Staff, handoffId: string, on: boolean): Promise<boolean> {
    const row = await this.visible(staff, handoffId);
    if (!row || !canAct(staff, row, "message") || row.customerDisabledAt) return false;
    return this.session(row.customerId).agentTyping(row.customerId, handoffId, staff.id, on);
  }

  /** Hand back to Teller (`resolved` false) or resolve. The conversation first, then the row: a retry finishes either. */
  async close(staff: Staff, handoffId: string, resolved: boolean): Promise<RpcResult<{ status: "returned" | "resolved" }>> {
    const row = await this.visible(staff, handoffId);
    if (!row) return NOT_FOUND;
    if (!canAct(staff, row, resolved ? "resolve" : "hand_back")) return fail(409, "conflict", "this conversation is not yours to close");
    const left = await this.session(row.customerId).agentLeaves(row.customerId, handoffId, staff.id, resolved);
    if (!left.ok) return left;
    const status = resolved ? "resolved" : "returned";
    await this.withDb((db) => closeHandoff(db, handoffId, status, ["assigned"]));
    this.ctx.waitUntil(this.closed(handoffId, row.agentId, status).catch(() => {}));
    return ok({ status });
  }

  /** Time to first agent reply over the latest hand-offs (supervisors). */
  async firstReplyFigures(staff: Staff): Promise<RpcResult<{ count: number; p50Ms: number | null; p90Ms: number | null }>> {
    if (staff.role !== "supervisor") return fail(403, "forbidden", "supervisors only");
    const times = (await this.read((db) => firstReplyTimes(db))).sort((a, b) => a - b);
    const at = (q: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))]! : null);
    return ok({ count: times.length, p50Ms: at(0.5), p90Ms: at(0.9) });
  }

  /** The customer left the queue: the desk hears it (called by ChatService after the session closed it). */
  async closed(handoffId: string, agentId: string | null, status: ClosedHandoffStatus): Promise<void> {
    const desk = this.desk();
    await desk.toHolder(handoffId, agentId, { type: "handoff_closed", handoffId, status });
    await desk.queueChanged();
  }

  async deskTicket(staff: Staff, tokenValidUntil?: number): Promise<{ ticket: string; expiresAt: number }> {
    return this.desk().createTicket(staff, tokenValidUntil);
  }

  /** The desk socket's upgrade, forwarded by the gateway (the desk checks the ticket). */
  override async fetch(request: Request): Promise<Response> {
    return this.desk().fetch(request);
  }

  /** The row, if this member of staff may see it (otherwise the same 404 as a missing one). */
  private async visible(staff: Staff, handoffId: string): Promise<(HandoffRow & { customerName: string; customerDisabledAt: Date | null }) | undefined> {
    const row = await this.read((db) => getHandoff(db, handoffId));
    return row && canSee(staff, row) ? row : undefined;
  }

  private desk() {
    if (!this.env.STAFF_DESK) throw new Error("STAFF_DESK is not bound");
    return this.env.STAFF_DESK.get(this.env.STAFF_DESK.idFromName("desk"));
  }

  private session(customerId: string) {
    return customerSession(this.env, customerId);
  }

  /** A read: tried once more if the connection dropped (readWithRetry). */
  private read<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return readWithRetry(this.env, this.ctx, work, { closeFirst: true });
  }

  private async withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const { db, end } = await requestDb(this.env, this.ctx);
    try {
      return await work(db);
    } finally {
      await end();
    }
  }
}
