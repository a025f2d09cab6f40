import type { ChatEvent } from "../packages/contract/events.js";
import { redactText } from "../packages/redaction/redact.js";
import { chatEvent } from "../packages/conversation/session-events.js";
import { BANK_ROUTING_NUMBERS } from "../packages/banking/routing-numbers.js";
import type { Reply } from "../packages/dialogue/index.js";
import { firstName } from "../packages/handoff/staff.js";
import { type AgentMessage, type CustomerAgentFrame, type TranscriptEntry } from "../packages/contract/handoff.js";
import { joinedText, leftText } from "../packages/handoff/texts.js";
import { isSealed } from "../packages/transcript-crypto/index.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import { openKeptTurn } from "./chat-session.turns.js";

/** Agent messages kept for HTTP clients and the transcript (the full record is in chat_events). */
const KEEP_AGENT_MESSAGES = 200;
/** Default wait before an unclaimed hand-off tells the customer other ways to reach the bank. */
export const DEFAULT_HANDOFF_TIMEOUT_SECONDS = 600;

/** Who holds the conversation, in the ChatSession's storage. */
export interface AgentHold {
  handoffId: string;
  agentId: string;
  agentName: string;
}

/** A hand-off waiting in the queue, as this conversation knows it. */
export interface PendingHandoff {
  handoffId: string;
  /** Epoch ms after which nobody picking it up tells the customer other ways to reach the bank. */
  deadline: number;
  reason: string;
  intent: string;
  requestedAt: number;
}

/** The empty reply of a turn an agent answers instead of Teller. */
export function silentReply(): Reply {
  return { text: "", intent: { name: "agent_holds", confidence: 1 }, actions: [] };
}

/**
 * Seals what the agent log keeps with the customer's transcript data key (transcript-cipher.ts),
 * so agents' words are encrypted at rest like the customer's turns; `open` gives undefined for a
 * value sealed with a key the object no longer has (erased).
 */
export interface LogSealer {
  seal(plain: string): Promise<string>;
  open(stored: string): Promise<string | undefined>;
}

/**
 * A hand-off step under the turn deadline (chat-session.handoff.ts): its own sealer, on the step's
 * fenced Postgres, and the fence's check, called right before each write so none lands after the 504.
 */
export interface LogStep {
  sealer: LogSealer;
  check(): void;
}

/**
 * The ChatSession's side of a hand-off: who holds the conversation, the agent log customers read
 * (over the socket as it happens, over HTTP `after` a cursor) and the transcript agents read. The
 * Postgres `handoffs` row is the queue's truth; this is the conversation's.
 */
export class AgentLink {
  constructor(
    private readonly store: ChatSessionStore,
    private readonly sockets: () => WebSocket[],
    private readonly sealer: LogSealer,
  ) {}

  hold(): AgentHold | undefined {
    const json = this.store.getMeta("agent_hold");
    return json ? (JSON.parse(json) as AgentHold) : undefined;
  }

  pending(): PendingHandoff | undefined {
    const json = this.store.getMeta("handoff_pending");
    return json ? (JSON.parse(json) as PendingHandoff) : undefined;
  }

  setPending(pending: PendingHandoff | undefined): void {
    this.store.setMeta("handoff_pending", pending ? JSON.stringify(pending) : "");
  }

  /** Sets (or, with undefined, ends) who holds the conversation. */
  setHold(hold: AgentHold | undefined): void {
    this.store.setMeta("agent_hold", hold ? JSON.stringify(hold) : "");
  }

  /** The agent log, opened; empty when it was sealed with a key erasure destroyed. */
  async log(step?: LogStep): Promise<AgentMessage[]> {
    const stored = this.store.getMeta("agent_log");
    if (!stored) return [];
    // A log written before it was sealed is plain JSON (open passes it as it is).
    const json = await (step?.sealer ?? this.sealer).open(stored);
    return json ? (JSON.parse(json) as AgentMessage[]) : [];
  }

  /** Erasure: the agents' words go; the sequence carries on, so HTTP clients' cursors stay valid. */
  forgetLog(): void {
    const stored = this.store.getMeta("agent_log");
    // A sealed log keeps its last seq in agent_log_seq; one stored in clear (before sealing) is read for it.
    if (stored && !isSealed(stored)) {
      const last = (JSON.parse(stored) as AgentMessage[]).at(-1)?.seq;
      if (last !== undefined) this.store.setMeta("agent_log_seq", String(Math.max(last, this.lastSeq())));
    }
    this.store.setMeta("agent_log", "");
  }

  async after(seq: number, step?: LogStep): Promise<AgentMessage[]> {
    return (await this.log(step)).filter((m) => m.seq > seq);
  }

  /** Adds a message to the log (once per id), sealed, and pushes it to the customer's open sockets. */
  async add(message: Omit<AgentMessage, "seq">, step?: LogStep): Promise<AgentMessage> {
    const log = await this.log(step);
    const known = log.find((m) => m.id === message.id);
    if (known) return known;
    const added: AgentMessage = { ...message, seq: Math.max(log.at(-1)?.seq ?? 0, this.lastSeq()) + 1 };
    const sealed = await (step?.sealer ?? this.sealer).seal(JSON.stringify([...log, added].slice(-KEEP_AGENT_MESSAGES)));
    step?.check();
    this.store.setMeta("agent_log", sealed);
    this.store.setMeta("agent_log_seq", String(added.seq));
    this.push({ type: "agent", message: added });
    return added;
  }

  private lastSeq(): number {
    return Number(this.store.getMeta("agent_log_seq") ?? 0);
  }

  joined(hold: AgentHold, at: number, step?: LogStep): Promise<AgentMessage> {
    return this.add({ id: `joined-${hold.handoffId}`, kind: "joined", agentName: firstName(hold.agentName), text: joinedText(firstName(hold.agentName)), at }, step);
  }

  left(hold: AgentHold, resolved: boolean, at: number, step?: LogStep): Promise<AgentMessage> {
    const name = firstName(hold.agentName);
    return this.add({ id: `left-${hold.handoffId}`, kind: "left", agentName: name, text: leftText(name, resolved), at }, step);
  }

  push(frame: CustomerAgentFrame): void {
    const text = JSON.stringify(frame);
    for (const ws of this.sockets()) {
      try {
        ws.send(text);
      } catch {
        // Closed meanwhile: the client reads the log when it reconnects.
      }
    }
  }

  /**
   * The conversation as an agent reads it: the turns this object keeps, read through the same
   * store functions as the customer's resume and the idempotency check, and the agent log,
   * masked again for display, oldest first.
   */
  async transcript(limit: number, open: (sealed: string) => Promise<string | undefined>): Promise<TranscriptEntry[]> {
    const times = this.store.turnTimes();
    const entries: TranscriptEntry[] = [];
    for (const sealed of this.store.turnsAfter(undefined, limit)) {
      const opened = await openKeptTurn(sealed, open);
      // Sealed with a key erasure destroyed: nothing readable to show.
      if (!opened) continue;
      const { turn } = opened;
      const at = times.get(turn.id) ?? 0;
      const text = opened.said ?? "";
      if (text) entries.push({ id: turn.id, from: "customer", text: redactText(text), at });
      if (turn.reply.text) entries.push({ id: `${turn.id}:reply`, from: "teller", text: redactText(turn.reply.text, BANK_ROUTING_NUMBERS), at });
    }
    for (const m of await this.log()) {
      entries.push({ id: m.id, from: "agent", text: redactText(m.text), at: m.at, ...(m.agentName ? { agentName: m.agentName } : {}) });
    }
    // Stable: a customer line stays before Teller's reply to it.
    return entries.sort((a, b) => a.at - b.at);
  }
}

/** A hand-off's event: a conversation event (chatEvent) of no one message. */
export function handoffEvent(type: ChatEvent["type"], customerId: string, now: number, payload: Record<string, unknown>): ChatEvent {
  return chatEvent(type, customerId, undefined, now, payload);
}
