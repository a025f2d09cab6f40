import { describe, expect, it } from "vitest";
import { erasureRequests } from "./schema/transcript-keys.js";
import { eq } from "drizzle-orm";
import { erasureRequestsOf, failErasureRequest, pendingErasureRequests } from "./erasure-requests.repo.js";
import { inRolledBackTransaction, uniqueCustomerId } from "../../test/workerd/helpers.js";

describe("erasure requests", () => {
  it("are pending oldest first until completed, keeping the last error meanwhile", async () => {
    const customerId = uniqueCustomerId("erasurereq");
    // In a transaction rolled back: the chat Worker's cron would otherwise take these requests.
    await inRolledBackTransaction(async (tx) => {
      const older = { id: crypto.randomUUID(), customerId, requestedAt: new Date("1990-01-01T00:00:00Z") };
      const newer = { id: crypto.randomUUID(), customerId, requestedAt: new Date("1990-01-02T00:00:00Z") };
      await tx.insert(erasureRequests).values([newer, older]);
      expect((await pendingErasureRequests(tx, 2)).map((r) => r.id)).toEqual([older.id, newer.id]);

      await failErasureRequest(tx, older.id, `Durable Object unreachable ${"x".repeat(600)}`);
      const [failed] = await erasureRequestsOf(tx, customerId);
      expect(failed).toMatchObject({ id: older.id, completedAt: null });
      expect(failed!.lastError).toHaveLength(500);

      // Completed as the erasure's own transaction does (packages/db/conversation-erasure.ts).
      await tx.update(erasureRequests).set({ completedAt: new Date(), lastError: null }).where(eq(erasureRequests.id, older.id));
      expect((await pendingErasureRequests(tx, 1)).map((r) => r.id)).toEqual([newer.id]);
      const [completed] = await erasureRequestsOf(tx, customerId);
      expect(completed!.completedAt).not.toBeNull();
      expect(completed!.lastError).toBeNull();
    });
  });
});
