import { useCallback, useEffect, useState } from "react";
import { plainError } from "./api.js";
import { completeOidcLogin, isOidcCallback } from "./auth/oidc.js";
import { clearSession, loadSession, saveSession, sessionFromToken, type Session } from "./auth/session.js";
import { INTRO, SignIn } from "./auth/SignIn.js";
import { ChatView } from "./chat/ChatView.js";
import { forgetCustomer } from "./chat/outbox.js";
import { loadConfig, type AppConfig } from "./config.js";
import { OfflineScreen } from "./pwa/OfflineScreen.js";
import { useOnline } from "./pwa/useOnline.js";

const EXPIRED = "Your session has ended. Please sign in again — anything you hadn't sent is kept.";

/** Configuration, then sign-in, then the chat; back to sign-in when the session ends. */
export function App() {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [reason, setReason] = useState<string | null>(null);
  const online = useOnline();

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        if (loaded.auth.mode === "oidc" && isOidcCallback(loaded.auth)) {
          const { accessToken } = await completeOidcLogin(loaded.auth);
          // The provider's token says when it was issued (iat): the chat reads from then.
          start(accessToken, "Customer");
        }
        setConfig(loaded);
      })
      .catch((error: unknown) => {
        setConfig({ auth: { mode: "dev" } });
        setReason(`Sign-in isn't working right now: ${plainError(error)}`);
      });
  }, []);

  const expire = useCallback(() => {
    clearSession();
    setSession(null);
    setReason(EXPIRED);
  }, []);

  // The token's own expiry ends the session even if nothing is sent.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(expire, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, expire]);

  function start(token: string, name: string, signedInAt?: string) {
    const next = sessionFromToken(token, Date.now(), name, signedInAt);
    if (!next) {
      setReason("That sign-in didn't work. Please try again.");
      return;
    }
    saveSession(next);
    setReason(null);
    setSession(next);
  }

  function signOut() {
    if (session) forgetCustomer(session.customerId);
    clearSession();
    setSession(null);
    setReason(null);
  }

  if (session) return <ChatView session={session} onExpired={expire} onSignOut={signOut} />;
  if (!online) return <OfflineScreen />;
  if (!config) {
    // The same frame index.html paints before the script runs: no flash while config loads.
    return (
      <main className="signin">
        <h1>Teller</h1>
        <p className="intro">{INTRO}</p>
        <p className="muted">Loading…</p>
      </main>
    );
  }
  return <SignIn auth={config.auth} reason={reason} onToken={start} />;
}
