import { describe, expect, it } from "vitest";
import { DEMO_CUSTOMERS } from "./dev-idp/demo-customers.js";
import { gatewayFetch, loginAs, postJson } from "../../test/workerd/helpers.js";

const alex = DEMO_CUSTOMERS[0]!.id;

// What a valid message gets (a reply, once per id, through the Durable Object and the queue):
// test/workerd/chat-messages.test.ts.
describe("bad input to POST /api/chat/messages", () => {
  const cases: Array<[string, string | object, number, string]> = [
    ["malformed JSON", "{\"id\": ", 400, "invalid_json"],
    ["an unknown field", { id: "m-1", text: "hi", admin: true }, 400, "validation_failed"],
    ["empty text", { id: "m-1", text: "   " }, 400, "validation_failed"],
    ["text over 2,000 characters", { id: "m-1", text: "x".repeat(2001) }, 400, "validation_failed"],
    ["a missing id", { text: "hi" }, 400, "validation_failed"],
    ["an id with spaces", { id: "a b", text: "hi" }, 400, "validation_failed"],
    ["text that is not a string", { id: "m-1", text: 42 }, 400, "validation_failed"],
    ["a JSON array", [1, 2], 400, "validation_failed"],
  ];
  for (const [what, body, status, code] of cases) {
    it(`answers ${status} ${code} for ${what}`, async () => {
      const response = await postJson("/api/chat/messages", await loginAs(alex), body);
      expect(response.status).toBe(status);
      const json = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(json.error.code).toBe(code);
      expect(json.error.message.length).toBeGreaterThan(0);
      expect(json.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  }

  it("names the offending field", async () => {
    const response = await postJson("/api/chat/messages", await loginAs(alex), { id: "m-1", text: "hi", admin: true });
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("admin");
  });

  it("answers 413 for a body over the size limit, before parsing it", async () => {
    const response = await postJson("/api/chat/messages", await loginAs(alex), JSON.stringify({ id: "m-1", text: "x".repeat(40_000) }));
    expect(response.status).toBe(413);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const response = await gatewayFetch("/api/chat/messages", {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${await loginAs(alex)}` },
      body: "hello",
    });
    expect(response.status).toBe(415);
  });
});
