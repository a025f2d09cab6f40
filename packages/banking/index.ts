/**
 * The banking domain's public API. Every function takes the database and the authenticated
 * customer id first and scopes every query by that id; another customer's ids answer exactly like
 * ids that do not exist (404 `not_found`). Expected failures come back as RpcResult, never thrown.
 */
export { listAccounts, getAccount, listTransactions, spendingSummary } from "./accounts.js";
export { listCards, freezeCard, unfreezeCard, setCardStatus } from "./cards.js";
export { listPayees, getPayee } from "./payees.js";
export { listAccountNumbers, listInterestRates, listRewards, listCreditStatements } from "./account-facts.js";
export { transfer, getTransfer } from "./transfer.js";
export { transferLimits } from "./transfer-limits.js";
export { CUSTOMER_DISABLED_MESSAGE } from "./messages.js";
export { listAccountsAndPayees } from "./accounts-and-payees.js";
export { findTransferByKey } from "./transfer-lookup.js";
export { customerName, isCustomerActive } from "./customer-status.js";
export { TRANSFER_LIMITS, IDEMPOTENCY_KEY_PATTERN, MAX_MEMO_CHARS, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, MAX_SEARCH_CHARS } from "./limits.js";
export { ID_PATTERNS, isId } from "./ids.js";
export type * from "../contract/views.js";
export {
  createScheduledTransfer,
  listScheduledTransfers,
  cancelScheduledTransfer,
  type ScheduledTransferView,
  type ScheduleRequest,
} from "./scheduled.js";
export { runScheduledTransfers, runDueScheduledTransfers, notifyFailures, occurrenceKey, type FailureNotice, type RunSummary } from "./scheduled-runner.js";
export { listDisputes, openDispute, type DisputeView as DisputeCase, type DisputeReason, type DisputeStatus } from "./disputes.js";
