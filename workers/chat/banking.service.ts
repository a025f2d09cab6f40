import { WorkerEntrypoint } from "cloudflare:workers";
import type { ChatEnv } from "./env.js";
import type { RpcResult } from "../../packages/contract/errors.js";
import type { Db } from "../../packages/db/client.js";
import * as banking from "../../packages/banking/deferred.js";
import type {
  AccountView,
  CardView,
  Page,
  PayeeView,
  ScheduledTransferView,
  SpendingQuery,
  SpendingView,
  TransactionQuery,
  TransactionView,
  TransferRequest,
  TransferResult,
  TransferView,
} from "../../packages/banking/index.js";
import { readWithRetry, requestDb } from "./db.js";
import { customerSession } from "./object-ids.js";

/**
 * The banking domain over RPC for the gateway's REST API (service binding BANKING, entrypoint
 * "BankingService"). `customerId` is always the verified token's `sub`, passed first; results are
 * plain data. Each call opens this request's pool and closes it when done.
 */
export class BankingService extends WorkerEntrypoint<ChatEnv> {
  listAccounts(customerId: string): Promise<RpcResult<AccountView[]>> {
    return this.read((db) => banking.listAccounts(db, customerId));
  }

  getAccount(customerId: string, accountId: string): Promise<RpcResult<AccountView>> {
    return this.read((db) => banking.getAccount(db, customerId, accountId));
  }

  listTransactions(customerId: string, query: TransactionQuery): Promise<RpcResult<Page<TransactionView>>> {
    return this.read((db) => banking.listTransactions(db, customerId, query));
  }

  spendingSummary(customerId: string, query: SpendingQuery): Promise<RpcResult<SpendingView>> {
    return this.read((db) => banking.spendingSummary(db, customerId, query));
  }

  listPayees(customerId: string): Promise<RpcResult<PayeeView[]>> {
    return this.read((db) => banking.listPayees(db, customerId));
  }

  getPayee(customerId: string, payeeId: string): Promise<RpcResult<PayeeView>> {
    return this.read((db) => banking.getPayee(db, customerId, payeeId));
  }

  listCards(customerId: string): Promise<RpcResult<CardView[]>> {
    return this.read((db) => banking.listCards(db, customerId));
  }

  freezeCard(customerId: string, cardId: string): Promise<RpcResult<CardView>> {
    return this.withDb((db) => banking.freezeCard(db, customerId, cardId));
  }

  unfreezeCard(customerId: string, cardId: string): Promise<RpcResult<CardView>> {
    return this.withDb((db) => banking.unfreezeCard(db, customerId, cardId));
  }

  transfer(customerId: string, request: TransferRequest): Promise<RpcResult<TransferResult>> {
    return this.withDb((db) => banking.transfer(db, customerId, request));
  }

  getTransfer(customerId: string, transferId: string): Promise<RpcResult<TransferView>> {
    return this.read((db) => banking.getTransfer(db, customerId, transferId));
  }

  listScheduledTransfers(customerId: string): Promise<RpcResult<ScheduledTransferView[]>> {
    return this.read((db) => banking.listScheduledTransfers(db, customerId));
  }

  cancelScheduledTransfer(customerId: string, scheduleId: string): Promise<RpcResult<ScheduledTransferView>> {
    return this.withDb((db) => banking.cancelScheduledTransfer(db, customerId, scheduleId));
  }

  /**
   * For the gateway's per-request check (cached there for ~30 s): false only when the bank has
   * disabled the customer. A `sub` with no customer row yet is active — it simply owns nothing.
   * Asked through the customer's ChatSession, whose Postgres session the next turn then reuses.
   */
  isCustomerActive(customerId: string): Promise<boolean> {
    return customerSession(this.env, customerId).customerActive(customerId);
  }

  /**
   * The name a customer row carries, or null: for the development identity provider only (local),
   * which signs in any seeded customer, not just the demo ones.
   */
  customerName(customerId: string): Promise<string | null> {
    return this.read((db) => banking.customerName(db, customerId));
  }

  /** A read: tried once more if the connection dropped (readWithRetry). */
  private read<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return readWithRetry(this.env, this.ctx, fn);
  }

  private async withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const { db, end } = await requestDb(this.env, this.ctx);
    try {
      return await fn(db);
    } finally {
      // Closing the pool is off the response's path: requestDb hands it to ctx.waitUntil.
      void end();
    }
  }
}
