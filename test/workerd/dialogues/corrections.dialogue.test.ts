import { describe, expect, it } from "vitest";
import { listScheduledTransfers } from "../../../packages/banking/index.js";
import { addDays, weekday } from "../../../packages/money/schedule.js";
import { dateText } from "../../../packages/dialogue/schedule-text.js";
import { withTestDb } from "../helpers.js";
import { runScript } from "./script.js";

/**
 * Faults found by trying the product (sweep 10): a date corrected under a confirmation, "next
 * Friday", two requests in one message, and the order of a transfer's questions. Through the
 * gateway with the real NLU; the dates are worked out from today, whatever weekday it is (the
 * dialogue unit tests pin the clock to a Thursday).
 */

const today = () => new Date().toISOString().slice(0, 10);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The first `day` (0 = Sunday) after today. */
function coming(day: number): string {
  let date = addDays(today(), 1);
  while (weekday(date) !== day) date = addDays(date, 1);
  return date;
}

/** `day` in the Monday-to-Sunday week after this one. */
function ofNextWeek(day: number): string {
  const nextMonday = addDays(today(), 7 - ((weekday(today()) + 6) % 7));
  return addDays(nextMonday, (day + 6) % 7);
}

const said = (date: string) => new RegExp(`(?:on|tomorrow,) ${escape(dateText(date))}\\?$`);

describe("dialogue: corrections and combined requests", () => {
  it("a date changed to 'friday' under a confirmation re-asks it with that date; yes schedules it, nothing sent", async () => {
    const ctx = await runScript("sweep-change-date", {
      turns: [
        { say: "send 20 to Jordan Lee from checking on monday", expect: { confirmation: true, text: said(coming(1)) } },
        { say: "change it to friday", expect: { confirmation: true, text: said(coming(5)), notText: /not sure/ } },
        { say: "yes", expect: { text: /scheduled \$20\.00[\s\S]*Nothing has been sent yet/ }, balances: { checking: 1_000_00 } },
      ],
    });
    const result = await withTestDb((db) => listScheduledTransfers(db, ctx.customer.customerId));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.map((s) => s.schedule.start)).toEqual([coming(5)]);
  });

  it("'next friday' is the Friday of next week, and the confirmation says its date", async () => {
    await runScript("sweep-next-friday", {
      turns: [
        { say: "send 15 to Jordan Lee from checking next friday", expect: { confirmation: true, text: said(ofNextWeek(5)) } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("answers the balance and then sets up the transfer asked in the same message", async () => {
    await runScript("sweep-balance-and-send", {
      turns: [
        {
          say: "what's my balance and send 10 to Jordan Lee",
          expect: { intent: "transfer", confirmation: false, text: /Everyday Checking ••1001: \$1,000\.00[\s\S]*Which account should I send it from\?$/ },
        },
        { say: "checking", expect: { confirmation: true, text: /^Send \$10\.00 from Everyday Checking ••1001 to .Jordan Lee. ••7788\?$/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 } },
      ],
    });
  });

  it("asks to whom before from which account", async () => {
    await runScript("sweep-question-order", {
      turns: [
        { say: "I want to make a transfer", expect: { text: /How much would you like to send\?$/ } },
        { say: "make it 50", expect: { confirmation: false, text: /^Who should I send it to\?/ } },
        { say: "to Jordan Lee", expect: { confirmation: false, text: /^Which account should I send it from\?$/ } },
        { say: "savings", expect: { confirmation: true, text: /^Send \$50\.00 from Rainy Day Savings ••2002 to .Jordan Lee. ••7788\?$/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { savings: 5_000_00 } },
      ],
    });
  });
});
