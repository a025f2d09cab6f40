/** The bank's people in the customer's chat: their messages as entries, and catching up on them. */
import { useEffect, useRef } from "react";
import { api } from "../api.js";
import type { Session } from "../auth/session.js";
import type { ConnectionStatus } from "./connection.js";
import type { AgentMessage } from "./protocol.js";

export interface AgentEntry {
  kind: "agent";
  key: string;
  message: AgentMessage;
}

/** HTTP clients have no socket to push to: they read new agent messages this often while a hand-off is open. */
const HTTP_POLL_MS = 3_000;

/** The part of the chat's state the bank's people change (useChat's ChatState has it). */
export interface AgentFields {
  entries: ReadonlyArray<{ kind: string; key?: string; at?: number; message?: { at: number } }>;
  handoff?: boolean;
  agent?: string | null;
  agentTyping?: string | null;
  agentSeq?: number;
}

/**
 * Adds an agent message once (by id) and follows who holds the conversation. A live message goes
 * last; one read back after a reload or reconnect (`caughtUp`) goes where it was said, before the
 * first entry said after it (it was shown after the restored turns, whatever their time).
 */
export function withAgentMessage<S extends AgentFields>(state: S, message: AgentMessage, caughtUp = false): S {
  const key = `agent:${message.id}`;
  const agentSeq = Math.max(state.agentSeq ?? 0, message.seq);
  if (state.entries.some((e) => e.kind === "agent" && e.key === key)) return { ...state, agentSeq };
  const closes = message.kind === "left" || message.kind === "notice";
  const later = caughtUp ? state.entries.findIndex((e) => (entryTime(e) ?? -Infinity) > message.at) : -1;
  const entry = { kind: "agent", key, message } satisfies AgentEntry;
  const entries = later < 0 ? [...state.entries, entry] : [...state.entries.slice(0, later), entry, ...state.entries.slice(later)];
  return {
    ...state,
    agentSeq,
    entries,
    agentTyping: message.kind === "message" ? null : state.agentTyping,
    ...(message.kind === "joined" ? { agent: message.agentName ?? null, handoff: true } : {}),
    ...(closes ? { agent: null, handoff: false, agentTyping: null } : {}),
  };
}

/** When an entry was said, if known: an agent message's own time, or the entry's. */
export function entryTime(entry: AgentFields["entries"][number]): number | undefined {
  return entry.kind === "agent" ? entry.message?.at : entry.at;
}

/**
 * Reads what was said while this page was away (after each (re)connect), and, without a socket,
 * keeps reading while a hand-off is open.
 */
export function useAgentCatchUp(
  session: Session,
  status: ConnectionStatus,
  handoff: boolean,
  cursor: () => number,
  add: (messages: AgentMessage[], handoff?: boolean) => void,
  /** Over HTTP, a new answer may have opened a hand-off: reading again after each one finds out. */
  answers: number,
): void {
  const addRef = useRef(add);
  addRef.current = add;
  useEffect(() => {
    if (status !== "live" && status !== "http") return;
    let stopped = false;
    const read = () =>
      api.agentMessages(session.token, cursor(), session.signedInAt).then(
        (r) => !stopped && addRef.current(r.messages, r.held || r.waiting),
        () => {},
      );
    void read();
    if (status !== "http" || !handoff) return () => void (stopped = true);
    const timer = setInterval(read, HTTP_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [session.token, session.signedInAt, status, handoff, cursor, status === "http" ? answers : 0]);
}
