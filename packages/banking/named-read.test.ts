import { describe, expect, it } from "vitest";
import { NAMED_STATEMENT_REFUSED, namedQueryClient, statementName } from "./named-read.js";
import type { Db } from "../db/client.js";

describe("statementName", () => {
  it("names a text the same way every time, within Postgres's 63 bytes", () => {
    const text = "SELECT id FROM accounts WHERE customer_id = $1";
    expect(statementName(text)).toBe(statementName(text));
    expect(statementName(text)).toMatch(/^teller_read_[0-9a-f]{16}$/);
    expect(statementName(text.repeat(50)).length).toBeLessThanOrEqual(63);
  });

  it("gives another name to another text, however small the difference", () => {
    const texts = ["SELECT 1", "SELECT 2", "SELECT 1 ", "select 1", "SELECT id FROM t WHERE a = $1 AND b = $2", "SELECT id FROM t WHERE a = $2 AND b = $1"];
    expect(new Set(texts.map(statementName)).size).toBe(texts.length);
    // The page's filters make many texts: none of a few thousand variants share a name.
    const variants = Array.from({ length: 5000 }, (_, i) => `SELECT * FROM transactions WHERE customer_id = $1 AND x${i} LIMIT $2`);
    expect(new Set(variants.map(statementName)).size).toBe(variants.length);
    // Every name is the prefix and 16 hex digits (an early version printed a negative hash as "-…").
    for (const text of [...texts, ...variants]) expect(statementName(text)).toMatch(/^teller_read_[0-9a-f]{16}$/);
  });
});

describe("namedQueryClient", () => {
  it("is the driver under a drizzle database, and none for a transaction (no $client)", () => {
    const query = async () => ({ rows: [] });
    expect(namedQueryClient({ $client: { query } } as unknown as Db)?.query).toBe(query);
    expect(namedQueryClient({} as unknown as Db)).toBeUndefined();
  });

  it("retries unnamed only on Postgres's refusals of a named statement", () => {
    expect([...NAMED_STATEMENT_REFUSED].sort()).toEqual(["0A000", "26000", "42P05"]);
  });
});
