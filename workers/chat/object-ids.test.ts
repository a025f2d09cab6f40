import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { customerSession, objectId } from "./object-ids.js";

describe("the chat Worker's remembered object ids", () => {
  it("names the same object as idFromName, and answers a repeated name from memory", () => {
    const name = `ids-${crypto.randomUUID()}`;
    const first = objectId(env.CHAT_SESSION, name);
    expect(first.equals(env.CHAT_SESSION.idFromName(name))).toBe(true);
    expect(objectId(env.CHAT_SESSION, name)).toBe(first);
    expect(objectId(env.CHAT_SESSION, `${name}-other`).equals(first)).toBe(false);
  });

  it("keeps each namespace's names apart", () => {
    const name = `ids-${crypto.randomUUID()}`;
    const session = objectId(env.CHAT_SESSION, name);
    const desk = objectId(env.STAFF_DESK!, name);
    expect(desk.equals(env.STAFF_DESK!.idFromName(name))).toBe(true);
    expect(desk).not.toBe(session);
  });

  it("reaches the object through a stub made in a later request", async () => {
    const name = `ids-${crypto.randomUUID()}`;
    const id = objectId(env.CHAT_SESSION, name);
    await expect(env.CHAT_SESSION.get(id).echo("one")).resolves.toBe("one");
    await expect(env.CHAT_SESSION.get(objectId(env.CHAT_SESSION, name)).echo("two")).resolves.toBe("two");
  });

  it("reaches a customer's ChatSession by their id", async () => {
    const customerId = `ids-${crypto.randomUUID()}`;
    await expect(customerSession(env, customerId).echo("hi")).resolves.toBe("hi");
    expect(objectId(env.CHAT_SESSION, customerId).equals(env.CHAT_SESSION.idFromName(customerId))).toBe(true);
  });
});
