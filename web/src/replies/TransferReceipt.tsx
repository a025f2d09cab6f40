import type { TransferReceipt as Receipt } from "../../../packages/dialogue/types.js";
import { maskedNumber, money } from "./format.js";

/** What moved, from where to where, and whether it has settled. */
export function TransferReceipt({ receipt }: { receipt: Receipt }) {
  return (
    <dl className="receipt" aria-label="Transfer receipt">
      <div>
        <dt>Amount</dt>
        <dd className="receipt-amount">{money(receipt.amount)}</dd>
      </div>
      <div>
        <dt>From</dt>
        <dd>
          {receipt.from.name} {maskedNumber(receipt.from.mask)}
        </dd>
      </div>
      <div>
        <dt>To</dt>
        <dd>
          {receipt.to.name} {receipt.to.mask ? maskedNumber(receipt.to.mask) : ""}
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{receipt.status === "posted" ? "Done" : "Pending"}</dd>
      </div>
      <div>
        <dt>Reference</dt>
        <dd className="receipt-ref">{receipt.transferId}</dd>
      </div>
    </dl>
  );
}
