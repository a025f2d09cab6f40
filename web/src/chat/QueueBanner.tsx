/** Waiting for someone from the bank: says so, and lets the customer leave the queue. */
export function QueueBanner({ onLeave }: { onLeave(): void }) {
  return (
    <div className="handoff-banner" role="status">
      <p>You're in the queue for someone from our team. They'll reply here.</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onLeave();
          // The banner and its button go once the customer has left: the keyboard goes back to
          // the message box (as after Yes / No) instead of falling to the page's start.
          document.getElementById("message")?.focus();
        }}
      >
        Leave the queue
      </button>
    </div>
  );
}
