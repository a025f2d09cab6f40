import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, plainError } from "../api.js";
import { tokenClaims } from "../auth/session.js";
import { isStaffRole, type Staff } from "../../../packages/contract/handoff.js";
import type { StaffDeskFrame } from "../../../packages/contract/handoff.js";
import { ERASED_NOTICE, erasedFrom } from "./erased.js";
import { closedAs } from "./closed.js";
import { Conversation } from "./Conversation.js";
import { heldToOpen } from "./held.js";
import { QueueList } from "./QueueList.js";
import { afterReplyRefused } from "./replyRefused.js";
import { StaffSignIn } from "./StaffSignIn.js";
import { staffApi, type HandoffDetail, type QueueItem } from "./staffApi.js";
import { useDesk } from "./useDesk.js";
import "./agent.css";

const KEY = "teller.staff.session";

interface StaffSession {
  token: string;
  staff: Staff;
  expiresAt: number;
}

/** Reads (does not verify: the gateway does) the staff claims the page shows. */
function sessionFrom(token: string): StaffSession | null {
  const claims = tokenClaims(token) as { sub?: string; name?: string; exp?: number; teller_role?: unknown };
  if (typeof claims.sub !== "string" || typeof claims.exp !== "number" || !isStaffRole(claims.teller_role)) return null;
  return { token, expiresAt: claims.exp * 1000, staff: { id: claims.sub, name: claims.name ?? "Staff", role: claims.teller_role } };
}

function loadSession(): StaffSession | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as StaffSession | null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/** The agent console at /agent: its own sign-in, the live queue, and one conversation at a time. */
export default function AgentApp() {
  const [session, setSession] = useState<StaffSession | null>(() => loadSession());
  const [reason, setReason] = useState<string | null>(null);
  const end = useCallback((why: string | null) => {
    sessionStorage.removeItem(KEY);
    setSession(null);
    setReason(why);
  }, []);
  if (!session) {
    return (
      <StaffSignIn
        reason={reason}
        onToken={(token) => {
          const next = sessionFrom(token);
          if (!next) return setReason("That sign-in didn't work.");
          sessionStorage.setItem(KEY, JSON.stringify(next));
          setSession(next);
        }}
      />
    );
  }
  return <Console session={session} onEnd={end} />;
}

function Console({ session, onEnd }: { session: StaffSession; onEnd(reason: string | null): void }) {
  const { token, staff } = session;
  const [items, setItems] = useState<QueueItem[]>([]);
  const [detail, setDetail] = useState<HandoffDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const openId = useRef<string | null>(null);
  openId.current = detail?.handoff.id ?? null;

  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) return onEnd("Your session has ended. Please sign in again.");
      setNotice(plainError(error));
    },
    [onEnd],
  );
  const reloadQueue = useCallback(() => staffApi.queue(token).then((r) => setItems(r.items), failed), [token, failed]);
  const open = useCallback(
    (id: string) =>
      staffApi.view(token, id).then(setDetail, (error: unknown) => {
        setDetail(null);
        failed(error);
      }),
    [token, failed],
  );

  // A conversation this agent already holds (from before signing in again) opens by itself.
  const autoOpened = useRef(new Set<string>());
  useEffect(() => {
    if (detail) return;
    const held = heldToOpen(items, staff.id, autoOpened.current);
    if (!held) return;
    autoOpened.current.add(held);
    void open(held);
  }, [items, detail, staff.id, open]);

  const onFrame = useCallback(
    (frame: StaffDeskFrame) => {
      if (frame.type === "queue_changed") return void reloadQueue();
      if (frame.type === "customer_message" || frame.type === "agent_message") {
        if (frame.handoffId !== openId.current) return;
        setDetail((d) => (d && !d.transcript.some((e) => e.id === frame.entry.id) ? { ...d, transcript: [...d.transcript, frame.entry] } : d));
      }
      if (frame.type === "transcript_erased" && frame.handoffId === openId.current) {
        setNotice(ERASED_NOTICE);
        setDetail((d) => erasedFrom(d, frame.handoffId));
      }
      if (frame.type === "handoff_closed" && frame.handoffId === openId.current) {
        setNotice(frame.status === "left" ? "The customer left." : "This conversation is closed.");
        // Kept on screen, read only (an agent could not read it again from the server).
        setDetail((d) => closedAs(d, frame.handoffId, frame.status));
      }
    },
    [reloadQueue],
  );
  const desk = useDesk(token, onFrame, () => onEnd("Your session has ended. Please sign in again."));

  useEffect(() => {
    const timer = setTimeout(() => onEnd("Your session has ended. Please sign in again."), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session.expiresAt, onEnd]);

  async function claim(id: string) {
    setNotice(null);
    try {
      await staffApi.claim(token, id);
      await open(id);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) setNotice("Another agent has taken this conversation.");
      else failed(error);
    }
    void reloadQueue();
  }

  async function send(text: string): Promise<boolean> {
    if (!detail) return false;
    try {
      const said = await staffApi.say(token, detail.handoff.id, text);
      setDetail((d) =>
        d && !d.transcript.some((e) => e.id === said.id)
          ? { ...d, transcript: [...d.transcript, { id: said.id, from: "agent", text: said.text, at: said.at, agentName: staff.name.split(" ")[0]! }] }
          : d,
      );
      return true;
    } catch (error) {
      const refused = afterReplyRefused(detail, error);
      if (!refused) {
        failed(error);
        return false;
      }
      setDetail((d) => (d?.handoff.id === refused.detail.handoff.id ? { ...d, handoff: refused.detail.handoff } : d));
      setNotice(refused.notice);
      void reloadQueue();
      return false;
    }
  }

  async function close(resolved: boolean) {
    if (!detail) return;
    try {
      const id = detail.handoff.id;
      await (resolved ? staffApi.resolve(token, id) : staffApi.handBack(token, id));
      setDetail((d) => closedAs(d, id, resolved ? "resolved" : "returned"));
      setNotice(resolved ? "Resolved." : "Handed back to Teller.");
    } catch (error) {
      failed(error);
    }
    void reloadQueue();
  }

  return (
    <div className="agent-shell">
      <header className="app-header">
        <h1>Staff console</h1>
        <span className="who">
          {staff.name} · {staff.role} · {desk === "live" ? "live" : "connecting…"}
        </span>
        <button type="button" className="secondary" onClick={() => onEnd(null)}>
          Sign out
        </button>
      </header>
      {notice && (
        <p className="banner" role="alert">
          {notice}
        </p>
      )}
      <div className="agent-layout">
        <nav aria-label="Queue">
          <h2>Queue</h2>
          <QueueList items={items} staff={staff} openId={detail?.handoff.id ?? null} onClaim={(id) => void claim(id)} onOpen={(id) => void open(id)} />
        </nav>
        {detail ? (
          <Conversation
            detail={detail}
            staff={staff}
            onSend={send}
            onTyping={(on) => void staffApi.typing(token, detail.handoff.id, on).catch(() => {})}
            onHandBack={() => void close(false)}
            onResolve={() => void close(true)}
          />
        ) : (
          <p className="muted">{staff.role === "agent" ? "Claim a conversation to answer it." : "Open a conversation to read it."}</p>
        )}
      </div>
    </div>
  );
}
