import { createServer } from "node:net";

/**
 * Where freePort looks first: below the kernel's ephemeral range (Linux hands out 32768–60999 for
 * `listen(0)` and outgoing connections; macOS and Windows 49152 and up). A port the kernel gave us
 * and we closed went back into that range, and CI once saw another process get it before our
 * server bound it (EADDRINUSE); a port from here is taken only by someone who asks for it by number.
 */
export const PORT_RANGE = { from: 20_000, to: 32_767 } as const;
const TRIES_IN_RANGE = 20;

/** A loopback port that was free a moment ago: one from PORT_RANGE, else one the kernel picks. */
export async function freePort(): Promise<number> {
  for (let i = 0; i < TRIES_IN_RANGE; i++) {
    const port = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from + 1));
    if (await bindable(port)) return port;
  }
  return listenAndClose(0);
}

/** Address in use: Node's listen error, or an error that says so with the same code (PortInUseError). */
export function isAddressInUse(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "EADDRINUSE";
}

/**
 * Starts something on a free port, and again on another one if the port was taken between the
 * pick and the bind (EADDRINUSE); any other failure is thrown at once, as is the last one.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (!isAddressInUse(error) || attempt >= tries) throw error;
    }
  }
}

function bindable(port: number): Promise<boolean> {
  return listenAndClose(port).then(
    () => true,
    () => false,
  );
}

function listenAndClose(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}
