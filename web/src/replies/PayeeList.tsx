import type { PayeeView } from "../../../packages/dialogue/types.js";
import { maskedNumber, spokenMask } from "./format.js";

export function PayeeList({ payees }: { payees: PayeeView[] }) {
  if (payees.length === 0) return <p className="rich-empty">No saved payees.</p>;
  return (
    <ul className="payee-list" aria-label="Payees">
      {payees.map((payee) => (
        <li key={payee.id}>
          <span>{payee.name}</span>
          {payee.mask && <span aria-label={spokenMask(payee.mask)}>{maskedNumber(payee.mask)}</span>}
        </li>
      ))}
    </ul>
  );
}
