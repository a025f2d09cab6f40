import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-stack.js";

// Every module has a test beside it (issue #14): `workers` runs workers/**, durable-objects/** and
// the Postgres tests of packages/** (`*.pg.test.ts`), `unit` the rest of packages/**; test/workerd
// keeps only the suites that span Workers.
const ROOTS = ["workers", "durable-objects", "packages"];

/** What a module without a test beside it may hold, and how that is checked below. */
type Kind =
  | "typings" // types and constants: no function, class, arrow or `new`
  | "data" // tables of text or numbers: the same
  | "entry" // a one-line entry point or a re-export index: the same
  | "schema"; // drizzle table declarations: arrows build columns and checks, no function or class

/**
 * Modules that hold no behaviour of their own, so nothing to test beside them. A module with
 * logic never belongs here (the last tests below hold every entry to its kind).
 */
const NO_BEHAVIOUR = new Map<string, [Kind, string]>([
  ["workers/gateway/env.ts", ["typings", "binding and context typings"]],
  ["workers/chat/env.ts", ["typings", "binding typings"]],
  ["durable-objects/chat-session.env.ts", ["typings", "binding typings"]],
  ["workers/gateway/dev-idp/demo-customers.ts", ["data", "the demo customers' ids and names"]],
  ["workers/gateway/index.ts", ["entry", "`export default createGatewayApp()` (gateway.app.test.ts)"]],
  ["packages/banking/index.ts", ["entry", "the banking API's re-exports"]],
  ["packages/banking/limits.ts", ["data", "transfer limits (used by transfer.pg.test.ts)"]],
  ["packages/banking/messages.ts", ["data", "the disabled customer's refusal, worded once for the ledger and the chat turn"]],
  ["packages/contract/chat.ts", ["typings", "chat message and turn types, message limits"]],
  ["packages/contract/frames.ts", ["typings", "WebSocket frame types"]],
  ["packages/contract/reply.ts", ["typings", "reply types"]],
  ["packages/contract/views.ts", ["typings", "view types"]],
  ["packages/contract/understood.ts", ["typings", "query modifier and timing problem types the NLU gives the dialogue"]],
  ["packages/db/schema/index.ts", ["entry", "the schema's re-exports"]],
  ["packages/db/schema/account-facts.ts", ["schema", "tables"]],
  ["packages/db/schema/banking.ts", ["schema", "tables"]],
  ["packages/db/schema/disputes.ts", ["schema", "tables"]],
  ["packages/db/schema/events.ts", ["schema", "tables"]],
  ["packages/db/schema/handoffs.ts", ["schema", "tables"]],
  ["packages/db/schema/schedules.ts", ["schema", "tables"]],
  ["packages/db/schema/transcript-keys.ts", ["schema", "tables"]],
  ["packages/dialogue/config.ts", ["data", "the dialogue's numeric settings"]],
  ["packages/dialogue/types.ts", ["typings", "state, effect and result types"]],
  ["packages/dialogue/types.answers.ts", ["typings", "answer types"]],
  ["packages/dialogue/types.effects.ts", ["typings", "effect and effect result types"]],
  ["packages/dialogue/types.understood.ts", ["typings", "what the NLU understood: entities, timing, understanding"]],
  ["packages/dialogue/types.recall.ts", ["typings", "what the engine recalls of earlier answers for a follow-up"]],
  ["packages/dialogue/types.tasks.ts", ["typings", "the tasks being set up and the options they offer"]],
  ["packages/dialogue/index.ts", ["entry", "the dialogue's re-exports"]],
  ["packages/dialogue/faq/answer.ts", ["typings", "the FAQ answer type and shared quick replies"]],
  ["packages/dialogue/faq/account.ts", ["data", "written answers (checked by faq/index.test.ts)"]],
  ["packages/dialogue/faq/bank-questions.ts", ["data", "written answers (checked by faq/index.test.ts)"]],
  ["packages/dialogue/faq/cards.ts", ["data", "written answers (checked by faq/index.test.ts)"]],
  ["packages/dialogue/faq/payments.ts", ["data", "written answers (checked by faq/index.test.ts)"]],
  ["packages/dialogue/faq/transfers.ts", ["data", "written answers (checked by faq/index.test.ts)"]],
  ["packages/nlu/index.ts", ["entry", "the NLU's re-exports"]],
  ["packages/nlu/data/action-extra.ts", ["data", "training utterances (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/action-extra-3.ts", ["data", "training utterances (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/action-extra-4.ts", ["data", "training utterances (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/action-utterances.ts", ["data", "training utterances (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/action-utterances-2.ts", ["data", "training utterances (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/out-of-domain.ts", ["data", "training utterances (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/out-of-scope-extra.ts", ["data", "training-only out-of-scope queries (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/nlu/data/out-of-scope-extra-2.ts", ["data", "training-only out-of-scope queries (checked by scripts/nlu/dataset.test.ts)"]],
  ["packages/transcript-crypto/index.ts", ["entry", "the sealing API's re-exports"]],
]);

function modulesUnder(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return modulesUnder(relative);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [relative] : [];
  });
}

const modules = ROOTS.flatMap(modulesUnder).sort();
const moduleSet = new Set(modules);

/** `foo.test.ts`, or `foo.<behaviour>.test.ts` when `foo.<behaviour>.ts` is not a module of its own. */
function hasBesideTest(module: string): boolean {
  const stem = module.slice(0, -".ts".length);
  const dir = path.posix.dirname(module);
  const base = path.posix.basename(stem);
  if (existsSync(path.join(repoRoot, `${stem}.test.ts`))) return true;
  return readdirSync(path.join(repoRoot, dir)).some((name) => {
    const match = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.([\\w-]+)\\.test\\.ts$`).exec(name);
    return match !== null && !moduleSet.has(`${dir}/${base}.${match[1]}.ts`);
  });
}

describe("tests beside every module of the Workers, the Durable Objects and the packages", () => {
  it("finds the modules", () => {
    expect(modules).toContain("durable-objects/chat-session.ts");
    expect(modules).toContain("workers/gateway/gateway.app.ts");
    expect(modules).toContain("packages/banking/transfer.ts");
  });

  it("has a test beside every module with behaviour", () => {
    const missing = modules.filter((module) => !NO_BEHAVIOUR.has(module) && !hasBesideTest(module));
    expect(missing).toEqual([]);
  });

  it("lists only existing, untested modules as having no behaviour", () => {
    const stale = [...NO_BEHAVIOUR.keys()].filter((module) => !moduleSet.has(module) || existsSync(path.join(repoRoot, module.replace(/\.ts$/, ".test.ts"))));
    expect(stale).toEqual([]);
  });

  it("lets no logic into a module listed as having no behaviour", () => {
    const withLogic = [...NO_BEHAVIOUR].filter(([module, [kind]]) => {
      // Comments and string literals may say "new" or hold "=>"; code may not.
      const code = readFileSync(path.join(repoRoot, module), "utf8")
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
        .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
      if (kind === "schema") return /\bfunction\b|\bclass\b/.test(code) || !/pgTable\(/.test(code);
      return /\bfunction\b|\bclass\b|=>|\bnew\b/.test(code);
    });
    expect(withLogic.map(([module]) => module)).toEqual([]);
  });
});
