import { describe, expect, it } from "vitest";
import { DEFAULTS, gatewayConfig } from "./config.js";
import type { GatewayEnv } from "./env.js";

const config = (vars: Partial<Record<keyof GatewayEnv, string>>) => gatewayConfig(vars as unknown as GatewayEnv);

describe("the gateway's configuration", () => {
  it("requires RFC 9068 access tokens (typ at+jwt) unless told otherwise", () => {
    expect(config({}).tokenType).toBe("at+jwt");
    expect(config({ AUTH_TOKEN_TYPE: "JWT" }).tokenType).toBe("JWT");
    expect(config({ AUTH_TOKEN_TYPE: "application/at+jwt" }).tokenType).toBe("application/at+jwt");
  });

  it("turns the typ check off only for the exact word any; a typo keeps the default", () => {
    expect(config({ AUTH_TOKEN_TYPE: "any" }).tokenType).toBeUndefined();
    for (const typo of ["", " ", "at+jwt; charset", "*", "x".repeat(65)]) {
      expect({ typo, type: config({ AUTH_TOKEN_TYPE: typo }).tokenType }).toEqual({ typo, type: DEFAULTS.tokenType });
    }
    // Fails closed: another spelling is taken as a type to require, which no token carries.
    for (const spelling of ["ANY", "Any"]) {
      expect(config({ AUTH_TOKEN_TYPE: spelling }).tokenType).toBe(spelling);
    }
  });

  it("clamps numbers to safe ranges and ignores malformed ones", () => {
    expect(config({ AUTH_CLOCK_TOLERANCE_SECONDS: "5" }).clockToleranceSeconds).toBe(5);
    expect(config({ AUTH_CLOCK_TOLERANCE_SECONDS: "99999" }).clockToleranceSeconds).toBe(120);
    expect(config({ AUTH_CLOCK_TOLERANCE_SECONDS: "-1" }).clockToleranceSeconds).toBe(DEFAULTS.clockToleranceSeconds);
    expect(config({ AUTH_MAX_TOKEN_AGE_SECONDS: "1" }).maxTokenAgeSeconds).toBe(60);
    expect(config({ MAX_BODY_BYTES: "1e9" }).maxBodyBytes).toBe(DEFAULTS.maxBodyBytes);
  });

  it("allows CORS only for a bare https (or localhost) origin", () => {
    expect(config({ WEB_ORIGIN: "https://app.bank.example" }).webOrigin).toBe("https://app.bank.example");
    expect(config({ WEB_ORIGIN: "http://localhost:5173" }).webOrigin).toBe("http://localhost:5173");
    for (const bad of ["*", "https://app.bank.example/", "http://app.bank.example", "https://*.bank.example", "null"]) {
      expect({ bad, origin: config({ WEB_ORIGIN: bad }).webOrigin }).toEqual({ bad, origin: undefined });
    }
  });
});
