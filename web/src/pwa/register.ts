/**
 * Installs the service worker (web/build/service-worker.js) in production builds. Registered after
 * the page has loaded so the worker's precache downloads never compete with the first paint.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => void navigator.serviceWorker.register("/sw.js").catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
