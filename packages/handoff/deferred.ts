/**
 * The hand-off repository's functions (handoffs.repo.ts), each loading it on its first call, so a
 * fresh chat isolate does not run drizzle's and the schema's top level before a hand-off or the
 * staff console needs Postgres (packages/db/deferred.ts). Same names and types.
 */
import type * as HandoffsRepo from "./handoffs.repo.js";
import { deferred } from "../db/deferred.js";
import { lazyModule } from "../lazy-module/lazy-module.js";

const repo = lazyModule((): Promise<typeof HandoffsRepo> => import("./handoffs.repo.js"));

export const openHandoff = deferred(repo, "openHandoff");
export const escalateHandoff = deferred(repo, "escalateHandoff");
export const listQueue = deferred(repo, "listQueue");
export const getHandoff = deferred(repo, "getHandoff");
export const claimHandoff = deferred(repo, "claimHandoff");
export const markFirstReply = deferred(repo, "markFirstReply");
export const closeHandoff = deferred(repo, "closeHandoff");
export const firstReplyTimes = deferred(repo, "firstReplyTimes");
