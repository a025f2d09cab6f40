import { useEffect, useState } from "react";
import { plainError } from "../api.js";
import type { Staff } from "../../../packages/contract/handoff.js";
import { staffApi } from "./staffApi.js";

/**
 * The agent page's own sign-in: the development workforce provider's demo staff (customers are
 * never listed here). A deployment signs staff in with the bank's workforce OIDC provider instead.
 */
export function StaffSignIn({ onToken, reason }: { onToken(token: string): void; reason: string | null }) {
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [error, setError] = useState<string | null>(reason);
  useEffect(() => {
    staffApi.demoStaff().then(
      (r) => setStaff(r.staff),
      (e) => setError(plainError(e)),
    );
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
    </main>
  );
}
