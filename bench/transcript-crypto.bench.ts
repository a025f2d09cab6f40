// npm run bench:crypto — what encryption at rest adds to a chat turn in the ChatSession: the four
// AES-256-GCM seals of a turn (text, stored turn, two event payloads), the first turn after a
// wake-up (unwrapping the data key from the object's storage) and a customer's first turn
// (creating a key), against the in-Worker intent model's CPU for the same message, all measured
// in this one run. Runtime: Node (V8) via tsx, single thread; workerd runs the same V8 and BoringSSL.

import { loadavg } from "node:os";
import { createIntentModel } from "../packages/nlu/model";
import { resolveIntent } from "../packages/nlu/cascade";
import { readArtifactFiles } from "../scripts/nlu/artifact-files";
import { createDataKey, generateMasterKey, importMasterKeys, sealPayload, sealText, unwrapDataKey } from "../packages/transcript-crypto/index";

const ROUNDS = 2_000;
const text = "how long does a transfer to another bank take, and is there a fee?";
const storedTurn = JSON.stringify({
  id: "m-1",
  reply: { text: "Transfers to other banks usually arrive in 1–3 business days. There is no fee for standard transfers.", intent: { name: "transfer_timing", confidence: 0.91 }, actions: [] },
});

async function timePerOp(rounds: number, op: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await op();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await op();
  return ((performance.now() - start) / rounds) * 1000; // µs
}

const keyring = await importMasterKeys(JSON.stringify({ bench: generateMasterKey() }), "bench");
const { wrapped, dataKey } = await createDataKey(keyring, "cus_bench");
const model = createIntentModel(readArtifactFiles());

const sealTurn = await timePerOp(ROUNDS, async () => {
  await sealText(dataKey, text);
  await sealText(dataKey, storedTurn);
  await sealPayload(dataKey, { text, intent: "transfer_timing", confidence: 0.91 });
  await sealPayload(dataKey, { reply: JSON.parse(storedTurn).reply });
});
const wake = await timePerOp(ROUNDS, () => unwrapDataKey(keyring, wrapped));
const firstTurn = await timePerOp(ROUNDS / 4, () => createDataKey(keyring, "cus_bench"));
const classify = await timePerOp(ROUNDS / 4, () => resolveIntent(text, { model }));

const row = (name: string, us: number) => console.log(`${name.padEnd(44)} ${us.toFixed(1).padStart(8)} µs   ${((us / classify) * 100).toFixed(1).padStart(6)} % of the intent model`);
console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(" ")} · ${ROUNDS} rounds`);
row("intent model, one message (baseline)", classify);
row("seal a turn (4 × AES-256-GCM)", sealTurn);
row("wake-up: unwrap the data key (once per wake)", wake);
row("first turn ever: create + wrap a key (once)", firstTurn);
