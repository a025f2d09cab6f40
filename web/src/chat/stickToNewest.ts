import { useEffect, type RefObject } from "react";

/** Within this many pixels of the bottom the customer is reading the newest message. */
const NEAR_NEWEST_PX = 48;

/**
 * Keeps a scroll box at its newest line while the customer is there, when the box or what is in
 * it changes size without a new message: a phone's on-screen keyboard shrinking the layout, or a
 * reload whose replies (account cards, the pending confirmation) are drawn in after the list was
 * scrolled. Without it the Yes / No of a confirmation slid below the box. Once the customer
 * scrolls up to read earlier messages the box stays where they put it, until they come back down.
 */
export function useStickToNewest(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const scroller = box.current;
    if (!scroller || typeof ResizeObserver === "undefined") return;
    let atNewest = true;
    let lastTop = scroller.scrollTop;
    const onScroll = () => {
      const fromBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      // Only a move up leaves the newest line: a smooth scroll down passes through the middle.
      if (fromBottom <= NEAR_NEWEST_PX) atNewest = true;
      else if (scroller.scrollTop < lastTop) atNewest = false;
      lastTop = scroller.scrollTop;
    };
    const observer = new ResizeObserver(() => {
      if (!atNewest) return;
      scroller.scrollTop = scroller.scrollHeight - scroller.clientHeight;
      lastTop = scroller.scrollTop;
    });
    scroller.addEventListener("scroll", onScroll, { passive: true });
    observer.observe(scroller);
    if (content.current) observer.observe(content.current);
    return () => {
      observer.disconnect();
      scroller.removeEventListener("scroll", onScroll);
    };
  }, [box, content]);
}
