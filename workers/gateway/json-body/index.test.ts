import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import * as z from "zod";
import { readJson } from "./index.js";

// Every route's bodies attacked through the real gateway: test/workerd/attacks/bodies.test.ts.
const Body = z.strictObject({ name: z.string().max(20) });
const app = new Hono().post("/", async (c) => {
  const body = await readJson(c, Body, 64);
  return body instanceof Response ? body : c.json({ got: body });
});
const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  app.request("/", { method: "POST", headers, body });
const code = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("reading a JSON body", () => {
  it("returns the parsed value, whatever the JSON media type's parameters", async () => {
    expect(await (await post('{"name":"Sam"}')).json()).toEqual({ got: { name: "Sam" } });
    expect((await post('{"name":"Sam"}', { "content-type": "Application/JSON; charset=utf-8" })).status).toBe(200);
  });

  it("wants application/json (415), not text or a look-alike", async () => {
    for (const type of ["text/plain", "application/jsonp", "application/json-patch+json"]) {
      const response = await post('{"name":"Sam"}', { "content-type": type });
      expect(response.status).toBe(415);
      expect((await code(response)).code).toBe("unsupported_media_type");
    }
  });

  it("counts the bytes it reads, so a body past the limit is refused whatever Content-Length says (413)", async () => {
    const big = JSON.stringify({ name: "x".repeat(100) });
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("          "));
        controller.close();
      },
    });
    const streamed = await app.request("/", { method: "POST", headers: { "content-type": "application/json", "content-length": "10" }, body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("answers 400 invalid_json for broken JSON and bytes that are not UTF-8, and 400 validation_failed naming an unknown field", async () => {
    expect((await code(await post('{"name":'))).code).toBe("invalid_json");
    expect((await code(await post(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])))).code).toBe("invalid_json");
    const unknown = await code(await post('{"name":"Sam","admin":true}'));
    expect(unknown.code).toBe("validation_failed");
    expect(unknown.message).toContain("admin");
  });

  it("refuses a compressed body (415) rather than reading it as JSON or ignoring the header", async () => {
    for (const encoding of ["gzip", "deflate", "br", "GZIP"]) {
      const response = await post('{"name":"Sam"}', { "content-type": "application/json", "content-encoding": encoding });
      expect(response.status).toBe(415);
      expect((await code(response)).code).toBe("unsupported_media_type");
    }
    expect((await post('{"name":"Sam"}', { "content-type": "application/json", "content-encoding": "identity" })).status).toBe(200);
  });

  it("refuses a body that names a field twice (400 invalid_json naming it), instead of keeping the last", async () => {
    const response = await post('{"name":"Sam","name":"Eve"}');
    expect(response.status).toBe(400);
    const error = await code(response);
    expect(error.code).toBe("invalid_json");
    expect(error.message).toContain('"name"');
  });
});
