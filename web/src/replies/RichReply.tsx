import { lazy, Suspense } from "react";
import type { RichData } from "../../../packages/dialogue/types.js";
import { AccountCards } from "./AccountCards.js";
import { CardList } from "./CardList.js";
import { DisputeList } from "./DisputeList.js";
import { PayeeList } from "./PayeeList.js";
import { TransactionTable } from "./TransactionTable.js";
import { TransferReceipt } from "./TransferReceipt.js";

// Not needed at first paint: fetched the first time a spending reply is shown.
const SpendingChart = lazy(() => import("./SpendingChart.js"));

/** The structured part of a reply, under its text. */
export function RichReply({ data }: { data: RichData }) {
  switch (data.kind) {
    case "accounts":
      return <AccountCards accounts={data.accounts} />;
    case "transactions":
      return <TransactionTable transactions={data.transactions} />;
    case "spending":
      return (
        <Suspense fallback={<p className="rich-empty">Loading chart…</p>}>
          <SpendingChart spending={data.spending} />
        </Suspense>
      );
    case "payees":
      return <PayeeList payees={data.payees} />;
    case "cards":
      return <CardList cards={data.cards} />;
    case "disputes":
      return <DisputeList disputes={data.disputes} />;
    case "transfer_receipt":
      return <TransferReceipt receipt={data} />;
    default:
      return null;
  }
}
