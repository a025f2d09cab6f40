import { describe, expect, it } from "vitest";
import { encodeTicket, TICKET_PATTERN, ticketCustomer, ticketSecret } from "./ticket.js";

const SECRET = "A".repeat(43);

describe("the WebSocket ticket", () => {
  it("carries the customer id and the secret, and matches the gateway's shape check", () => {
    const ticket = encodeTicket("cus_maría", SECRET);
    expect(TICKET_PATTERN.test(ticket)).toBe(true);
    expect(ticketCustomer(ticket)).toBe("cus_maría");
    expect(ticketSecret(ticket)).toBe(SECRET);
  });

  it("is refused when malformed: no secret, a short secret, bad characters, invalid UTF-8", () => {
    for (const bad of ["", "abc", `abc.${SECRET.slice(1)}`, `a+b.${SECRET}`, `_w.${SECRET}`]) expect(ticketCustomer(bad), bad).toBeUndefined();
  });
});
