import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv, loadConfig, normalise } from "./config.js";

describe("staff sign-in configuration", () => {
  it("keeps the workforce provider apart from the customers' one, with its own redirect under /agent", () => {
    const config = normalise({
      auth: { mode: "oidc", authorizationEndpoint: "https://login.bank/a", tokenEndpoint: "https://login.bank/t", clientId: "web" },
      staffAuth: { mode: "oidc", authorizationEndpoint: "https://workforce.bank/a", tokenEndpoint: "https://workforce.bank/t", clientId: "agent-console" },
    });
    expect(config.auth).toMatchObject({ mode: "oidc", clientId: "web", redirectPath: "/auth/callback" });
    expect(config.staffAuth).toMatchObject({ mode: "oidc", clientId: "agent-console", redirectPath: "/agent/callback", scope: "openid profile" });
  });

  it("has no staff provider unless one is configured (the console then offers the development demo staff)", () => {
    expect(normalise({ auth: { mode: "dev" } }).staffAuth).toBeUndefined();
    expect(configFromEnv({}).staffAuth).toBeUndefined();
  });

  it("reads the staff provider from VITE_STAFF_OIDC_* and refuses an incomplete one", () => {
    const config = configFromEnv({
      VITE_STAFF_AUTH_MODE: "oidc",
      VITE_STAFF_OIDC_AUTHORIZATION_ENDPOINT: "https://workforce.bank/a",
      VITE_STAFF_OIDC_TOKEN_ENDPOINT: "https://workforce.bank/t",
      VITE_STAFF_OIDC_CLIENT_ID: "agent-console",
    });
    expect(config.auth).toEqual({ mode: "dev" });
    expect(config.staffAuth).toMatchObject({ mode: "oidc", clientId: "agent-console" });
    expect(() => normalise({ staffAuth: { mode: "oidc", clientId: "agent-console" } })).toThrow(ConfigError);
  });

  it("refuses an incomplete config.json instead of falling back to the development sign-in", async () => {
    const incomplete = async () =>
      new Response(JSON.stringify({ auth: { mode: "oidc", clientId: "web" } }), { headers: { "content-type": "application/json" } });
    await expect(loadConfig(incomplete as typeof fetch)).rejects.toBeInstanceOf(ConfigError);
  });

  it("falls back to the build's settings when config.json is missing (the SPA answers with index.html)", async () => {
    const html = async () => new Response("<!doctype html>", { headers: { "content-type": "text/html" } });
    await expect(loadConfig(html as typeof fetch)).resolves.toMatchObject({ auth: { mode: "dev" } });
  });
});
