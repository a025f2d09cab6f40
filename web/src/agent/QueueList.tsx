import { useEffect, useState } from "react";
import type { Staff } from "../../../packages/contract/handoff.js";
import type { QueueItem } from "./staffApi.js";

const REASONS: Record<string, string> = {
  customer_request: "Asked for a person",
  repeated_fallback: "Teller didn't understand",
  fraud: "Fraud report",
  fraud_risk: "Possible fraud",
};

export function waitingText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** The queue as the server orders it (most urgent, then oldest first), with live waiting times; claim what waits, open what is yours. */
export function QueueList({ items, staff, openId, onClaim, onOpen }: {
  items: QueueItem[];
  staff: Staff;
  openId: string | null;
  onClaim(id: string): void;
  onOpen(id: string): void;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (items.length === 0) return <p className="muted">Nobody is waiting.</p>;
  return (
    <ol className="queue" aria-label="Waiting conversations">
      {items.map((item) => (
        <li key={item.id} className={`queue-item${item.id === openId ? " open" : ""}`} data-handoff-id={item.id}>
          <div>
            <p className="queue-customer">{item.customerName}</p>
            <p className="muted">
              {REASONS[item.reason] ?? item.reason}
              {item.intent ? ` · ${item.intent.replace(/_/g, " ")}` : ""}
            </p>
            {item.customerDisabled && <p className="queue-disabled">Access disabled by the bank</p>}
            <p className="muted">
              {item.status === "queued" ? `Waiting ${waitingText(now - Date.parse(item.requestedAt))}` : `With ${item.agentName ?? "an agent"}`}
            </p>
          </div>
          {item.status === "queued" && staff.role === "agent" ? (
            <button type="button" onClick={() => onClaim(item.id)} aria-label={`Claim ${item.customerName}`}>
              Claim
            </button>
          ) : (
            <button type="button" className="secondary" onClick={() => onOpen(item.id)} aria-label={`Open ${item.customerName}`}>
              Open
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
