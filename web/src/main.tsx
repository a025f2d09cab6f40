import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { registerServiceWorker } from "./pwa/register.js";
import { trackVisualViewport } from "./pwa/viewport.js";
import "./styles.css";

// The staff console is its own chunk: customers never download it (initial JS budget).
const AgentApp = lazy(() => import("./agent/AgentApp.js"));
const isAgentPage = location.pathname === "/agent" || location.pathname.startsWith("/agent/");

trackVisualViewport();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    {isAgentPage ? (
      <Suspense fallback={<p className="muted">Loading the staff console…</p>}>
        <AgentApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
registerServiceWorker();
