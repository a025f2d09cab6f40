import type { ConnectionStatus } from "./connection.js";

const WORDS: Partial<Record<ConnectionStatus, string>> = {
  connecting: "Connecting…",
  offline: "You're offline. Your messages are kept and will be sent when you're back online.",
  reconnecting: "Reconnecting… Your messages are kept and will be sent.",
};

/** The link's state in plain words; silent while all is well. */
export function ConnectionBanner({ status, notice }: { status: ConnectionStatus; notice: string | null }) {
  const words = WORDS[status];
  return (
    <div className="connection" role="status" data-status={status}>
      {words && <p className={`banner banner-${status}`}>{words}</p>}
      {notice && <p className="banner banner-error">{notice}</p>}
    </div>
  );
}
