import { describe, expect, it } from "vitest";
import { OutboxWatermark } from "./outbox-watermark.js";

const scanned = (...keys: Array<[number, string]>) => keys.map(([createdAt, id]) => ({ id, createdAt }));

describe("the outbox's watermark", () => {
  it("starts from the oldest, and moves past a scanned prefix once the queue took all of it", () => {
    const mark = new OutboxWatermark();
    expect(mark.after()).toBeUndefined();
    mark.scanned(scanned([10, "a"], [12, "b"]));
    expect(mark.after()).toBeUndefined();
    mark.sent(["a", "b"]);
    expect(mark.after()).toEqual([12, "b"]);
  });

  it("does not move when only part of the scanned prefix was sent, or something else was", () => {
    const mark = new OutboxWatermark();
    mark.scanned(scanned([10, "a"], [12, "b"]));
    mark.sent(["a"]);
    mark.sent(["x", "y"]);
    expect(mark.after()).toBeUndefined();
  });

  it("drops back to the oldest when an event is stored at or before a key it has seen", () => {
    const mark = new OutboxWatermark();
    mark.scanned(scanned([10, "a"]));
    mark.sent(["a"]);
    mark.stored(11);
    expect(mark.after()).toEqual([10, "a"]);
    mark.stored(10);
    expect(mark.after()).toBeUndefined();
  });

  it("never moves past an event stored while the scanned prefix was being sent", () => {
    const mark = new OutboxWatermark();
    mark.scanned(scanned([10, "a"], [20, "b"]));
    mark.stored(15); // a clock that stepped back while the queue send was under way
    mark.sent(["a", "b"]);
    expect(mark.after()).toBeUndefined();
  });

  it("an empty scan leaves it where it was", () => {
    const mark = new OutboxWatermark();
    mark.scanned(scanned([10, "a"]));
    mark.sent(["a"]);
    mark.scanned([]);
    mark.sent(["z"]);
    expect(mark.after()).toEqual([10, "a"]);
  });
});
