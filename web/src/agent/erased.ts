/**
 * The customer erased their conversation (GDPR Art. 17) while a person held it: the console stops
 * showing what was erased (it kept it on screen until reloaded). The hand-off itself stays open.
 */
import type { HandoffDetail } from "./staffApi.js";

export const ERASED_NOTICE = "The customer deleted their chat history, so what was said before is no longer shown. You can keep helping them here.";

/** The conversation on screen once hand-off `id`'s transcript was erased: none of what was said. */
export function erasedFrom(detail: HandoffDetail | null, id: string): HandoffDetail | null {
  if (!detail || detail.handoff.id !== id) return detail;
  return { ...detail, transcript: [] };
}
