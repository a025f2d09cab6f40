// npx tsx scripts/nlu/synonym-groups.ts <validation-model.json> [minPairs] [floor]
// nlu11 experiment: near-synonym FAQ groups derived from the validation model's confusion on
// VALIDATION rows; a top intent in a group is accepted on the group's summed probability.
// Reports, at the dialogue's confidence floor (FALLBACK_CONFIDENCE 0.5), BANKING77 with reject,
// accepted, and out-of-domain rejected, without and with the groups. Never reads held-out data.
import path from "node:path";
import { ACTION_INTENTS, OUT_OF_SCOPE } from "../../packages/contract/intents";
import { createIntentModel } from "../../packages/nlu/model";
import { readArtifactFiles } from "./artifact-files";
import { loadSplit } from "./dataset";

const [file, minArg, floorArg] = process.argv.slice(2);
if (!file) throw new Error("usage: synonym-groups.ts <validation-model.json> [minPairs] [floor]");
const minPairs = Number(minArg ?? 2);
const floor = Number(floorArg ?? 0.5);
const MODE = process.env.MODE ?? "count";
const SECOND = Number(process.env.SECOND ?? 0.2);
const MAX_GROUP = Number(process.env.MAX_GROUP ?? 3);
const model = createIntentModel(readArtifactFiles(path.dirname(file), path.basename(file, ".json")));
const { validation } = loadSplit();
const actions = new Set<string>(ACTION_INTENTS);
const rows = validation.map((e) => {
  const r = model.classify(e.text);
  const probs = model.probabilities(e.text);
  return { e, r, probs };
});
// Confusion among FAQ intents: gold vs top when wrong, and top vs runner-up when unsure (< floor).
const pairs = new Map<string, number>();
const bump = (a: string, b: string) => {
  if (a === b || actions.has(a) || actions.has(b) || a === OUT_OF_SCOPE || b === OUT_OF_SCOPE) return;
  const k = [a, b].sort().join("|");
  pairs.set(k, (pairs.get(k) ?? 0) + 1);
};
for (const { e, r } of rows) {
  if (e.source !== "banking77") continue;
  if (MODE === "count") {
    if (r.intent !== e.intent) bump(e.intent, r.intent);
    else if (r.confidence < floor && r.alternatives[0]) bump(r.intent, r.alternatives[0].intent);
  } else if (r.alternatives[0] && r.alternatives[0].confidence >= SECOND) bump(r.intent, r.alternatives[0].intent);
}
// Union-find over pairs seen at least minPairs times.
const parent = new Map<string, string>();
const find = (x: string): string => (parent.get(x) ?? x) === x ? x : find(parent.get(x)!);
for (const [k, n] of [...pairs].sort((x, y) => y[1] - x[1])) {
  if (n < minPairs) continue;
  const [a, b] = k.split("|") as [string, string];
  const ra = find(a), rb = find(b);
  if (ra === rb) continue;
  const size = (r: string) => [...new Set([...parent.keys(), ...parent.values(), a, b])].filter((x) => find(x) === r).length;
  if (size(ra) + size(rb) > MAX_GROUP) continue;
  parent.set(ra, rb);
}
const groups = new Map<string, string[]>();
for (const x of new Set([...parent.keys(), ...parent.values()])) {
  const root = find(x);
  groups.set(root, [...(groups.get(root) ?? []), x]);
}
const groupOf = new Map<string, Set<number>>();
for (const members of groups.values()) {
  if (members.length < 2) continue;
  const ids = new Set(members.map((m) => model.intents.indexOf(m as never)));
  for (const m of members) groupOf.set(m, ids);
}
console.log(`pairs ≥ ${minPairs}:`, [...pairs].filter(([, n]) => n >= minPairs).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}:${n}`).join(" "));
console.log("groups:", [...groups.values()].filter((g) => g.length > 1).map((g) => g.join("/")).join("  "));
const answers = new Map<boolean, string[]>();
const score = (grouped: boolean) => {
  const said: string[] = [];
  let b77 = 0, b77ok = 0, b77acc = 0, ood = 0, oodRej = 0, inScope = 0, inAcc = 0;
  for (const { e, r, probs } of rows) {
    let conf = r.confidence;
    const g = grouped ? groupOf.get(r.intent) : undefined;
    if (g && Math.abs(conf - probs[model.intents.indexOf(r.intent)]!) < 1e-9) {
      conf = 0;
      for (const i of g) conf += probs[i]!;
    }
    const answer = r.intent === OUT_OF_SCOPE || conf < floor ? OUT_OF_SCOPE : r.intent;
    said.push(answer);
    if (e.intent === OUT_OF_SCOPE) {
      ood++;
      if (answer === OUT_OF_SCOPE) oodRej++;
      continue;
    }
    inScope++;
    if (answer !== OUT_OF_SCOPE) inAcc++;
    if (e.source === "banking77") {
      b77++;
      if (answer === e.intent) b77ok++;
      if (answer !== OUT_OF_SCOPE) b77acc++;
    }
  }
  answers.set(grouped, said);
  const p = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`;
  console.log(`${grouped ? "groups " : "no grp "} floor ${floor}: B77 with reject ${p(b77ok, b77)} (${b77ok}/${b77})  B77 accepted ${p(b77acc, b77)}  in-scope accepted ${p(inAcc, inScope)}  OOD rejected ${p(oodRej, ood)} (${oodRej}/${ood})`);
};
score(false);
score(true);
// The BANKING77 rows the groups let through: were they answered right?
const before = answers.get(false)!, after = answers.get(true)!;
let right = 0, wrong = 0;
rows.forEach(({ e }, i) => {
  if (e.source !== "banking77" || before[i] !== OUT_OF_SCOPE || after[i] === OUT_OF_SCOPE) return;
  if (after[i] === e.intent) right++;
  else wrong++;
});
console.log(`BANKING77 rows accepted only with the groups: ${right} right, ${wrong} wrong`);
