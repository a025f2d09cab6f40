import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, render, screen } from "@testing-library/react";
import { App } from "../App.js";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe("offline, signed out", () => {
  it("shows the offline screen instead of sign-in, asks nothing of the API, and carries on when back online", async () => {
    let online = false;
    vi.spyOn(navigator, "onLine", "get").mockImplementation(() => online);
    const fetches: string[] = [];
    vi.stubGlobal("fetch", (input: RequestInfo | URL) => {
      fetches.push(String(input));
      return online
        ? Promise.resolve(new Response(JSON.stringify({ customers: [{ id: "cus_a", name: "Alex Kim" }] }), { headers: { "content-type": "application/json" } }))
        : Promise.reject(new TypeError("Failed to fetch"));
    });
    render(<App />);
    await screen.findByRole("heading", { name: "You're offline" });
    expect(fetches.filter((url) => url.startsWith("/api/") || url.startsWith("/dev/"))).toEqual([]);
    online = true;
    await act(async () => {
      window.dispatchEvent(new Event("online"));
    });
    await screen.findByRole("button", { name: "Alex Kim" });
    vi.unstubAllGlobals();
  });
});
