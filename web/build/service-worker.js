/*
 * Teller's service worker (the build fills in SHELL and VERSION, see pwa.ts). It keeps the app
 * shell — the page, its scripts, styles, manifest and icons — so a repeat visit and an offline
 * visit load without the network. Nothing else is cached: /api/* and /dev/* (account data, tokens)
 * and /config.json always go to the network, untouched by this worker.
 */
const VERSION = __VERSION__;
const SHELL = __SHELL__;
const CACHE = `teller-shell-${VERSION}`;
const NEVER = [/^\/api\//, /^\/dev\//, /^\/healthz$/, /^\/config\.json$/];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: the shell comes from the server, never from a stale HTTP cache entry.
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("teller-shell-") && key !== CACHE).map((key) => caches.delete(key)))),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (NEVER.some((pattern) => pattern.test(url.pathname))) return;
  // Every page of the single-page app is the same document.
  const path = request.mode === "navigate" ? "/" : url.pathname;
  if (!SHELL.includes(path)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(path).then((hit) => hit ?? fetch(request))),
  );
});
