// The classify CLI contract: one JSON object per input line, in order, from the shipped artifact.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_INTENTS } from "../../packages/contract/intents";
import { repoRoot } from "./dataset";

function runCli(input: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts/nlu/classify.ts")], {
      cwd: repoRoot,
      env: { ...process.env, NLU_TODAY: "2026-04-15" },
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, code }));
    child.stdin.end(input);
  });
}

describe("nlu:classify", () => {
  it("writes one well-formed JSON line per input line", async () => {
    const lines = ["what's my balance", "send 20 to alex", "what is the weather in rome", "", "my card was stolen", "thanks!"];
    const { stdout, code } = await runCli(`${lines.join("\n")}\n`);
    expect(code).toBe(0);
    const outputs = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(outputs).toHaveLength(lines.length);
    for (const o of outputs) {
      expect(Object.keys(o).sort()).toEqual(["alternatives", "confidence", "entities", "intent"]);
      expect(ALL_INTENTS).toContain(o.intent);
      expect(o.confidence).toBeGreaterThanOrEqual(0);
      expect(o.confidence).toBeLessThanOrEqual(1);
      const alternatives = o.alternatives as Array<Record<string, unknown>>;
      expect(alternatives.length).toBeGreaterThan(0);
      for (const a of alternatives) {
        expect(Object.keys(a).sort()).toEqual(["confidence", "intent"]);
        expect(ALL_INTENTS).toContain(a.intent);
      }
    }
    expect(outputs[0]!.intent).toBe("balance");
    expect(outputs[1]!.intent).toBe("transfer");
    expect(outputs[2]!.intent).toBe("out_of_scope");
    expect(outputs[1]!.entities).toEqual({ amount: { minor: 2000, currency: "USD" }, accounts: [], recipient: "alex" });
    expect(outputs[0]!.entities).toEqual({ accounts: [] });
  }, 60_000);

  it("adds entities: amount, accounts, recipient and dates as ISO strings", async () => {
    const { stdout } = await runCli(
      "transfer $1,760 from savings to checking\npay Jordan 12.50 every friday\nwhat did I spend at starbucks last week\n",
    );
    const [a, b, c] = stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { entities: Record<string, unknown> }).entities);
    expect(a).toEqual({ amount: { minor: 176_000, currency: "USD" }, accounts: ["savings", "checking"], from_account: "savings", to_account: "checking" });
    expect(b).toMatchObject({ amount: { minor: 1250, currency: "USD" }, recipient: "Jordan", date: "2026-04-17" });
    expect(c).toMatchObject({ dates: { from: "2026-04-06", to: "2026-04-12" } });
  }, 60_000);

  it("handles input without a trailing newline and CRLF", async () => {
    const { stdout } = await runCli("freeze my card\r\nhello");
    const outputs = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { intent: string });
    expect(outputs.map((o) => o.intent)).toEqual(["freeze_card", "greeting"]);
  }, 60_000);
});
