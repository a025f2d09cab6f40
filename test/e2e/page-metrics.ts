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
export async function largestContentfulPaint(page: Page): Promise<number> {
  return (await lcpEntry(page)).time;
}

/** The latest LCP candidate and which element it is ("p.intro"). */
export function lcpEntry(page: Page): Promise<{ time: number; element: string }> {
  return page.evaluate(
    () =>
      new Promise<{ time: number; element: string }>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element | null }) | undefined;
          const el = entry?.element;
          resolve({
            time: entry?.startTime ?? Number.NaN,
            element: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}` : "(an element since replaced: index.html's pre-rendered sign-in)",
          });
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve({ time: Number.NaN, element: "none" }), 3_000);
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
