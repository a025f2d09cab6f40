import type { ChatService } from "../chat/chat.service.js";
import type { BankingService } from "../chat/banking.service.js";

export interface GatewayEnv {
  ENVIRONMENT: "local" | "staging" | "production";
  /** The chat Worker, entrypoint ChatService, over a service binding (native RPC). */
  CHAT: Service<ChatService>;
  /** The chat Worker's banking domain, entrypoint BankingService (native RPC). */
  BANKING: Service<BankingService>;
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
}
