import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { plainError } from "../api.js";
import type { AuthConfig } from "../config.js";

const config = vi.hoisted(() => ({ staffAuth: undefined as AuthConfig | undefined }));
const staffApi = vi.hoisted(() => ({ demoStaff: vi.fn(), login: vi.fn() }));
vi.mock("../config.js", () => ({ loadConfig: async () => ({ auth: { mode: "dev" }, ...(config.staffAuth ? { staffAuth: config.staffAuth } : {}) }) }));
vi.mock("./staffApi.js", () => ({ staffApi }));

import { StaffSignIn } from "./StaffSignIn.js";

const OIDC: AuthConfig = { mode: "oidc", authorizationEndpoint: "https://idp.example/authorize", tokenEndpoint: "https://idp.example/token", clientId: "desk", scope: "openid", redirectPath: "/agent/callback" };

beforeEach(() => {
  vi.clearAllMocks();
  config.staffAuth = undefined;
  staffApi.demoStaff.mockResolvedValue({ staff: [{ id: "s1", name: "Dana", role: "agent" }] });
  staffApi.login.mockResolvedValue({ token: "tok" });
});
afterEach(cleanup);

describe("StaffSignIn", () => {
  it("lists the demo staff under the console's heading and signs in the one picked", async () => {
    const onToken = vi.fn();
    render(<StaffSignIn onToken={onToken} reason={null} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Teller — staff console");
    fireEvent.click(await screen.findByRole("button", { name: "Dana (agent)" }));
    await waitFor(() => expect(onToken).toHaveBeenCalledWith("tok"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers the bank's staff sign-in, not the demo staff, when the deployment configures one", async () => {
    config.staffAuth = OIDC;
    render(<StaffSignIn onToken={vi.fn()} reason="Your session ended." />);
    expect(await screen.findByRole("button", { name: "Sign in with your bank staff account" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Teller — staff console");
    expect(screen.getByRole("alert").textContent).toBe("Your session ended.");
    expect(screen.queryByRole("heading", { name: "Sign in as demo staff" })).toBeNull();
    expect(staffApi.demoStaff).not.toHaveBeenCalled();
  });

  it("says why a demo sign-in failed", async () => {
    const failure = new Error("The service is unavailable.");
    staffApi.login.mockRejectedValue(failure);
    render(<StaffSignIn onToken={vi.fn()} reason={null} />);
    fireEvent.click(await screen.findByRole("button", { name: "Dana (agent)" }));
    expect((await screen.findByRole("alert")).textContent).toBe(plainError(failure));
  });
});
