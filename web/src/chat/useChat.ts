/** The conversation as the chat view shows it, fed by one ChatConnection per signed-in session. */
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api.js";
import type { Session } from "../auth/session.js";
import { ChatConnection, type ConnectionStatus } from "./connection.js";
import { forgetHistory, messageLog, type LoggedMessage } from "./history.js";
import { withHistoryErased, withHistoryErasedElsewhere } from "./eraseHistory.js";
import { unsentStore } from "./outbox.js";
import type { AgentMessage, ConfirmationAnswer, OutgoingMessage, PendingConfirmation, PendingQuestion, Reply, SaidElsewhere } from "./protocol.js";
import { entryTime, useAgentCatchUp, withAgentMessage, type AgentEntry } from "./agentEntries.js";
import { showingPending, showingQuestion, withoutStandIn } from "./pendingShown.js";

export interface CustomerEntry {
  kind: "customer";
  id: string;
  text: string;
  /** Epoch ms when it was sent (unknown for a message restored without it). */
  at?: number;
  /** Kept so a retry resends exactly the same message. */
  confirmation?: ConfirmationAnswer;
  error?: string;
}

export interface TellerEntry {
  kind: "teller";
  /** Unique per reply: a message can get several, and a resume may repeat one. */
  key: string;
  replyTo: string;
  reply: Reply;
  /** Epoch ms when it arrived. */
  at?: number;
}

export type Entry = CustomerEntry | TellerEntry | AgentEntry;

export interface ChatState {
  entries: Entry[];
  status: ConnectionStatus;
  typing: boolean;
  /** Ids of messages not yet answered (shown as "sending"/"waiting"). */
  unsent: Set<string>;
  /** What the server says is awaiting a yes/no; undefined when it hasn't said (HTTP mode). */
  pending: PendingConfirmation | null | undefined;
  answered: Record<string, ConfirmationAnswer["answer"]>;
  /** A problem not tied to one message, in plain words. */
  notice: string | null;
  /** Entries before this index were restored from the server's turns after a reload. */
  historyEnd?: number;
  /** A hand-off to a person is open (waiting, or someone holds the conversation). */
  handoff?: boolean;
  /** The first name of the person from the bank who holds the conversation. */
  agent?: string | null;
  /** Who from the bank is typing right now. */
  agentTyping?: string | null;
  /** The newest agent message seen (the cursor for catch-up reads). */
  agentSeq?: number;
}

const replyKey = (id: string, reply: Reply) => `${id}:${reply.confirmation?.id ?? ""}:${reply.text}`;

/**
 * Adds a reply to the conversation. A final answer that only combines replies already streamed
 * for the same message adds nothing; one that holds more (a reconnect cut the stream) replaces
 * the partial ones, so nothing is shown twice and nothing is missing. `at`: the server's time of
 * the answer (epoch ms), where known; else the time it came.
 */
export function withReply(state: ChatState, id: string, reply: Reply, final: boolean, at?: number): ChatState {
  state = withSettled(state, reply);
  // The turn that asked a confirmation shown only from the server's state takes its place.
  if (reply.confirmation) state = withStandInReplaced(state, reply.confirmation.id);
  const key = replyKey(id, reply);
  if (state.entries.some((e) => e.kind === "teller" && e.key === key)) return final ? atServerTime(state, id, at) : state;
  const entry: TellerEntry = { kind: "teller", key, replyTo: id, reply, at: at ?? Date.now() };
  // The server just created this confirmation: it is pending even before the state frame says so.
  const pending = reply.confirmation ?? state.pending;
  if (!final) return { ...state, pending, entries: [...state.entries, entry] };
  const streamed = state.entries.filter((e): e is TellerEntry => e.kind === "teller" && e.replyTo === id);
  if (streamed.length === 0) return { ...state, pending, entries: [...state.entries, entry] };
  if (streamed.map((e) => e.reply.text).join("\n\n") === reply.text) return atServerTime(state, id, at);
  const first = state.entries.indexOf(streamed[0]!);
  const rest = state.entries.filter((e) => !streamed.includes(e as TellerEntry));
  return { ...state, pending, entries: [...rest.slice(0, first), entry, ...rest.slice(first)] };
}

/**
 * The card a turn answered, as the server says (`reply.settled`): a typed "yes" or "no" shows on the
 * card as its own button would ("You confirmed." / "You said no."), not as "no longer waiting".
 */
function withSettled(state: ChatState, reply: Reply): ChatState {
  const settled = reply.settled;
  if (!settled || state.answered[settled.id] === settled.answer) return state;
  return { ...state, answered: { ...state.answered, [settled.id]: settled.answer } };
}

/** The replies streamed for `id` are the answer: shown at the server's time, as in every other tab. */
function atServerTime(state: ChatState, id: string, at: number | undefined): ChatState {
  if (at === undefined) return state;
  return { ...state, entries: state.entries.map((e) => (e.kind === "teller" && e.replyTo === id && e.at !== at ? { ...e, at } : e)) };
}

/**
 * A turn the server replayed after a reload: the customer's words (from this tab's log, else as
 * the server kept them) and Teller's answer go back where they were — before anything sent since
 * the page loaded. A turn without words (a server that does not send them) is not shown.
 */
export function withRestoredTurn(state: ChatState, id: string, reply: Reply, logged: LoggedMessage | undefined): ChatState {
  if (state.entries.some((e) => (e.kind === "customer" && e.id === id) || (e.kind === "teller" && e.replyTo === id))) {
    // The server has a turn for it: a message shown as failed (its answer was lost) did arrive.
    const entries = state.entries.map((e) => (e.kind === "customer" && e.id === id && e.error ? { ...e, error: undefined } : e));
    return withReply({ ...state, entries }, id, reply, true, logged?.repliedAt);
  }
  if (!logged) return state;
  state = withSettled(state, reply);
  if (reply.confirmation) state = withStandInReplaced(state, reply.confirmation.id);
  // Agent messages read back before this turn came, and said before it, stay before it.
  let at = state.historyEnd ?? 0;
  while (state.entries[at]?.kind === "agent" && (entryTime(state.entries[at]!) ?? Infinity) <= logged.at) at++;
  const restored: Entry[] = [
    { kind: "customer", id, text: logged.text, at: logged.at, ...(logged.confirmation ? { confirmation: logged.confirmation } : {}) },
    { kind: "teller", key: replyKey(id, reply), replyTo: id, reply, ...(logged.repliedAt ? { at: logged.repliedAt } : {}) },
  ];
  return {
    ...state,
    entries: [...state.entries.slice(0, at), ...restored, ...state.entries.slice(at)],
    answered: logged.confirmation ? { ...state.answered, [logged.confirmation.id]: logged.confirmation.answer } : state.answered,
    historyEnd: at + restored.length,
  };
}

/**
 * A turn the server replayed to restore the conversation: with this tab's logged words when it
 * sent it (unredacted, with when and which card), else with the words the server kept (said in
 * another tab or device, or before this tab's log began), at the server's time of the answer.
 */
export function withReplayedTurn(state: ChatState, id: string, reply: Reply, logged: LoggedMessage | undefined, said?: SaidElsewhere, at?: number): ChatState {
  const when = at ?? Date.now();
  const words = logged ?? (said ? { id, text: said.text, at: when, repliedAt: when, ...(said.confirmation ? { confirmation: said.confirmation } : {}) } : undefined);
  return withRestoredTurn(state, id, reply, words);
}

/**
 * A turn the customer sent from another tab or device (the server mirrors every turn to all of
 * the customer's open sockets, with the words as it keeps them). It is shown at the end of the
 * conversation like one sent here, so a confirmation asked in one tab is on screen in all, and a
 * "yes" typed anywhere answers something the customer can see.
 */
function withStandInReplaced(state: ChatState, confirmationId: string): ChatState {
  const entries = withoutStandIn(state.entries, confirmationId);
  return entries === state.entries ? state : { ...state, entries };
}

/**
 * The server's state frame: what is pending, and whether a person is involved. A pending
 * confirmation this tab shows nowhere (it was asked before the tab opened) is shown at the end,
 * and so is the question a task waits on when the conversation here does not end with it.
 * `question` undefined: the server did not say (nothing changes).
 */
export function withServerState(
  state: ChatState,
  pending: PendingConfirmation | null,
  handoff?: boolean,
  agent?: string | null,
  at = Date.now(),
  question?: PendingQuestion | null,
): ChatState {
  const asking = question === undefined ? state.entries : showingQuestion(state.entries, question, at);
  return {
    ...state,
    pending,
    entries: showingPending(asking, pending, state.answered, at),
    ...(handoff !== undefined ? { handoff } : {}),
    ...(agent !== undefined ? { agent } : {}),
  };
}

/** An older turn from elsewhere put at `index`; what is pending is the newer turns' business. */
function withTurnBefore(state: ChatState, index: number, id: string, said: SaidElsewhere, reply: Reply, at: number): ChatState {
  state = withSettled(state, reply);
  const turn: Entry[] = [
    { kind: "customer", id, text: said.text, at, ...(said.confirmation ? { confirmation: said.confirmation } : {}) },
    { kind: "teller", key: replyKey(id, reply), replyTo: id, reply, at },
  ];
  return {
    ...state,
    entries: [...state.entries.slice(0, index), ...turn, ...state.entries.slice(index)],
    answered: said.confirmation ? { ...state.answered, [said.confirmation.id]: said.confirmation.answer } : state.answered,
  };
}

export function withTurnFromElsewhere(state: ChatState, id: string, said: SaidElsewhere, reply: Reply, at = Date.now(), before?: string): ChatState {
  const known = state.entries.some((e) => e.kind === "customer" && e.id === id);
  // Read late, it came before a message this tab sent meanwhile: it goes where the server kept it.
  if (before !== undefined && !known) {
    if (reply.confirmation) state = withStandInReplaced(state, reply.confirmation.id);
    const next = state.entries.findIndex((e) => (e.kind === "customer" && e.id === before) || (e.kind === "teller" && e.replyTo === before));
    if (next >= 0) return withTurnBefore(state, next, id, said, reply, at);
  }
  const entry: CustomerEntry = { kind: "customer", id, text: said.text, at, ...(said.confirmation ? { confirmation: said.confirmation } : {}) };
  const next: ChatState = known
    ? state
    : {
        ...state,
        entries: [...state.entries, entry],
        answered: said.confirmation ? { ...state.answered, [said.confirmation.id]: said.confirmation.answer } : state.answered,
      };
  return withReply(next, id, reply, true, at);
}

export function useChat(session: Session, onReply?: (reply: Reply) => void) {
  const [state, setState] = useState<ChatState>(() => {
    // Messages still queued from before a reload are shown again, then resent.
    const queued = unsentStore(session.customerId).load();
    const times = new Map(messageLog(session.customerId).load().map((m) => [m.id, m.at]));
    return {
      entries: queued.map((m) => ({
        kind: "customer",
        id: m.id,
        text: m.text,
        at: times.get(m.id),
        ...(m.confirmation ? { confirmation: m.confirmation } : {}),
      })),
      status: "connecting",
      typing: false,
      unsent: new Set(queued.map((m) => m.id)),
      pending: undefined,
      answered: {},
      notice: null,
    };
  });
  const connection = useRef<ChatConnection | null>(null);
  const latest = useRef(state);
  latest.current = state;
  /** This tab is erasing: the server's word that the history was erased is its own erasure's. */
  const erasing = useRef(false);
  const onReplyRef = useRef(onReply);
  onReplyRef.current = onReply;

  useEffect(() => {
    const log = messageLog(session.customerId);
    const link = new ChatConnection({
      // This tab already talked to Teller (a reload): ask the server for the conversation.
      restore: log.load().length > 0,
      // Only this sign-in's turns: a sign-in after an expiry (this tab's log kept) starts empty too.
      since: session.signedInAt,
      getToken: () => (session.expiresAt > Date.now() ? session.token : null),
      store: unsentStore(session.customerId),
      http: api,
      onEvent: (event) => {
        switch (event.type) {
          case "status":
            return setState((s) => ({ ...s, status: event.status, notice: event.status === "live" || event.status === "http" ? null : s.notice }));
          case "typing":
            return setState((s) => ({ ...s, typing: event.on }));
          case "unsent":
            return setState((s) => ({ ...s, unsent: new Set(event.messages.map((m) => m.id)) }));
          case "state":
            return setState((s) => withServerState(s, event.pendingConfirmation, event.handoff, event.agent, Date.now(), event.pendingQuestion));
          case "agent":
            return setState((s) => withAgentMessage(s, event.message));
          case "agent_typing":
            return setState((s) => ({ ...s, agentTyping: event.on ? event.agentName : null }));
          case "erased":
            // This tab's own erasure clears the page itself; with nothing shown there is nothing to say.
            if (erasing.current || latest.current.entries.length === 0) return;
            forgetHistory(session.customerId);
            return setState((s) => withHistoryErasedElsewhere(s, event.by));
          case "failed":
            return setState((s) => ({
              ...s,
              notice: event.id ? s.notice : event.message,
              entries: s.entries.map((e) => (e.kind === "customer" && e.id === event.id ? { ...e, error: event.message } : e)),
            }));
          case "reply":
            if (event.replay) {
              const logged = log.load().find((m) => m.id === event.id);
              const { id, reply, said, at } = event;
              return setState((s) => withReplayedTurn(s, id, reply, logged, said, at));
            }
            if (event.said) {
              // Another tab or device: logged here too, so a reload of this tab keeps it.
              const said = event.said;
              // A turn read over HTTP seconds later keeps the time the server answered it.
              const at = event.at ?? Date.now();
              log.add({ id: event.id, text: said.text, at, repliedAt: at, ...(said.confirmation ? { confirmation: said.confirmation } : {}) });
              setState((s) => withTurnFromElsewhere(s, event.id, said, event.reply, at, event.before));
              onReplyRef.current?.(event.reply);
              return;
            }
            if (event.final) log.replied(event.id, event.at ?? Date.now());
            setState((s) => withReply(s, event.id, event.reply, event.final, event.at));
            // Once per answer: the final one carries the data of whatever was streamed.
            if (event.final) onReplyRef.current?.(event.reply);
            return;
        }
      },
    });
    connection.current = link;
    link.start();
    return () => {
      link.stop();
      connection.current = null;
    };
  }, [session]);

  const addAgentMessages = useCallback((messages: AgentMessage[], handoff?: boolean) => {
    setState((s) => messages.reduce((next, m) => withAgentMessage(next, m, true), handoff === undefined ? s : { ...s, handoff }));
  }, []);
  const agentCursor = useCallback(() => latest.current.agentSeq ?? 0, []);
  useAgentCatchUp(session, state.status, Boolean(state.handoff), agentCursor, addAgentMessages, state.entries.length);

  const leaveQueue = useCallback(async () => {
    await api.leaveHandoff(session.token);
    setState((s) => ({ ...s, handoff: false, agent: null }));
  }, [session.token]);

  /** Erases the conversation on the server; only then is what the page keeps of it cleared. Rejects as the API does. */
  const eraseHistory = useCallback(async () => {
    erasing.current = true;
    try {
      await api.eraseConversation(session.token);
      forgetHistory(session.customerId);
      setState(withHistoryErased);
    } finally {
      erasing.current = false;
    }
  }, [session.token, session.customerId]);

  const send = useCallback(
    (text: string, confirmation?: ConfirmationAnswer) => {
      const message: OutgoingMessage = { id: crypto.randomUUID(), text, ...(confirmation ? { confirmation } : {}) };
      const at = Date.now();
      messageLog(session.customerId).add({ ...message, at });
      setState((s) => ({
        ...s,
        entries: [...s.entries, { kind: "customer", id: message.id, text, at, ...(confirmation ? { confirmation } : {}) }],
        answered: confirmation ? { ...s.answered, [confirmation.id]: confirmation.answer } : s.answered,
      }));
      connection.current?.send(message);
    },
    [session.customerId],
  );

  /**
   * Sends a failed message again with the SAME id: if the server did act on it (only the answer
   * was lost), it answers from its stored turn instead of acting twice.
   */
  const retry = useCallback((id: string) => {
    const entry = latest.current.entries.find((e): e is CustomerEntry => e.kind === "customer" && e.id === id && Boolean(e.error));
    if (!entry) return;
    setState((s) => ({ ...s, entries: s.entries.map((e) => (e.kind === "customer" && e.id === id ? { ...e, error: undefined } : e)) }));
    connection.current?.send({ id, text: entry.text, ...(entry.confirmation ? { confirmation: entry.confirmation } : {}) });
  }, []);

  return { ...state, send, retry, leaveQueue, eraseHistory };
}
