import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { RichData } from "../../../packages/dialogue/types.js";
import { RichReply } from "./RichReply.js";

afterEach(cleanup);

const usd = (minor: number) => ({ minor, currency: "USD" as const });

describe("RichReply", () => {
  it("shows balances as one card per account, with masked numbers", () => {
    const data: RichData = {
      kind: "accounts",
      accounts: [
        { id: "a1", name: "Everyday", type: "checking", mask: "1234", balance: usd(123456), available: usd(123456) },
        { id: "a2", name: "Rainy day", type: "savings", mask: "9876", balance: usd(-500) },
      ],
    };
    render(<RichReply data={data} />);
    const cards = within(screen.getByRole("list", { name: "Account balances" })).getAllByRole("listitem");
    expect(cards).toHaveLength(2);
    expect(cards[0]!.textContent).toContain("Everyday");
    expect(cards[0]!.textContent).toContain("$1,234.56");
    expect(cards[0]!.textContent).toContain("•••• 1234");
    expect(cards[1]!.textContent).toContain("-$5.00");
    expect(screen.getByLabelText("ending 9 8 7 6")).toBeTruthy();
  });

  it("shows transactions as a table with date, merchant, category and signed amount", () => {
    const data: RichData = {
      kind: "transactions",
      query: { limit: 10 },
      transactions: [
        { id: "t1", postedAt: "2026-04-02T10:00:00Z", merchant: "Corner Café", category: "eating_out", amount: usd(-450), status: "posted" },
        { id: "t2", postedAt: "2026-04-01T09:00:00Z", merchant: "Acme Payroll", category: "income", amount: usd(250000), status: "pending" },
      ],
    };
    render(<RichReply data={data} />);
    const table = screen.getByRole("table");
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Date", "Merchant", "Category", "Amount"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!).getAllByRole("cell").map((c) => c.textContent);
    // The merchant cell also holds the category, shown there instead of its column on a phone.
    expect(first[1]).toMatch(/^Corner Café/);
    expect(first[2]).toBe("Eating out");
    expect(first[3]).toBe("-$4.50");
    expect(rows[0]!.querySelector("time")!.getAttribute("datetime")).toBe("2026-04-02T10:00:00Z");
    expect(first[0]).toMatch(/2/);
    // Money in is marked with a sign, not only a colour; pending is said in words.
    expect(within(rows[1]!).getAllByRole("cell")[3]!.textContent).toBe("+$2,500.00");
    expect(within(rows[1]!).getByText("Pending")).toBeTruthy();
  });

  it("loads the spending chart lazily and draws one bar per category, largest first", async () => {
    const data: RichData = {
      kind: "spending",
      spending: {
        from: "2026-03-01",
        to: "2026-03-31",
        total: usd(-30000),
        byCategory: [
          { category: "groceries", total: usd(-10000) },
          { category: "transport", total: usd(-20000) },
        ],
      },
    };
    const { container } = render(<RichReply data={data} />);
    const chart = await screen.findByTestId("spending-chart");
    const bars = chart.querySelectorAll("rect");
    expect(bars).toHaveLength(2);
    // Transport (the largest) first and full width; groceries half of it.
    expect(Number(bars[0]!.getAttribute("width"))).toBe(2 * Number(bars[1]!.getAttribute("width")));
    expect(chart.textContent).toMatch(/Transport.*\$200\.00.*Groceries.*\$100\.00/);
    expect(container.querySelector("figcaption")!.textContent).toContain("$300.00 in total");
    // The same figures for screen readers, since the SVG is hidden from them.
    expect(screen.getByRole("table", { name: "Spending by category" }).textContent).toContain("Groceries$100.00");
  });

  it("masks card numbers to the last four digits and says which are frozen", () => {
    const data: RichData = {
      kind: "cards",
      cards: [
        { id: "c1", accountId: "a1", last4: "4242", status: "frozen", brand: "visa" },
        { id: "c2", accountId: "a1", last4: "0005", status: "active", expiry: { month: 8, year: 2029 } },
      ],
    };
    const { container } = render(<RichReply data={data} />);
    const items = within(screen.getByRole("list", { name: "Cards" })).getAllByRole("listitem");
    expect(items[0]!.textContent).toBe("Visa•••• 4242Frozen");
    expect(items[1]!.textContent).toBe("Card•••• 0005Exp 08/29Active");
    expect(container.textContent).not.toMatch(/\d{5,}/);
  });

  it("shows a transfer receipt with amount, both ends and status", () => {
    const data: RichData = {
      kind: "transfer_receipt",
      transferId: "tr_1",
      status: "posted",
      amount: usd(5000),
      from: { name: "Everyday", mask: "1234" },
      to: { name: "Rainy day", mask: "9876" },
    };
    render(<RichReply data={data} />);
    const receipt = screen.getByLabelText("Transfer receipt");
    expect(receipt.textContent).toContain("$50.00");
    expect(receipt.textContent).toContain("Everyday •••• 1234");
    expect(receipt.textContent).toContain("Rainy day •••• 9876");
    expect(receipt.textContent).toContain("Done");
  });

  it("shows disputes with their reference and status", () => {
    const data: RichData = {
      kind: "disputes",
      disputes: [
        {
          id: "dsp_1",
          reference: "DSP-7K2Q9M",
          transactionId: "txn_1",
          reason: "other",
          status: "under_review",
          createdAt: "2026-11-24T12:00:00Z",
          merchant: "Amazon",
          amount: usd(-2300),
          postedAt: "2026-11-20T10:00:00Z",
        },
      ],
    };
    render(<RichReply data={data} />);
    const item = within(screen.getByRole("list", { name: "Disputes" })).getByRole("listitem");
    expect(item.textContent).toContain("DSP-7K2Q9M");
    expect(item.textContent).toContain("$23.00");
    expect(item.textContent).toContain("Under review");
  });
});
