/**
 * Non-secret runtime configuration: `/config.json` when the deployment provides one, else the
 * build-time env (VITE_*), else the local development identity provider.
 */
export interface OidcConfig {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  scope: string;
  /** Sent as `audience` where the provider wants one for the API's access token. */
  audience?: string;
  /** Path the provider redirects back to (registered with it). */
  redirectPath: string;
}

export type AuthConfig = { mode: "dev" } | ({ mode: "oidc" } & OidcConfig);

export interface AppConfig {
  auth: AuthConfig;
  /**
   * The bank's workforce provider for the staff console at /agent (its own issuer and client):
   * absent, the console offers the development provider's demo staff.
   */
  staffAuth?: AuthConfig;
}

const DEFAULT_REDIRECT_PATH = "/auth/callback";
const DEFAULT_STAFF_REDIRECT_PATH = "/agent/callback";

export function configFromEnv(env: Record<string, string | undefined>): AppConfig {
  const oidcFromEnv = (prefix: string) => ({
    mode: "oidc",
    authorizationEndpoint: env[`${prefix}_AUTHORIZATION_ENDPOINT`],
    tokenEndpoint: env[`${prefix}_TOKEN_ENDPOINT`],
    clientId: env[`${prefix}_CLIENT_ID`],
    scope: env[`${prefix}_SCOPE`],
    audience: env[`${prefix}_AUDIENCE`],
    redirectPath: env[`${prefix}_REDIRECT_PATH`],
  });
  return normalise({
    ...(env.VITE_AUTH_MODE === "oidc" ? { auth: oidcFromEnv("VITE_OIDC") } : {}),
    ...(env.VITE_STAFF_AUTH_MODE === "oidc" ? { staffAuth: oidcFromEnv("VITE_STAFF_OIDC") } : {}),
  });
}

/** A deployment's config.json or VITE_* settings are incomplete: shown, never replaced by a dev login. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Validates a config object; anything incomplete for OIDC is an error, never a silent dev login. */
export function normalise(value: unknown): AppConfig {
  const config = value as { auth?: Record<string, unknown>; staffAuth?: Record<string, unknown> } | null;
  const staffAuth = config?.staffAuth?.mode === "oidc" ? normaliseAuth(config.staffAuth, DEFAULT_STAFF_REDIRECT_PATH) : undefined;
  return { auth: normaliseAuth(config?.auth, DEFAULT_REDIRECT_PATH), ...(staffAuth ? { staffAuth } : {}) };
}

function normaliseAuth(auth: Record<string, unknown> | undefined, defaultRedirectPath: string): AuthConfig {
  if (!auth || auth.mode !== "oidc") return { mode: "dev" };
  const text = (key: string) => (typeof auth[key] === "string" && auth[key] ? (auth[key] as string) : undefined);
  const authorizationEndpoint = text("authorizationEndpoint");
  const tokenEndpoint = text("tokenEndpoint");
  const clientId = text("clientId");
  if (!authorizationEndpoint || !tokenEndpoint || !clientId) {
    throw new ConfigError("config: OIDC needs authorizationEndpoint, tokenEndpoint and clientId");
  }
  return {
    mode: "oidc",
    authorizationEndpoint,
    tokenEndpoint,
    clientId,
    scope: text("scope") ?? "openid profile",
    audience: text("audience"),
    redirectPath: text("redirectPath") ?? defaultRedirectPath,
  };
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  try {
    const response = await fetchImpl("/config.json", { cache: "no-cache" });
    // The SPA fallback answers a missing file with index.html: only JSON counts.
    if (response.ok && (response.headers.get("content-type") ?? "").includes("json")) {
      return normalise(await response.json());
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
  }
  return configFromEnv(import.meta.env as Record<string, string | undefined>);
}
