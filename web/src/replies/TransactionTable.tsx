import { useRef, useState } from "react";
import type { TransactionView } from "../../../packages/dialogue/types.js";
import { shortDate, signedMoney, titleCase } from "./format.js";

/** Rows shown before "Show more": a phone screen's worth. */
export const FIRST_ROWS = 5;

/** Transactions, newest first, as a real table so screen readers announce the column of each cell. */
export function TransactionTable({ transactions }: { transactions: TransactionView[] }) {
  // One hidden row would cost as much space as its button: show it.
  const [all, setAll] = useState(transactions.length <= FIRST_ROWS + 1);
  const region = useRef<HTMLDivElement>(null);
  if (transactions.length === 0) return <p className="rich-empty">No transactions match.</p>;
  const shown = all ? transactions : transactions.slice(0, FIRST_ROWS);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Transactions" ref={region}>
        <table className="transactions">
          <caption className="visually-hidden">
            Transactions, newest first{all ? "" : `: ${shown.length} of ${transactions.length}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Merchant</th>
              <th scope="col" className="category">
                Category
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr key={t.id}>
                <td>
                  <time dateTime={t.postedAt}>{shortDate(t.postedAt)}</time>
                </td>
                <td>
                  {t.merchant}
                  {t.status === "pending" && <span className="badge">Pending</span>}
                  {/* On a phone the category goes under the merchant (its column is hidden). */}
                  <span className="category-inline">{titleCase(t.category)}</span>
                </td>
                <td className="category">{titleCase(t.category)}</td>
                <td className={`num ${t.amount.minor < 0 ? "out" : "in"}`}>{signedMoney(t.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && (
        <button
          type="button"
          className="secondary show-more"
          onClick={() => {
            setAll(true);
            // The button goes away: the keyboard lands on the longer table instead of the page.
            region.current?.focus();
          }}
        >
          Show {transactions.length - FIRST_ROWS} more
        </button>
      )}
    </>
  );
}
