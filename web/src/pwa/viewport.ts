/**
 * Keeps `--app-height` equal to the visible area. Browsers that honour
 * `interactive-widget=resizes-content` already shrink the layout for the on-screen keyboard; Safari
 * does not, and there the visual viewport is what stays above the keyboard — so the shell is sized
 * to it and the composer, at the shell's bottom, stays in sight.
 */
export function trackVisualViewport(): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const root = document.documentElement;
  const update = () => {
    // Pinch-zoomed: the visual viewport is a magnified part of the page, not the room left.
    if (viewport.scale > 1.01) return;
    root.style.setProperty("--app-height", `${Math.round(viewport.height)}px`);
    // Safari scrolls the page under the keyboard; the shell is fixed height, so bring it back.
    if (viewport.offsetTop > 0 && document.activeElement?.id === "message") window.scrollTo(0, 0);
  };
  viewport.addEventListener("resize", update);
  viewport.addEventListener("scroll", update);
  update();
}
