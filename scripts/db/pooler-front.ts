import { createServer, type AddressInfo, type Socket } from "node:net";
import type { TransactionPooler } from "./pg-pooler.js";
import type { PoolerClient } from "./pooler-session.js";

export interface PoolerFront {
  port: number;
  /** Closes the pooler, drops its clients' sockets and stops listening. */
  close(): Promise<void>;
}

/**
 * A pooler served on a loopback TCP port: the embedded Postgres's own port, and the pooler's tests
 * in front of the PostgreSQL server. Rejects when the port cannot be listened on.
 */
export async function listenPooler(pooler: TransactionPooler, port = 0): Promise<PoolerFront> {
  const sockets = new Set<Socket>();
  const front = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    pooler.serve(socketClient(socket));
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (front.address() as AddressInfo).port,
    async close() {
      pooler.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}

/** A plain TCP client socket as a pooler client (the embedded Postgres's own port). */
export function socketClient(socket: Socket): PoolerClient {
  socket.setNoDelay(true);
  return {
    get readyState() {
      return socket.destroyed || !socket.writable ? 3 : 1;
    },
    OPEN: 1,
    CONNECTING: 0,
    send: (data) => void socket.write(data),
    close: () => void socket.end(),
    terminate: () => void socket.destroy(),
    on(event: "message" | "close" | "error", listener: (data: Buffer) => void) {
      socket.on(event === "message" ? "data" : event, listener);
      return this;
    },
  };
}
