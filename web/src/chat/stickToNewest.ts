import { useEffect, type RefObject } from "react";

/** Within this many pixels of the bottom the customer is reading the newest message. */
const NEAR_NEWEST_PX = 48;
/** A scroll up this soon after the customer's own wheel, touch or key is theirs. */
const OWN_SCROLL_MS = 1_000;
/** Keys that scroll a focused box up. */
const KEYS_UP = new Set(["ArrowUp", "PageUp", "Home", " "]);

/**
 * Keeps a scroll box at its newest line while the customer is there, when the box or what is in
 * it changes size without a new message: a phone's on-screen keyboard shrinking the layout, or a
 * reload whose replies (account cards, the pending confirmation) are drawn in after the list was
 * scrolled. Without it the Yes / No of a confirmation slid below the box. Once the customer
 * scrolls up to read earlier messages the box stays where they put it, until they come back down.
 *
 * Only the customer's own scroll (wheel, touch, keys, a press on the scrollbar) leaves the newest
 * line: a smooth scroll still running towards where the bottom was when it began moves the box up
 * too once more replies were drawn in, and read as the customer's it left the confirmation below
 * the fold (a reload in CI). A scroll that ends short of the bottom without them is set right.
 * Returns what stops it.
 */
export function followNewest(scroller: HTMLElement, content: HTMLElement | null, now: () => number = Date.now): () => void {
  if (typeof ResizeObserver === "undefined") return () => {};
  let atNewest = true;
  let lastTop = scroller.scrollTop;
  let ownAt = -Infinity;
  const fromBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
  const toNewest = () => {
    scroller.scrollTop = scroller.scrollHeight - scroller.clientHeight;
    lastTop = scroller.scrollTop;
  };
  const own = () => {
    ownAt = now();
  };
  const ownKey = (event: KeyboardEvent) => {
    if (KEYS_UP.has(event.key)) own();
  };
  const onScroll = () => {
    if (fromBottom() <= NEAR_NEWEST_PX) atNewest = true;
    else if (scroller.scrollTop < lastTop && now() - ownAt <= OWN_SCROLL_MS) atNewest = false;
    lastTop = scroller.scrollTop;
  };
  const onScrollEnd = () => {
    if (atNewest && fromBottom() > NEAR_NEWEST_PX) toNewest();
  };
  const observer = new ResizeObserver(() => {
    if (atNewest) toNewest();
  });
  const listeners: Array<[string, EventListener]> = [
    ["scroll", onScroll],
    ["scrollend", onScrollEnd],
    ["wheel", own],
    ["touchstart", own],
    ["touchmove", own],
    ["pointerdown", own],
    ["keydown", ownKey as EventListener],
  ];
  for (const [type, listener] of listeners) scroller.addEventListener(type, listener, { passive: true });
  observer.observe(scroller);
  if (content) observer.observe(content);
  return () => {
    observer.disconnect();
    for (const [type, listener] of listeners) scroller.removeEventListener(type, listener);
  };
}

/** {@link followNewest} for a React scroll box and its content. */
export function useStickToNewest(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const scroller = box.current;
    if (!scroller) return;
    return followNewest(scroller, content.current);
  }, [box, content]);
}
