import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { registerServiceWorker } from "./pwa/register.js";
import { trackVisualViewport } from "./pwa/viewport.js";
import "./styles.css";

trackVisualViewport();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
