import type { TransactionView } from "../../../packages/dialogue/types.js";
import { shortDate, signedMoney, titleCase } from "./format.js";

/** Transactions, newest first, as a real table so screen readers announce the column of each cell. */
export function TransactionTable({ transactions }: { transactions: TransactionView[] }) {
  if (transactions.length === 0) return <p className="rich-empty">No transactions match.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Transactions">
      <table className="transactions">
        <caption className="visually-hidden">Transactions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Merchant</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((t) => (
            <tr key={t.id}>
              <td>
                <time dateTime={t.postedAt}>{shortDate(t.postedAt)}</time>
              </td>
              <td>
                {t.merchant}
                {t.status === "pending" && <span className="badge">Pending</span>}
              </td>
              <td>{titleCase(t.category)}</td>
              <td className={`num ${t.amount.minor < 0 ? "out" : "in"}`}>{signedMoney(t.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
