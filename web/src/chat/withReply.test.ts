import { describe, expect, it } from "vitest";
import type { Reply } from "./protocol.js";
import { withReply, type ChatState, type TellerEntry } from "./useChat.js";

const reply = (text: string, extra: Partial<Reply> = {}): Reply => ({ text, intent: { name: "x", confidence: 1 }, actions: [], ...extra });
const empty: ChatState = { entries: [], status: "live", typing: false, unsent: new Set(), pending: undefined, answered: {}, notice: null };
const texts = (s: ChatState) => s.entries.map((e) => (e.kind === "teller" ? e.reply.text : e.kind === "agent" ? `bank: ${e.message.text}` : `me: ${e.text}`));

describe("withReply", () => {
  it("adds nothing when the final answer only combines what was streamed", () => {
    let s = withReply(empty, "m1", reply("Checking ••1234: $10.00"), false);
    s = withReply(s, "m1", reply("Anything else?"), false);
    s = withReply(s, "m1", reply("Checking ••1234: $10.00\n\nAnything else?"), true);
    expect(texts(s)).toEqual(["Checking ••1234: $10.00", "Anything else?"]);
  });

  it("replaces a cut-off stream with the whole answer, in place", () => {
    let s: ChatState = { ...empty, entries: [{ kind: "customer", id: "m1", text: "hi" }] };
    s = withReply(s, "m1", reply("part one"), false);
    s = { ...s, entries: [...s.entries, { kind: "customer", id: "m2", text: "next" }] };
    s = withReply(s, "m1", reply("part one\n\npart two"), true);
    expect(texts(s)).toEqual(["me: hi", "part one\n\npart two", "me: next"]);
  });

  it("ignores a reply it already shows (a resume repeats turns)", () => {
    const once = withReply(empty, "m1", reply("hello"), true);
    expect(withReply(once, "m1", reply("hello"), true)).toBe(once);
  });

  it("treats a new confirmation as pending before the server's state frame arrives", () => {
    const confirmation = { id: "cf", summary: "Send $5?", expiresAt: Date.now() + 60_000 };
    const s = withReply({ ...empty, pending: null }, "m1", reply("Send $5?", { confirmation }), false);
    expect(s.pending).toEqual(confirmation);
  });

  it("dates an answer at the server's time when it gives one, the replies streamed before it too", () => {
    const server = Date.parse("2026-12-03T09:00:00.000Z");
    let s = withReply(empty, "m1", reply("Checking ••1234: $10.00"), false);
    s = withReply(s, "m1", reply("Checking ••1234: $10.00"), true, server);
    expect(s.entries.map((e) => (e as TellerEntry).at)).toEqual([server]);
    const fresh = withReply(empty, "m2", reply("hello"), true, server);
    expect(fresh.entries.map((e) => (e as TellerEntry).at)).toEqual([server]);
    // Without it, the time it came.
    const before = Date.now();
    const local = withReply(empty, "m3", reply("hello"), true);
    expect((local.entries[0] as TellerEntry).at).toBeGreaterThanOrEqual(before);
  });
});
