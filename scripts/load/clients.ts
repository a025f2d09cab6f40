import { WebSocket } from "ws";
import { WRANGLER_PROXY } from "./stats.js";

/**
 * The harness's two ways to chat, as a browser tab does: POST /api/chat/messages, or the WebSocket
 * (a ticket from POST /api/chat/ws-ticket, then message frames). Both answer a message with a
 * TurnAnswer; an acknowledged message is one the server answered with its turn.
 */
export interface ChatMessage {
  id: string;
  text: string;
  confirmation?: { id: string; answer: "yes" | "no" };
}

export interface ReplyShape {
  text?: string;
  confirmation?: { id: string } | null;
}

export interface TurnAnswer {
  /** HTTP status, or "ws:turn", "ws:error:<code>", "ws:closed", "ws:timeout", "network". */
  status: string;
  acked: boolean;
  reply?: ReplyShape;
  /** For an answer that is not a turn: who answered and why (see whoAnswered), to tell the server's errors apart in the report. */
  detail?: string;
}

export interface ChatChannel {
  readonly transport: "http" | "ws";
  send(message: ChatMessage): Promise<TurnAnswer>;
  close(): void;
}

const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Who answered an error, from its body: Teller's own refusals carry `{"error": {"code", "requestId"}}`
 * (the gateway logs a request line with the same id and code); anything else came from in front of
 * the gateway (wrangler dev's proxy answers 503 "Your worker restarted mid-request" to a POST whose
 * forward to the Workers failed: in a reload, or in the race of two 5 s keep-alive timeouts, see
 * stats.ts) and is quoted.
 */
export function whoAnswered(body: string): string {
  const parsed = parseJson(body) as { error?: { code?: unknown; requestId?: unknown } } | null;
  if (typeof parsed?.error?.code === "string") return `teller ${parsed.error.code}${typeof parsed.error.requestId === "string" ? ` (request ${parsed.error.requestId})` : ""}`;
  const text = body.replace(/\s+/g, " ").trim();
  const quoted = `"${text.slice(0, 100)}${text.length > 100 ? "…" : ""}"`;
  return /restarted mid-request/.test(text) ? `${WRANGLER_PROXY} (its forward to the Workers failed; it says a restart): ${quoted}` : `not Teller's error shape: ${quoted}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a failed fetch or socket says: the error and its cause (ECONNRESET, a timeout…). */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : cause === undefined ? "" : String(cause);
  return `${error.name}: ${error.message}${causeText ? ` (${causeText})` : ""}`;
}

/**
 * Signs every seeded customer in through the development identity provider (POST /dev/login, which
 * signs in any customer in the database), 50 at a time, before the run: the tokens a browser
 * would hold. The run's turns then never wait on a sign-in.
 */
export async function devLogins(baseUrl: string, customerIds: readonly string[]): Promise<(customerId: string) => Promise<string>> {
  const tokens = new Map<string, string>();
  for (let i = 0; i < customerIds.length; i += 50) {
    await Promise.all(
      customerIds.slice(i, i + 50).map(async (customerId) => {
        const response = await fetch(`${baseUrl}/dev/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ customerId }),
        });
        if (!response.ok) throw new Error(`dev sign-in of ${customerId}: ${response.status} ${await response.text()}`);
        tokens.set(customerId, ((await response.json()) as { token: string }).token);
      }),
    );
  }
  return async (customerId) => {
    const token = tokens.get(customerId);
    if (!token) throw new Error(`${customerId} was not signed in`);
    return token;
  };
}

/** A raw POST for abuse cases: any body, any content type. */
export async function postRaw(baseUrl: string, token: string, body: string): Promise<TurnAnswer> {
  try {
    const response = await fetch(`${baseUrl}/api/chat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    const answer = await response.text().catch(() => "");
    return { status: String(response.status), acked: false, ...(response.status >= 500 ? { detail: whoAnswered(answer) } : {}) };
  } catch (error) {
    return { status: "network", acked: false, detail: describeFailure(error) };
  }
}

export class HttpChannel implements ChatChannel {
  readonly transport = "http";
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async send(message: ChatMessage): Promise<TurnAnswer> {
    try {
      const response = await fetch(`${this.baseUrl}/api/chat/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await this.token()}` },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      const body = await response.text();
      if (response.status !== 200) return { status: String(response.status), acked: false, ...(response.status >= 500 ? { detail: whoAnswered(body) } : {}) };
      const json = parseJson(body) as { reply?: ReplyShape } | null;
      return { status: "200", acked: true, ...(json?.reply ? { reply: json.reply } : {}) };
    } catch (error) {
      return { status: "network", acked: false, detail: describeFailure(error) };
    }
  }

  close(): void {}
}

/**
 * One WebSocket per customer tab, opened on first use and again after it closes (a restarted
 * server, an eviction). Answers are matched to messages by id; turns nobody asked for (the outcome
 * of a transfer the alarm finished) go to `onNotice`.
 */
export class SocketChannel implements ChatChannel {
  readonly transport = "ws";
  private socket: Promise<WebSocket> | undefined;
  private readonly waiting = new Map<string, (answer: TurnAnswer) => void>();

  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
    private readonly onNotice: (reply: ReplyShape) => void,
  ) {}

  async send(message: ChatMessage): Promise<TurnAnswer> {
    let ws: WebSocket;
    try {
      ws = await (this.socket ??= this.open());
    } catch (error) {
      this.socket = undefined;
      return { status: "ws:connect_failed", acked: false, detail: describeFailure(error) };
    }
    return new Promise<TurnAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(message.id);
        resolve({ status: "ws:timeout", acked: false, detail: `no answer in ${ANSWER_TIMEOUT_MS / 1000} s` });
        this.close();
      }, ANSWER_TIMEOUT_MS);
      this.waiting.set(message.id, (answer) => {
        clearTimeout(timer);
        this.waiting.delete(message.id);
        resolve(answer);
      });
      try {
        ws.send(JSON.stringify({ type: "message", ...message }));
      } catch {
        this.waiting.get(message.id)?.({ status: "ws:closed", acked: false });
      }
    });
  }

  close(): void {
    const socket = this.socket;
    this.socket = undefined;
    void socket?.then((ws) => ws.terminate()).catch(() => {});
  }

  private async open(): Promise<WebSocket> {
    const response = await fetch(`${this.baseUrl}/api/chat/ws-ticket`, {
      method: "POST",
      headers: { authorization: `Bearer ${await this.token()}` },
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`ticket: ${response.status} from ${whoAnswered(await response.text().catch(() => ""))}`);
    const { ticket } = (await response.json()) as { ticket: string };
    const ws = new WebSocket(`${this.baseUrl.replace(/^http/, "ws")}/api/chat/ws?ticket=${encodeURIComponent(ticket)}`);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    });
    ws.on("message", (data) => this.onFrame(String(data)));
    ws.on("error", () => {});
    ws.on("close", (code, reason) => {
      if (this.socket) this.socket = undefined;
      for (const answer of [...this.waiting.values()]) answer({ status: "ws:closed", acked: false, detail: `closed ${code}${reason.length ? ` ${String(reason)}` : ""}` });
    });
    return ws;
  }

  private onFrame(data: string): void {
    let frame: { type?: string; id?: string; turn?: { id: string; reply: ReplyShape }; error?: { code: string } };
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === "turn" && frame.turn) {
      const answer = this.waiting.get(frame.turn.id);
      if (answer) answer({ status: "ws:turn", acked: true, reply: frame.turn.reply });
      else this.onNotice(frame.turn.reply);
    } else if (frame.type === "error" && frame.id) {
      this.waiting.get(frame.id)?.({ status: `ws:error:${frame.error?.code ?? "unknown"}`, acked: false, detail: `teller ${frame.error?.code ?? "unknown"} (error frame)` });
    }
  }
}
