import { describe, expect, it } from "vitest";
import { eventIdsIn } from "./events.js";

const event = (id: string) => ({ id, type: "reply.sent", customerId: "c", occurredAt: new Date().toISOString(), payload: {} });

describe("the event ids a queue body carries", () => {
  it("reads a single event, a bundle, and the UUID ids of a bundle's malformed events, in lower case", () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(eventIdsIn(event(a))).toEqual([a]);
    expect(eventIdsIn({ events: [event(a), { id: b.toUpperCase(), type: "nonsense" }, { id: "not-a-uuid" }, null] })).toEqual([a, b]);
  });

  it("finds none in a body that is not an event or a bundle", () => {
    expect(eventIdsIn("text")).toEqual([]);
    expect(eventIdsIn(null)).toEqual([]);
    expect(eventIdsIn({ events: "no" })).toEqual([]);
  });
});
