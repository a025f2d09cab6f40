import { describe, expect, it } from "vitest";
import { END, LEAD, MONTH, PERSON } from "./request-patterns";

describe("request pattern pieces", () => {
  const lead = new RegExp(String.raw`^${LEAD}?check my balance${END}`);
  it.each(["check my balance", "i want to check my balance", "can you check my balance please", "i was hoping to check my balance today", "could i please check my balance?"])(
    "a request opens and ends: %s",
    (text) => expect(lead.test(text)).toBe(true),
  );

  it("does not let anything more follow a request", () => {
    expect(lead.test("check my balance because it looks wrong")).toBe(false);
  });

  it("names months and the people one pays", () => {
    expect(new RegExp(`^${MONTH}$`).test("sept")).toBe(true);
    expect(new RegExp(`^${PERSON}$`).test("landlord")).toBe(true);
    expect(new RegExp(`^${PERSON}$`).test("biller")).toBe(false);
  });
});
