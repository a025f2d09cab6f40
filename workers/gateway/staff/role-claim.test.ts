import { describe, expect, it } from "vitest";
import type { GatewayEnv } from "../env.js";
import { DEFAULT_STAFF_ROLE_CLAIM, staffRoleClaim } from "./role-claim.js";

const withClaim = (STAFF_ROLE_CLAIM?: string) => ({ STAFF_ROLE_CLAIM }) as GatewayEnv;

describe("the staff role claim's name", () => {
  it("is teller_role unless configured, and a configured name that is no plain claim name falls back to it", () => {
    expect(staffRoleClaim(withClaim())).toBe(DEFAULT_STAFF_ROLE_CLAIM);
    expect(staffRoleClaim(withClaim(" https://bank.example/roles "))).toBe("https://bank.example/roles");
    expect(staffRoleClaim(withClaim("role claim"))).toBe(DEFAULT_STAFF_ROLE_CLAIM);
    expect(staffRoleClaim(withClaim("r".repeat(65)))).toBe(DEFAULT_STAFF_ROLE_CLAIM);
    expect(staffRoleClaim(withClaim(""))).toBe(DEFAULT_STAFF_ROLE_CLAIM);
  });
});
