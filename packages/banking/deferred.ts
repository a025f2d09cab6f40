/**
 * The banking API's Postgres functions (index.ts), each loading the domain on its first call: the
 * chat Worker's Durable Object and services import these, so a fresh isolate that only answers
 * FAQ turns never runs drizzle's and the schema's top level (packages/db/deferred.ts). Same names
 * and types as index.ts; its constants, ids and types are imported from there or their modules.
 */
import type * as Banking from "./index.js";
import { deferred } from "../db/deferred.js";
import { lazyModule } from "../lazy-module/lazy-module.js";

const banking = lazyModule((): Promise<typeof Banking> => import("./index.js"));

export const listAccounts = deferred(banking, "listAccounts");
export const getAccount = deferred(banking, "getAccount");
export const listTransactions = deferred(banking, "listTransactions");
export const spendingSummary = deferred(banking, "spendingSummary");
export const listCards = deferred(banking, "listCards");
export const freezeCard = deferred(banking, "freezeCard");
export const unfreezeCard = deferred(banking, "unfreezeCard");
export const setCardStatus = deferred(banking, "setCardStatus");
export const listPayees = deferred(banking, "listPayees");
export const getPayee = deferred(banking, "getPayee");
export const listAccountNumbers = deferred(banking, "listAccountNumbers");
export const listInterestRates = deferred(banking, "listInterestRates");
export const listRewards = deferred(banking, "listRewards");
export const listCreditStatements = deferred(banking, "listCreditStatements");
export const transfer = deferred(banking, "transfer");
export const transferLimits = deferred(banking, "transferLimits");
export const getTransfer = deferred(banking, "getTransfer");
export const listAccountsAndPayees = deferred(banking, "listAccountsAndPayees");
export const findTransferByKey = deferred(banking, "findTransferByKey");
export const customerName = deferred(banking, "customerName");
export const isCustomerActive = deferred(banking, "isCustomerActive");
export const createScheduledTransfer = deferred(banking, "createScheduledTransfer");
export const listScheduledTransfers = deferred(banking, "listScheduledTransfers");
export const cancelScheduledTransfer = deferred(banking, "cancelScheduledTransfer");
export const runScheduledTransfers = deferred(banking, "runScheduledTransfers");
export const runDueScheduledTransfers = deferred(banking, "runDueScheduledTransfers");
export const notifyFailures = deferred(banking, "notifyFailures");
export const listDisputes = deferred(banking, "listDisputes");
export const openDispute = deferred(banking, "openDispute");
