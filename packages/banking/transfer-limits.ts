import { sql } from "drizzle-orm";
import { ok, type RpcResult } from "../contract/errors.js";
import { isCurrency } from "../money/money.js";
import type { Db } from "../db/client.js";
import { TRANSFER_LIMITS } from "./limits.js";
import type { TransferLimitsView } from "../contract/views.js";

/**
 * The transfer limits in each currency the customer holds an account in, with what today's
 * transfers used of the daily one. The limits are the ledger's own (limits.ts: the same for every
 * customer, counted per customer across all their accounts, per UTC day and currency); the day's
 * total is the row `teller_transfer` checks them against, so the answer matches what it enforces.
 * One query, scoped to the customer on both sides of the join.
 */
export async function transferLimits(db: Db, customerId: string): Promise<RpcResult<TransferLimitsView[]>> {
  const result = await db.execute(sql`
    SELECT held.currency, coalesce(d.total, 0) AS sent
    FROM (SELECT DISTINCT currency FROM accounts WHERE customer_id = ${customerId}) AS held
    LEFT JOIN transfer_daily_totals d
      ON d.customer_id = ${customerId} AND d.currency = held.currency AND d.day = (now() AT TIME ZONE 'UTC')::date
    ORDER BY held.currency`);
  // db.execute's result type is driver-specific; both drivers we use answer `{ rows }` (bigint as text).
  const rows = (result as unknown as { rows: Array<{ currency: string; sent: string | number }> }).rows;
  return ok(
    rows.flatMap(({ currency, sent }) => {
      if (!isCurrency(currency)) return [];
      const limits = TRANSFER_LIMITS[currency];
      return [
        {
          perTransfer: { minor: limits.perTransfer, currency },
          daily: { minor: limits.daily, currency },
          sentToday: { minor: Number(sent), currency },
        },
      ];
    }),
  );
}
