import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatMessageFields, clientFrameSchema, turnsQuerySchema } from "./chat.schema.js";

const Message = z.strictObject(chatMessageFields());

describe("the chat message schema", () => {
  it("refuses C0, DEL and C1 control characters but keeps newline and tab", () => {
    for (const bad of ["\u0000", "\u0001", "\r", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(Message.safeParse({ id: "m1", text: `a${bad}b` }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(Message.safeParse({ id: "m1", text: "line\n\ttab — 漢字 🙂" }).success).toBe(true);
  });

  it("refuses control characters in a confirmation id", () => {
    expect(Message.safeParse({ id: "m1", text: "yes", confirmation: { id: "c\u0000", answer: "yes" } }).success).toBe(false);
  });
});

describe("the turns query (GET /api/chat/turns)", () => {
  const parse = (query: Record<string, string>) => turnsQuerySchema().safeParse(query);

  it("reads digits as a sequence number and anything else message-id shaped as a message id, 20 a page unless told", () => {
    expect(parse({ after: "17" }).data).toEqual({ after: { seq: 17 }, limit: 20 });
    expect(parse({ after: "0", limit: "50" }).data).toEqual({ after: { seq: 0 }, limit: 50 });
    expect(parse({ after: "4f1c-ab_9", limit: "0" }).data).toEqual({ after: { messageId: "4f1c-ab_9" }, limit: 0 });
    expect(parse({}).data).toEqual({ limit: 20 });
  });

  it("refuses a cursor that is neither, a limit out of 0–50, and any other parameter", () => {
    const bads: Array<Record<string, string>> = [{ after: "a b" }, { after: "" }, { after: "1.5" }, { after: "a/b" }, { after: "x".repeat(65) }, { limit: "51" }, { limit: "-1" }, { limit: "1.5" }, { limit: "" }, { since: "1" }];
    for (const bad of bads) {
      expect(parse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("since: the instant a client reads from (its sign-in)", () => {
  const parse = (query: Record<string, string>) => turnsQuerySchema().safeParse(query);

  it("takes an ISO 8601 instant with its offset, on the turns query and the socket's resume", () => {
    expect(parse({ since: "2026-12-04T10:07:02.123Z" }).data).toEqual({ limit: 20, since: "2026-12-04T10:07:02.123Z" });
    expect(parse({ since: "2026-12-04T11:07:02+01:00", after: "3" }).success).toBe(true);
    expect(clientFrameSchema().safeParse({ type: "resume", since: "2026-12-04T10:07:02Z" }).success).toBe(true);
    expect(clientFrameSchema().safeParse({ type: "resume", lastMessageId: "m1", since: "2026-12-04T10:07:02Z" }).success).toBe(true);
  });

  it("refuses garbage, epoch numbers and instants without an offset", () => {
    for (const bad of ["yesterday", "", "1764842822000", "2026-12-04", "2026-12-04T10:07:02", "2026-13-04T10:07:02Z"]) {
      expect(parse({ since: bad }).success, bad).toBe(false);
      expect(clientFrameSchema().safeParse({ type: "resume", since: bad }).success, bad).toBe(false);
    }
  });
});
