import { useEffect, useState } from "react";
import { api, plainError, type DemoCustomer } from "../api.js";
import type { AuthConfig } from "../config.js";
import { startOidcLogin } from "./oidc.js";

export interface SignInProps {
  auth: AuthConfig;
  /** Why the customer is here again (session ended), if not the first time. */
  reason?: string | null;
  /** `signedInAt`: the login's instant (ISO 8601) by the server's clock, when it says one. */
  onToken(token: string, name: string, signedInAt?: string): void;
}

/** Also in index.html, painted before the script runs: keep the two the same. */
export const INTRO =
  "Your bank's assistant. Ask about balances, recent transactions, spending, payments and cards — in your own words.";

/** Dev: pick a demo customer (the local identity provider). OIDC: go to the bank's login. */
export function SignIn({ auth, reason, onToken }: SignInProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <main className="signin">
      <h1>Teller</h1>
      <p className="intro">{INTRO}</p>
      {reason && (
        <p className="banner banner-expired" role="alert">
          {reason}
        </p>
      )}
      {auth.mode === "oidc" ? (
        <button type="button" onClick={() => startOidcLogin(auth).catch((e) => setError(plainError(e)))}>
          Sign in with your bank
        </button>
      ) : (
        <DemoCustomers onToken={onToken} onError={setError} />
      )}
      {error && <p role="alert">{error}</p>}
    </main>
  );
}

function DemoCustomers({ onToken, onError }: { onToken: SignInProps["onToken"]; onError(message: string): void }) {
  const [customers, setCustomers] = useState<DemoCustomer[] | null>(null);
  useEffect(() => {
    api.demoCustomers().then(
      (r) => setCustomers(r.customers),
      (e) => onError(plainError(e)),
    );
  }, [onError]);

  async function signIn(customer: DemoCustomer) {
    try {
      const { token, signedInAt } = await api.login(customer.id);
      onToken(token, customer.name, signedInAt);
    } catch (e) {
      onError(plainError(e));
    }
  }

  return (
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">Sign in as a demo customer</h2>
      <p className="muted">Development sign-in: no password, demo data only.</p>
      {customers === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul className="demo-customers">
          {customers.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => void signIn(c)}>
                {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
