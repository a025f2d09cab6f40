import { describe, expect, it } from "vitest";
import { canAct, canSee, firstName, isStaffRole, type Staff } from "./staff.js";

const dana: Staff = { id: "stf_dana", name: "Dana Whitfield", role: "agent" };
const omar: Staff = { id: "stf_omar", name: "Omar Haddad", role: "agent" };
const grace: Staff = { id: "stf_grace", name: "Grace Lin", role: "supervisor" };

describe("staff visibility", () => {
  it("shows an agent what is queued and what they hold, nothing else", () => {
    expect(canSee(dana, { status: "queued", agentId: null })).toBe(true);
    expect(canSee(dana, { status: "assigned", agentId: dana.id })).toBe(true);
    expect(canSee(omar, { status: "assigned", agentId: dana.id })).toBe(false);
    for (const status of ["returned", "resolved", "left", "expired"]) expect(canSee(dana, { status, agentId: dana.id })).toBe(false);
  });

  it("shows a supervisor everything", () => {
    for (const status of ["queued", "assigned", "returned", "resolved", "left", "expired"]) expect(canSee(grace, { status, agentId: dana.id })).toBe(true);
  });

  it("lets only the holder write or hand back; a supervisor may also resolve", () => {
    const held = { status: "assigned", agentId: dana.id };
    expect(canAct(dana, held, "message")).toBe(true);
    expect(canAct(omar, held, "message")).toBe(false);
    expect(canAct(grace, held, "message")).toBe(false);
    expect(canAct(grace, held, "hand_back")).toBe(false);
    expect(canAct(grace, held, "resolve")).toBe(true);
    expect(canAct(dana, { status: "queued", agentId: null }, "message")).toBe(false);
  });

  it("accepts only known roles and shows the first name", () => {
    expect(["agent", "supervisor", "admin", "", null, ["agent"]].map(isStaffRole)).toEqual([true, true, false, false, false, false]);
    expect(firstName("  Dana   Whitfield ")).toBe("Dana");
    expect(firstName("")).toBe("Someone");
  });
});
