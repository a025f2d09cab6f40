import { startLocalStack } from "../scripts/local-stack.js";
import { launchChromium } from "../test/support/chromium.js";
import { freePort } from "../test/support/free-port.js";
import { initialJsBytes, largestContentfulPaint, lcpEntry, shellRequests } from "../test/e2e/page-metrics.js";

/**
 * `npm run bench:web`: the web app's load on loopback, in headless Chromium against a local stack.
 * Prints the initial JavaScript (entry + static imports, gzipped), Largest Contentful Paint of the
 * sign-in page (PerformanceObserver, median of RUNS) on a first visit (empty cache, no service
 * worker) and a repeat visit (shell from the service worker), and how many shell requests the
 * repeat visit sent to the network. Targets (issue #18): ≤ 150 KiB, LCP ≤ 1 s, 0 requests.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const stack = await startLocalStack({
  port: await freePort(),
  stateDir: "memory",
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  log: () => {},
  wranglerOutput: "ignore",
});
const browser = await launchChromium();
try {
  const js = await initialJsBytes(stack.url);
  const cold: number[] = [];
  const warm: number[] = [];
  let networkShell = 0;
  const elements = new Set<string>();
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const first = await context.newPage();
    await first.goto(stack.url);
    await first.getByRole("button", { name: "Alex Kim" }).waitFor();
    const entry = await lcpEntry(first);
    cold.push(entry.time);
    elements.add(entry.element);
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const again = await context.newPage();
    const seen = shellRequests(again);
    await again.goto(stack.url);
    await again.getByRole("button", { name: "Alex Kim" }).waitFor();
    warm.push(await largestContentfulPaint(again));
    networkShell += seen().fromNetwork.length;
    await context.close();
  }
  const ms = (v: number[]) => `median ${median(v).toFixed(0)} ms (min ${Math.min(...v).toFixed(0)}, max ${Math.max(...v).toFixed(0)})`;
  console.log(`\nweb benchmark — headless Chromium ${browser.version()} on loopback, wrangler dev, ${RUNS} runs, viewport 390×844`);
  console.log(`initial JS            ${(js / 1024).toFixed(1)} KiB gzipped (target ≤ 150 KiB)`);
  console.log(`LCP, first visit      ${ms(cold)} (target ≤ 1000 ms)`);
  console.log(`LCP, repeat visit     ${ms(warm)}`);
  console.log(`LCP element (first visit): ${[...elements].join(", ")}`);
  console.log(`repeat-visit shell requests sent to the network: ${networkShell} over ${RUNS} runs (target 0)`);
} finally {
  await browser.close();
  await stack.stop();
}
