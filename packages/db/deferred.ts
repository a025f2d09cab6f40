/**
 * Postgres code on first use, for the chat Worker's startup: a module that imports drizzle or the
 * schema runs their top level (~20 ms of classes and tables) in every fresh isolate if anything on
 * the FAQ path imports it statically. Its functions are reached instead through `deferred()`, over
 * a dynamic import (the bundler keeps one script and wraps the module in an initialiser), so they
 * run on the first turn that needs Postgres, as the driver does (deferred-client.ts).
 */
import type * as ConversationErasure from "./conversation-erasure.js";
import type * as ChatEventsRepo from "./chat-events.repo.js";
import type * as TranscriptKeysRepo from "./transcript-keys.repo.js";
import { lazyModule } from "../lazy-module/lazy-module.js";

/** The names of a module's functions that answer with a promise: only those can wait for the import. */
export type AsyncExports<M> = { [K in keyof M]: M[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof M];

/**
 * `name` of the module `load` imports, as a function of the same type that imports it on its
 * first call. `load` is a lazyModule(), which keeps the module once loaded. A failed import
 * rejects that call, like the function would.
 */
export function deferred<M, K extends AsyncExports<M>>(load: () => Promise<M>, name: K): M[K] {
  const call = async (...args: unknown[]): Promise<unknown> => {
    const fn = (await load())[name] as (...args: unknown[]) => Promise<unknown>;
    return fn(...args);
  };
  return call as M[K];
}

const conversationErasure = lazyModule((): Promise<typeof ConversationErasure> => import("./conversation-erasure.js"));
const chatEventsRepo = lazyModule((): Promise<typeof ChatEventsRepo> => import("./chat-events.repo.js"));
const transcriptKeysRepo = lazyModule((): Promise<typeof TranscriptKeysRepo> => import("./transcript-keys.repo.js"));

export const eraseConversationEvents = deferred(conversationErasure, "eraseConversationEvents");
export const deliveredEvents = deferred(chatEventsRepo, "deliveredEvents");
export const findDataKey = deferred(transcriptKeysRepo, "findDataKey");
export const registerDataKey = deferred(transcriptKeysRepo, "registerDataKey");
