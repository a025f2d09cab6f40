import { Hono, type Context } from "hono";
import type { RpcResult } from "../../../packages/contract/errors.js";
import { jsonError, upgradeOrRefusal } from "../errors.js";
import { readJson } from "../json-body/index.js";
import { audit } from "../audit.js";
import { enforce } from "../rate-limit.js";
import { requireStaff, type StaffEnv } from "./auth.js";
import { AgentMessageRequest, TypingRequest } from "./staff.schemas.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY_BYTES = 16 * 1024;


/**
 * The staff console's API (/api/staff/*): workforce tokens only, limited per member of staff
 * (reads on RL_READ, writes on RL_CHAT), bodies validated strictly, and every read audited
 * (`audit.staff_read`: who, which hand-off, which customer). Nothing here moves money.
 */
export function staffRoutes() {
  const app = new Hono<StaffEnv>();
  app.use("*", requireStaff());
  app.use("*", async (c, next) => {
    const staff = c.get("staff");
    const limiter = c.req.method === "GET" || c.req.path.endsWith("/typing") ? "RL_READ" : "RL_CHAT";
    const refused = await enforce(c as never, limiter, `${limiter}:staff:${staff.id}`, `staff:${staff.id}`);
    if (refused) return refused;
    await next();
  });

  app.get("/me", (c) => c.json(c.get("staff")));

  app.get("/queue", async (c) => {
    const staff = c.get("staff");
    const items = await service(c).queueFor(staff);
    auditRead(c, `staff:${staff.id}`, { what: "queue", count: items.length });
    return c.json({ items });
  });

  app.get("/figures", async (c) => {
    const result = await service(c).firstReplyFigures(c.get("staff"));
    if (result.ok) auditRead(c, `staff:${c.get("staff").id}`, { what: "figures" });
    return respond(c, result);
  });

  app.get("/handoffs/:id", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const result = await service(c).view(c.get("staff"), id);
    if (result.ok) auditRead(c, result.value.handoff.customerId, { what: "conversation", handoffId: id });
    return respond(c, result);
  });

  app.post("/handoffs/:id/claim", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const result = await service(c).claim(c.get("staff"), id);
    if (result.ok) audit(c as never, "audit.staff_read", result.value.handoff.customerId, { staffId: c.get("staff").id, what: "claim", handoffId: id });
    return respond(c, result);
  });

  app.post("/handoffs/:id/messages", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const body = await readJson(c, AgentMessageRequest, MAX_BODY_BYTES);
    if (body instanceof Response) return body;
    return respond(c, await service(c).say(c.get("staff"), id, body));
  });

  app.post("/handoffs/:id/typing", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const body = await readJson(c, TypingRequest, 1024);
    if (body instanceof Response) return body;
    return c.json({ delivered: await service(c).typing(c.get("staff"), id, body.on) });
  });

  app.post("/handoffs/:id/hand-back", async (c) => close(c, false));
  app.post("/handoffs/:id/resolve", async (c) => close(c, true));

  // The desk socket's ticket (the upgrade itself is staffSocketRoute, registered before auth).
  app.post("/ws-ticket", async (c) => c.json(await service(c).deskTicket(c.get("staff"), c.get("tokenValidUntil"))));

  app.all("*", (c) => jsonError(c, 404, "not_found", "no such staff route"));
  return app;
}

/** The desk's WebSocket upgrade, authenticated by a single-use ticket like the customer's. */
export function staffSocketRoute() {
  const app = new Hono<StaffEnv>();
  app.get("/", async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return jsonError(c, 426, "bad_request", "this route only accepts WebSocket upgrades");
    if (!/^desk\.[A-Za-z0-9_-]{43}$/.test(c.req.query("ticket") ?? "")) return jsonError(c, 401, "unauthorized", "ticket: get one from POST /api/staff/ws-ticket");
    if (!c.env.STAFF) return jsonError(c, 503, "unavailable", "the staff console is not configured", "staff_binding_missing");
    return upgradeOrRefusal(c, await c.env.STAFF.fetch(c.req.raw));
  });
  return app;
}

async function close(c: Context<StaffEnv>, resolved: boolean): Promise<Response> {
  const id = c.req.param("id") ?? "";
  if (!UUID.test(id)) return notFound(c);
  return respond(c, await service(c).close(c.get("staff"), id, resolved));
}

function service(c: Context<StaffEnv>) {
  if (!c.env.STAFF) throw new Error("the STAFF binding is missing");
  return c.env.STAFF;
}

function respond<T>(c: Context<StaffEnv>, result: RpcResult<T>): Response {
  if (!result.ok) return jsonError(c, result.status, result.code, result.message);
  return c.json(result.value as object);
}

function notFound(c: Context<StaffEnv>): Response {
  return jsonError(c, 404, "not_found", "no such hand-off");
}

function auditRead(c: Context<StaffEnv>, customerId: string, payload: Record<string, unknown>): void {
  const staff = c.get("staff");
  audit(c as never, "audit.staff_read", customerId, { staffId: staff.id, role: staff.role, ...payload });
}
