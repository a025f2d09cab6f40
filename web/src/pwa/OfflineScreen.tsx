/**
 * Shown instead of sign-in while the device is offline: the installed app still opens (the shell
 * is cached), says plainly why nothing works, and sends nothing. It goes away by itself when the
 * connection is back.
 */
export function OfflineScreen() {
  return (
    <main className="signin offline-screen">
      <h1>Teller</h1>
      <section className="offline-card" role="status" aria-labelledby="offline-heading">
        <h2 id="offline-heading">You're offline</h2>
        <p>Teller needs a connection to sign you in and to reach your accounts. Nothing is sent while you're offline.</p>
        <p className="muted">This page carries on by itself when you're back online.</p>
      </section>
    </main>
  );
}
