import type { Entry } from "./useChat.js";

/**
 * The live region: only the newest reply's words, so a screen reader says "Teller: …" once
 * instead of reading tables and buttons as they appear.
 */
export function ReplyAnnouncer({ entries }: { entries: Entry[] }) {
  const latest = [...entries].reverse().find((e) => e.kind === "agent" || (e.kind === "teller" && e.reply.text !== ""));
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {latest?.kind === "teller" ? `Teller: ${latest.reply.text}` : latest?.kind === "agent" ? `${latest.message.agentName ?? "The bank"}: ${latest.message.text}` : ""}
    </div>
  );
}
