import { useEffect, useState, type FormEvent } from "react";
import { api, type ChatReply, type DemoCustomer } from "./api.js";

interface Line {
  id: string;
  from: "customer" | "teller";
  text: string;
  intent?: ChatReply["intent"];
}

export function App() {
  const [customers, setCustomers] = useState<DemoCustomer[]>([]);
  const [session, setSession] = useState<{ token: string; customer: DemoCustomer } | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.demoCustomers().then((r) => setCustomers(r.customers), (e: Error) => setError(e.message));
  }, []);

  async function signIn(customer: DemoCustomer) {
    setError(null);
    try {
      const { token } = await api.login(customer.id);
      setSession({ token, customer });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!session || !text) return;
    const id = crypto.randomUUID();
    setDraft("");
    setLines((all) => [...all, { id, from: "customer", text }]);
    try {
      const { reply } = await api.send(session.token, id, text);
      setLines((all) => [...all, { id: `${id}-reply`, from: "teller", text: reply.text, intent: reply.intent }]);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (!session) {
    return (
      <main className="signin">
        <h1>Teller</h1>
        <p>Sign in as a demo customer</p>
        <ul>
          {customers.map((c) => (
            <li key={c.id}>
              <button onClick={() => signIn(c)}>{c.name}</button>
            </li>
          ))}
        </ul>
        {error && <p role="alert">{error}</p>}
      </main>
    );
  }

  return (
    <main className="chat">
      <header>
        <h1>Teller</h1>
        <span>{session.customer.name}</span>
      </header>
      <ol className="messages" aria-live="polite" aria-label="Conversation">
        {lines.map((line) => (
          <li key={line.id} className={line.from} data-intent={line.intent?.name}>
            {line.text}
          </li>
        ))}
      </ol>
      {error && <p role="alert">{error}</p>}
      <form onSubmit={send}>
        <label htmlFor="message" className="visually-hidden">
          Message
        </label>
        <input id="message" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={2000} autoComplete="off" />
        <button type="submit">Send</button>
      </form>
    </main>
  );
}
