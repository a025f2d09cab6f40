import { fromBase64Url, toBase64Url } from "../encoding/base64.js";

/**
 * The WebSocket ticket: "<base64url(customerId)>.<secret>". Browsers cannot set a header on a
 * WebSocket, so the socket is opened with a single-use, one-minute ticket instead of the bearer
 * token. The gateway checks its shape, the chat Worker routes by its customer id, and the
 * customer's session checks the secret.
 */
export const TICKET_PATTERN = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/;
const MAX_CUSTOMER_ID_CHARS = 128;

export function encodeTicket(customerId: string, secret: string): string {
  return `${toBase64Url(new TextEncoder().encode(customerId))}.${secret}`;
}

/** The ticket's customer id, or undefined when malformed. */
export function ticketCustomer(ticket: string): string | undefined {
  const match = TICKET_PATTERN.exec(ticket);
  if (!match) return undefined;
  try {
    const customerId = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(fromBase64Url(match[1]!));
    return customerId.length > 0 && customerId.length <= MAX_CUSTOMER_ID_CHARS ? customerId : undefined;
  } catch {
    return undefined;
  }
}

/** The ticket's secret part ("" when there is none). */
export function ticketSecret(ticket: string): string {
  return ticket.split(".")[1] ?? "";
}
