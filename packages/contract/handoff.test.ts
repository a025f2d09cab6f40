import { describe, expect, it } from "vitest";
import { isStaffRole, STAFF_ROLES } from "./handoff.js";

describe("isStaffRole", () => {
  it("accepts exactly the staff roles", () => {
    for (const role of STAFF_ROLES) expect(isStaffRole(role)).toBe(true);
    for (const other of ["customer", "Agent", "", null, undefined, 1, ["agent"]]) expect(isStaffRole(other)).toBe(false);
  });
});
