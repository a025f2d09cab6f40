import { describe, expect, it } from "vitest";
import { testContext, testEnv } from "../../test/workerd/attacks/support.js";
import { createGatewayApp } from "./gateway.app.js";

// The app itself, not the Worker under test: a public route that calls no other Worker.
const gatewayFetch = (path: string) => createGatewayApp().fetch(new Request(`https://teller.test${path}`), testEnv, testContext());

describe("GET /api/openapi.json", () => {
  it("publishes an OpenAPI 3.1 document without a token, with the strict transfer body", async () => {
    const response = await gatewayFetch("/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required: boolean }>; requestBody?: { content: { "application/json": { schema: { additionalProperties: boolean; required: string[] } } } } }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/accounts",
      "/api/accounts/{id}",
      "/api/accounts/{id}/transactions",
      "/api/cards",
      "/api/cards/{id}/freeze",
      "/api/cards/{id}/unfreeze",
      "/api/chat/turns",
      "/api/payees",
      "/api/payees/{id}",
      "/api/scheduled-transfers",
      "/api/scheduled-transfers/{id}",
      "/api/staff/handoffs/{id}/messages",
      "/api/transfers",
      "/api/transfers/{id}",
    ]);
    const create = doc.paths["/api/transfers"]!.post!;
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }));
    const body = create.requestBody!.content["application/json"].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required.sort()).toEqual(["amount", "fromAccountId"]);
    const list = doc.paths["/api/accounts/{id}/transactions"]!.get!;
    expect(list.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual(
      ["path:id", "query:cursor", "query:from", "query:limit", "query:q", "query:to"],
    );
  });

  it("describes GET /api/chat/turns with the contract's query and answer", async () => {
    const doc = (await (await gatewayFetch("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required: boolean; schema?: { format?: string } }>; responses: Record<string, { content: { "application/json": { schema: { required?: string[] } } } }> }>>;
    };
    const read = doc.paths["/api/chat/turns"]!.get!;
    expect(read.parameters.map((p) => `${p.in}:${p.name}:${p.required}`).sort()).toEqual(["query:after:false", "query:limit:false", "query:since:false"]);
    // The sign-in instant a client reads from: a date-time, as the gateway validates it.
    expect(read.parameters.find((p) => p.name === "since")?.schema?.format).toBe("date-time");
    expect(Object.keys(read.responses).sort()).toEqual(["200", "400", "401", "429"]);
    expect(read.responses["200"]!.content["application/json"].schema.required?.sort()).toEqual(["agent", "handoff", "more", "next", "pendingConfirmation", "pendingQuestion", "turns"]);
    expect(read.responses["400"]!.content["application/json"].schema.required).toEqual(["error"]);
  });

  it("describes the staff reply route with its codes, 409 customer_disabled among them", async () => {
    const doc = (await (await gatewayFetch("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string; content?: { "application/json": { schema: { required?: string[] } } } }>; requestBody: { content: { "application/json": { schema: { additionalProperties: boolean; required: string[] } } } } }>>;
    };
    const say = doc.paths["/api/staff/handoffs/{id}/messages"]!.post!;
    expect(say.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    expect(say.requestBody.content["application/json"].schema.required.sort()).toEqual(["id", "text"]);
    expect(Object.keys(say.responses).sort()).toEqual(["200", "400", "401", "404", "409", "413", "415", "429"]);
    expect(say.responses["409"]!.description).toMatch(/customer_disabled/);
    expect(say.responses["409"]!.description).toMatch(/\bconflict\b/);
    expect(say.responses["409"]!.content!["application/json"].schema.required).toEqual(["error"]);
    // The banking route's 409 keeps its own meaning.
    expect(doc.paths["/api/scheduled-transfers/{id}"]!.delete!.responses["409"]!.description).not.toMatch(/customer_disabled/);
  });
});
