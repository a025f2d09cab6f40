import type { MiddlewareHandler } from "hono";
import type { GatewayEnv } from "./env.js";
import { gatewayConfig } from "./config.js";
import { jsonError } from "./errors.js";

/**
 * Refuses a declared body over MAX_BODY_BYTES with 413 before authentication or parsing, on every
 * route, including those that take no body. Bodies without a Content-Length (chunked) are counted
 * as they are read by readJson, with each route's own tighter limit.
 */
export function limitBodySize(): MiddlewareHandler<{ Bindings: GatewayEnv }> {
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined) {
      if (!/^\d{1,15}$/.test(declared)) return jsonError(c, 400, "bad_request", "Content-Length is not a number");
      const maxBytes = gatewayConfig(c.env).maxBodyBytes;
      if (Number(declared) > maxBytes) return jsonError(c, 413, "payload_too_large", `the body must be at most ${maxBytes} bytes`);
    }
    await next();
  };
}
