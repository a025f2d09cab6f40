import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { TransactionView } from "../../../packages/dialogue/types.js";
import { FIRST_ROWS, TransactionTable } from "./TransactionTable.js";

afterEach(cleanup);

const transactions = (n: number): TransactionView[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    postedAt: "2026-04-02T10:00:00Z",
    merchant: `Shop ${i}`,
    category: "groceries",
    amount: { minor: -100 * (i + 1), currency: "USD" as const },
    status: "posted" as const,
  }));

const bodyRows = () => within(screen.getByRole("table")).getAllByRole("row").length - 1;

describe("TransactionTable", () => {
  it("shows the first rows of a long list and the rest on Show more, keeping the keyboard on the table", () => {
    render(<TransactionTable transactions={transactions(12)} />);
    expect(bodyRows()).toBe(FIRST_ROWS);
    fireEvent.click(screen.getByRole("button", { name: `Show ${12 - FIRST_ROWS} more` }));
    expect(bodyRows()).toBe(12);
    expect(screen.queryByRole("button", { name: /Show/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("region", { name: "Transactions" }));
  });

  it("shows a short list whole, with no button", () => {
    render(<TransactionTable transactions={transactions(FIRST_ROWS + 1)} />);
    expect(bodyRows()).toBe(FIRST_ROWS + 1);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
