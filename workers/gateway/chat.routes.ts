import { Hono } from "hono";
import { z } from "zod";
import type { GatewayEnv } from "./env.js";
import type { AuthVariables } from "./auth/index.js";
import { MAX_MESSAGE_CHARS, MESSAGE_ID_PATTERN, type ChatTurn } from "../../packages/common/chat.js";
import type { RpcResult } from "../../packages/common/errors.js";
import { jsonError } from "./errors.js";
import { readJson } from "./json-body/index.js";

export const SendMessageRequest = z.strictObject({
  id: z.string().regex(MESSAGE_ID_PATTERN, "must be 1–64 characters of letters, digits, '_' or '-'"),
  text: z
    .string()
    .refine((text) => text.trim().length > 0, "must not be empty")
    .refine((text) => text.length <= MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
});

// A 2,000-character message is at most 8,000 UTF-8 bytes, plus the id and JSON punctuation.
const MAX_BODY_BYTES = 16 * 1024;

export function chatRoutes() {
  const app = new Hono<{ Bindings: GatewayEnv; Variables: AuthVariables }>();

  app.post("/messages", async (c) => {
    const body = await readJson(c, SendMessageRequest, MAX_BODY_BYTES);
    if (body instanceof Response) return body;
    // Annotated: RPC stubs wrap results in a type that defeats union narrowing.
    const result: RpcResult<ChatTurn> = await c.env.CHAT.sendMessage(c.get("customerId"), body);
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    return c.json(result.value);
  });

  return app;
}
