import type { Context } from "hono";
import type { z } from "zod";
import { describeIssues } from "../../../packages/contract/errors.js";
import { parseStrictJson, repeatedKeyMessage } from "../../../packages/encoding/strict-json.js";
import { jsonError } from "../errors.js";

/**
 * Reads a JSON request body strictly: JSON content type, sent uncompressed (415), at most
 * `maxBytes` — counted on the bytes actually read, not on a Content-Length the client chose (413),
 * valid JSON that names each key once per object (400), and the schema, which rejects unknown
 * fields (400 naming the field). Returns the parsed value or the error response to send.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S> | Response> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return jsonError(c, 415, "unsupported_media_type", "send the body as application/json");
  }
  // Bodies are a few hundred bytes: compression would save nothing and would let a small body
  // inflate past the limit. Read as JSON, a compressed body would be garbage or, worse, be ignored.
  const encoding = (c.req.header("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity") {
    return jsonError(c, 415, "unsupported_media_type", "send the body uncompressed (no Content-Encoding)");
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge(c, maxBytes);
  const bytes = await readUpTo(c.req.raw, maxBytes);
  if (bytes === undefined) return tooLarge(c, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return jsonError(c, 400, "invalid_json", "the body is not valid UTF-8 JSON");
  }
  const json = parseStrictJson(text);
  if (!json.ok) {
    const message = json.reason === "duplicate_key" ? repeatedKeyMessage("body", json.key) : "the body is not valid UTF-8 JSON";
    return jsonError(c, 400, "invalid_json", message);
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) return jsonError(c, 400, "validation_failed", describeIssues(parsed.error.issues));
  return parsed.data;
}

function tooLarge(c: Context, maxBytes: number): Response {
  return jsonError(c, 413, "payload_too_large", `the body must be at most ${maxBytes} bytes`);
}

/** Reads the body, giving up (undefined) as soon as it passes `maxBytes`. */
async function readUpTo(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
