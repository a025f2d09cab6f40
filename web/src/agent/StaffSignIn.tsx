import { useEffect, useState } from "react";
import { plainError } from "../api.js";
import type { Staff } from "../../../packages/contract/handoff.js";
import { completeOidcLogin, isOidcCallback, startOidcLogin } from "../auth/oidc.js";
import { loadConfig, type AuthConfig } from "../config.js";
import { staffApi } from "./staffApi.js";

/**
 * The agent page's own sign-in: the bank's workforce OIDC provider when the deployment configures
 * one (`staffAuth` in /config.json, or VITE_STAFF_OIDC_*), else the development provider's demo
 * staff (customers are never listed here).
 */
export function StaffSignIn({ onToken, reason }: { onToken(token: string): void; reason: string | null }) {
  const [auth, setAuth] = useState<AuthConfig | null>(null);
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [error, setError] = useState<string | null>(reason);
  useEffect(() => {
    loadConfig()
      .then(async (config) => {
        const staffAuth = config.staffAuth ?? { mode: "dev" as const };
        setAuth(staffAuth);
        if (staffAuth.mode === "oidc") {
          if (isOidcCallback(staffAuth)) onToken((await completeOidcLogin(staffAuth, "/agent")).accessToken);
          return;
        }
        setStaff((await staffApi.demoStaff()).staff);
      })
      .catch((e: unknown) => setError(plainError(e)));
    // Once per mount: a callback's code is single-use.
  }, []);
  async function signIn(member: Staff) {
    try {
      onToken((await staffApi.login(member.id)).token);
    } catch (e) {
      setError(plainError(e));
    }
  }
  return (
    <main className="signin">
      <h1>Teller — staff console</h1>
      <p className="intro">Pick up conversations Teller hands over to people, and answer in the customer's chat.</p>
      {error && <p role="alert">{error}</p>}
      {auth?.mode === "oidc" ? (
        <button type="button" onClick={() => void startOidcLogin(auth).catch((e: unknown) => setError(plainError(e)))}>
          Sign in with your bank staff account
        </button>
      ) : (
        <section aria-labelledby="staff-heading">
          <h2 id="staff-heading">Sign in as demo staff</h2>
          <p className="muted">Development sign-in: no password.</p>
          {staff === null ? (
            <p className="muted">Loading…</p>
          ) : (
            <ul className="demo-customers">
              {staff.map((s) => (
                <li key={s.id}>
                  <button type="button" onClick={() => void signIn(s)}>
                    {s.name} ({s.role})
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
