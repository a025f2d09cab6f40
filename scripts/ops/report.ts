// npm run report [-- --since 24h | --from <ISO> --to <ISO>] [--url http://127.0.0.1:8787]
// Prints the turn metrics of the running local stack (`npm start`): the points the Analytics
// Engine stand-in kept, read through the gateway's local-only /dev/metrics. In staging and
// production the same numbers come from Analytics Engine SQL (docs/operations.md).
import { buildReport, formatReport, type TurnPoint } from "./turn-report.js";

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ""), argv[i + 1] ?? "");

const url = args.get("url") ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
const to = args.has("to") ? Date.parse(args.get("to")!) : Date.now();
const from = args.has("from") ? Date.parse(args.get("from")!) : to - parseDuration(args.get("since") ?? "24h");
if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) usage("--from/--to must be ISO times, --from before --to");

let response: Response;
try {
  response = await fetch(`${url}/dev/metrics?from=${from}&to=${to}`, { signal: AbortSignal.timeout(15_000) });
} catch (error) {
  const hint = args.has("url") ? "" : ` If it runs on another port, say so: PORT=<port> npm run report (or --url).`;
  console.error(`cannot reach the local stack at ${url} (is \`npm start\` running?): ${String(error)}.${hint}`);
  process.exit(1);
}
if (!response.ok) {
  console.error(`${url}/dev/metrics answered ${response.status}: ${await response.text()}`);
  process.exit(1);
}
const body = (await response.json()) as { from: number; to: number; points: TurnPoint[] };
console.log(formatReport(buildReport(body.points), body));

function parseDuration(text: string): number {
  const match = /^(\d+)(m|h|d)$/.exec(text);
  if (!match) usage(`--since takes 30m, 6h or 7d, not ${JSON.stringify(text)}`);
  return Number(match[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "m" | "h" | "d"];
}

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run report -- [--since 24h | --from <ISO> --to <ISO>] [--url http://127.0.0.1:8787]`);
  process.exit(2);
}
