import type { ChatService } from "../chat/chat.service.js";
import type { BankingService } from "../chat/banking.service.js";
import type { StaffService } from "../chat/staff.service.js";
import type { IntentDecision } from "../../packages/contract/chat.js";
import type { ErrorCode } from "../../packages/contract/errors.js";

export interface GatewayEnv {
  ENVIRONMENT: "local" | "staging" | "production";
  /** The chat Worker, entrypoint ChatService, over a service binding (native RPC). */
  CHAT: Service<ChatService>;
  /** The chat Worker's banking domain, entrypoint BankingService (native RPC). */
  BANKING: Service<BankingService>;
  /** The chat Worker's staff console, entrypoint StaffService (native RPC). */
  STAFF?: Service<StaffService>;
  /** Expected `iss` and `aud` of workforce (staff) tokens: never the customers' pair. */
  STAFF_AUTH_ISSUER?: string;
  STAFF_AUTH_AUDIENCE?: string;
  /** The workforce provider's JWKS endpoint, or its JWKS pinned as JSON. */
  STAFF_AUTH_JWKS_URL?: string;
  STAFF_AUTH_JWKS?: string;
  /** The claim naming the staff role ("agent" | "supervisor"); default "teller_role". */
  STAFF_ROLE_CLAIM?: string;
  /** The built web app (Workers static assets). */
  ASSETS?: Fetcher;
  /** Expected `iss` and `aud` of customer tokens. */
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  /** The bank's OIDC JWKS endpoint (staging/production). */
  AUTH_JWKS_URL?: string;
  /** Or the JWKS itself, as JSON, for deployments that pin their keys. */
  AUTH_JWKS?: string;
  /** "true" only in the local environment: turns on /dev/* and trusts its key. */
  DEV_IDP_ENABLED?: string;
  /** The development identity provider's private signing key (a JWK, JSON). Local only. */
  DEV_IDP_PRIVATE_JWK?: string;
  /** Token checks (see config.ts for defaults and bounds). AUTH_TOKEN_TYPE: the required `typ`. */
  AUTH_TOKEN_TYPE?: string;
  AUTH_CLOCK_TOLERANCE_SECONDS?: string;
  AUTH_MAX_TOKEN_AGE_SECONDS?: string;
  /** Largest request body accepted, in bytes (413 above). */
  MAX_BODY_BYTES?: string;
  /** The web app's origin when it is served from another origin (CORS); unset: same origin only. */
  WEB_ORIGIN?: string;
  /** "warn" drops the per-request info lines (the test Worker); anything else logs them. */
  LOG_LEVEL?: string;
  /** Key for the pseudonymous customer ids in logs (a secret outside local). */
  LOG_HASH_SALT?: string;
  /** Producer for the `chat-events` queue: the gateway's audit events (audit.auth, …). */
  AUDIT_EVENTS?: Queue;
  /** Workers Rate Limiting bindings (wrangler.toml `[[ratelimits]]`, see rate-limit.ts). */
  RL_IP?: RateLimit;
  RL_READ?: RateLimit;
  RL_CHAT?: RateLimit;
  RL_MONEY?: RateLimit;
}

/** What the gateway's middleware sets on a request (hono Variables). */
export interface AuthVariables {
  /** The verified token's `sub`: the only customer identity anything downstream sees. */
  customerId: string;
  /** When the verified token stops being acceptable (ms): an open WebSocket closes then. */
  tokenValidUntil?: number;
  requestId: string;
  /** Why authentication failed, for the request log (a fixed code, never token content). */
  authFailure?: string;
  /** Which limiter refused the request, for the request log. */
  rateLimited?: string;
  /** Which path decided a chat turn's intent, for the request log (never the message text). */
  intentDecision?: IntentDecision;
  /** The code of the error the gateway answered with (jsonError), for the request log: a 503's cause is a code, not a guess. */
  errorCode?: ErrorCode;
  /** Which of a code's causes (jsonError's `cause`): the 503s the gateway makes itself each name theirs. */
  errorCause?: string;
}
