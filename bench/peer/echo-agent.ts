import { AIChatAgent } from "@cloudflare/ai-chat";
import { routeAgentRequest } from "agents";

/**
 * The peer `npm run bench:peer` measures Teller against: the smallest Cloudflare Agents SDK chat
 * agent that does what a chat turn must — store the customer's message and the reply through the
 * SDK's own save path (SQLite in the Durable Object) — with no model: the reply echoes the text.
 * Benchmark code only; nothing in workers/ imports it, so it never reaches Teller's bundles.
 */
interface PeerEnv {
  EchoAgent: DurableObjectNamespace;
}

export class EchoAgent extends AIChatAgent {
  /** A plain-text Response: the SDK streams it to the client and persists it as the assistant's message. */
  override async onChatMessage(): Promise<Response> {
    return new Response(lastText(this.messages));
  }

  /**
   * The HTTP turn: `POST /agents/echo-agent/<customer>` with `{ id, text }`. `saveMessages` is the
   * SDK's programmatic turn (persist the user message, run onChatMessage, persist the reply).
   */
  override async onRequest(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a message", { status: 405 });
    const { id, text } = (await request.json()) as { id: string; text: string };
    const { status } = await this.saveMessages([{ id, role: "user", parts: [{ type: "text", text }] }]);
    return Response.json({ status, reply: lastText(this.messages) });
  }
}

function lastText(messages: AIChatAgent["messages"]): string {
  const last = messages.at(-1);
  return last?.parts.map((part) => (part.type === "text" ? part.text : "")).join("") ?? "";
}

export default {
  async fetch(request: Request, env: PeerEnv): Promise<Response> {
    return (await routeAgentRequest(request, env)) ?? new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<PeerEnv>;
