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
}

const DEFAULT_REDIRECT_PATH = "/auth/callback";

export function configFromEnv(env: Record<string, string | undefined>): AppConfig {
  if (env.VITE_AUTH_MODE !== "oidc") return { auth: { mode: "dev" } };
  return normalise({
    auth: {
      mode: "oidc",
      authorizationEndpoint: env.VITE_OIDC_AUTHORIZATION_ENDPOINT,
      tokenEndpoint: env.VITE_OIDC_TOKEN_ENDPOINT,
      clientId: env.VITE_OIDC_CLIENT_ID,
      scope: env.VITE_OIDC_SCOPE,
      audience: env.VITE_OIDC_AUDIENCE,
      redirectPath: env.VITE_OIDC_REDIRECT_PATH,
    },
  });
}

/** Validates a config object; anything incomplete for OIDC is an error, never a silent dev login. */
export function normalise(value: unknown): AppConfig {
  const auth = (value as { auth?: Record<string, unknown> } | null)?.auth;
  if (!auth || auth.mode !== "oidc") return { auth: { mode: "dev" } };
  const text = (key: string) => (typeof auth[key] === "string" && auth[key] ? (auth[key] as string) : undefined);
  const authorizationEndpoint = text("authorizationEndpoint");
  const tokenEndpoint = text("tokenEndpoint");
  const clientId = text("clientId");
  if (!authorizationEndpoint || !tokenEndpoint || !clientId) {
    throw new Error("config: OIDC needs authorizationEndpoint, tokenEndpoint and clientId");
  }
  return {
    auth: {
      mode: "oidc",
      authorizationEndpoint,
      tokenEndpoint,
      clientId,
      scope: text("scope") ?? "openid profile",
      audience: text("audience"),
      redirectPath: text("redirectPath") ?? DEFAULT_REDIRECT_PATH,
    },
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
    if (error instanceof Error && error.message.startsWith("config:")) throw error;
  }
  return configFromEnv(import.meta.env as Record<string, string | undefined>);
}
