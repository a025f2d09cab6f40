/** What the issue's targets measure: initial JS size, Largest Contentful Paint, shell requests. */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

/**
 * Gzipped bytes of the JavaScript the page loads before it works: the entry script and the
 * chunks it preloads (lazy chunks excluded).
 */
export async function initialJsBytes(baseUrl: string): Promise<number> {
  const html = await (await fetch(baseUrl)).text();
  const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const src of new Set(scripts)) {
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer()), { level: 9 }).length;
  }
  return bytes;
}

/** The latest LCP candidate so far (ms since navigation), from a buffered PerformanceObserver. */
export function largestContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe({
          type: "largest-contentful-paint",
          buffered: true,
        });
        setTimeout(() => resolve(Number.NaN), 3_000);
      }),
  );
}

/**
 * Records the shell's requests (everything but /api/*, /dev/* and /config.json) and whether each
 * was answered by the service worker or went to the network.
 */
export function shellRequests(page: Page): () => { fromWorker: string[]; fromNetwork: string[] } {
  const fromWorker: string[] = [];
  const fromNetwork: string[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (/^\/(api|dev)\/|^\/config\.json$/.test(url.pathname) || url.protocol.startsWith("ws")) return;
    (response.fromServiceWorker() ? fromWorker : fromNetwork).push(url.pathname);
  });
  return () => ({ fromWorker: [...fromWorker], fromNetwork: [...fromNetwork] });
}
