/**
 * The installable app: a web manifest, icons drawn at build time, and a service worker whose
 * precache list is this build's own files (so a deploy changes the worker and replaces the cache).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { iconPng } from "./icon.js";

export const THEME_LIGHT = "#0b5cad";

const ICONS = [
  { file: "icons/icon-192.png", size: 192, maskable: false },
  { file: "icons/icon-512.png", size: 512, maskable: false },
  { file: "icons/maskable-512.png", size: 512, maskable: true },
  { file: "icons/apple-touch-icon.png", size: 180, maskable: true },
];

export function manifest() {
  return {
    name: "Teller — your banking assistant",
    short_name: "Teller",
    description: "Chat with Teller about balances, payments, spending and cards.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f4f6f8",
    theme_color: THEME_LIGHT,
    icons: ICONS.filter((i) => i.file !== "icons/apple-touch-icon.png").map((i) => ({
      src: `/${i.file}`,
      sizes: `${i.size}x${i.size}`,
      type: "image/png",
      purpose: i.maskable ? "maskable" : "any",
    })),
  };
}

/** Files never precached: headers config, and the worker itself. */
const NOT_SHELL = new Set(["_headers", "sw.js"]);

export function pwa(): Plugin {
  return {
    name: "teller:pwa",
    apply: "build",
    enforce: "post",
    transformIndexHtml: () => [
      { tag: "link", attrs: { rel: "manifest", href: "/manifest.webmanifest" }, injectTo: "head" },
      { tag: "link", attrs: { rel: "icon", type: "image/png", sizes: "192x192", href: "/icons/icon-192.png" }, injectTo: "head" },
      { tag: "link", attrs: { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" }, injectTo: "head" },
    ],
    generateBundle(_options, bundle) {
      for (const icon of ICONS) {
        this.emitFile({ type: "asset", fileName: icon.file, source: iconPng(icon.size, icon.maskable) });
      }
      this.emitFile({ type: "asset", fileName: "manifest.webmanifest", source: JSON.stringify(manifest(), null, 2) });
      const files = [
        ...Object.keys(bundle),
        ...ICONS.map((i) => i.file),
        "manifest.webmanifest",
      ].filter((f) => !NOT_SHELL.has(f) && f !== "index.html" && !f.endsWith(".map"));
      const shell = ["/", ...new Set(files.map((f) => `/${f}`))].sort();
      // The version changes whenever a shell file's name does (hashed assets) or index.html does.
      const hash = createHash("sha256");
      for (const name of shell) hash.update(name);
      const page = bundle["index.html"];
      if (page?.type === "asset") hash.update(page.source);
      const version = hash.digest("hex").slice(0, 12);
      const template = readFileSync(new URL("./service-worker.js", import.meta.url), "utf8");
      const source = template.replace("__VERSION__", JSON.stringify(version)).replace("__SHELL__", JSON.stringify(shell));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}
