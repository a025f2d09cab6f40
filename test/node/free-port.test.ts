import { createServer, type Server } from "node:net";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { PORT_RANGE, freePort, isAddressInUse, onFreePort } from "../support/free-port.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      servers.push(server);
      resolve(server);
    });
  });
}

describe("freePort", () => {
  it("picks a bindable port below the kernel's ephemeral range, which listen(0) and outgoing connections draw from", async () => {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    expect(PORT_RANGE.to).toBeLessThan(low ?? 32_768);
    for (let i = 0; i < 5; i++) {
      const port = await freePort();
      expect(port).toBeGreaterThanOrEqual(PORT_RANGE.from);
      expect(port).toBeLessThanOrEqual(PORT_RANGE.to);
      await listen(port);
    }
  });
});

describe("onFreePort", () => {
  it("starts again on another port when the one it was given was taken before the bind (EADDRINUSE)", async () => {
    const taken = (await listen(0)).address();
    const takenPort = typeof taken === "object" && taken ? taken.port : 0;
    const given: number[] = [];
    // The first start binds the port someone else already holds, as the race in CI did.
    const server = await onFreePort(async (port) => {
      given.push(port);
      return listen(given.length === 1 ? takenPort : port);
    });
    expect(given).toHaveLength(2);
    const address = server.address();
    expect(typeof address === "object" && address ? address.port : 0).toBe(given[1]);
  });

  it("throws any other failure at once, and EADDRINUSE after the last try", async () => {
    let calls = 0;
    const refused = Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    await expect(onFreePort(async () => (calls++, Promise.reject(refused)))).rejects.toBe(refused);
    expect(calls).toBe(1);
    calls = 0;
    const inUse = Object.assign(new Error("in use"), { code: "EADDRINUSE" });
    await expect(onFreePort(async () => (calls++, Promise.reject(inUse)), 3)).rejects.toBe(inUse);
    expect(calls).toBe(3);
    expect(isAddressInUse(inUse)).toBe(true);
    expect(isAddressInUse(new Error("EADDRINUSE in the text only"))).toBe(false);
  });
});
