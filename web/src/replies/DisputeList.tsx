import type { DisputeView } from "../../../packages/dialogue/types.js";
import { money, shortDate } from "./format.js";

const STATUS: Record<DisputeView["status"], string> = {
  open: "Open",
  under_review: "Under review",
  resolved: "Resolved",
  rejected: "Closed",
};

/** Dispute cases: reference, the charge, status. The reference is what the customer quotes. */
export function DisputeList({ disputes }: { disputes: DisputeView[] }) {
  if (disputes.length === 0) return <p className="rich-empty">No disputes.</p>;
  return (
    <ul className="payee-list" aria-label="Disputes">
      {disputes.map((d) => (
        <li key={d.id}>
          <span>
            {d.reference} · {d.merchant} · {money({ minor: Math.abs(d.amount.minor), currency: d.amount.currency })} · {shortDate(d.postedAt)}
          </span>
          <span>{STATUS[d.status]}</span>
        </li>
      ))}
    </ul>
  );
}
