import type { GatewayEnv } from "../env.js";

export const DEFAULT_STAFF_ROLE_CLAIM = "teller_role";

/** The workforce token's claim naming the staff role (STAFF_ROLE_CLAIM, default "teller_role"). */
export function staffRoleClaim(env: GatewayEnv): string {
  const name = env.STAFF_ROLE_CLAIM?.trim();
  return name && /^[A-Za-z0-9_:./-]{1,64}$/.test(name) ? name : DEFAULT_STAFF_ROLE_CLAIM;
}
