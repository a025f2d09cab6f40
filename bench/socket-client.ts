import WebSocket from "ws";

/**
 * A benchmark's WebSocket client: one request in flight at a time (a closed-loop client), each
 * answered by the first frame that matches. JSON frames both ways.
 */
export type Frame = Record<string, unknown>;

export interface BenchSocket {
  /** Sends `frame` and resolves with the first later frame `done` accepts (undefined on close/timeout). */
  request(frame: Frame, done: (frame: Frame) => boolean): Promise<Frame | undefined>;
  /** The first frame (already received or to come) `done` accepts. */
  next(done: (frame: Frame) => boolean): Promise<Frame | undefined>;
  close(): void;
}

const TIMEOUT_MS = 30_000;

export function openSocket(url: string): Promise<BenchSocket> {
  const ws = new WebSocket(url);
  const early: Frame[] = [];
  let waiter: { done: (frame: Frame) => boolean; resolve: (frame: Frame | undefined) => void; timer: NodeJS.Timeout } | undefined;
  const settle = (frame: Frame | undefined) => {
    const current = waiter!;
    waiter = undefined;
    clearTimeout(current.timer);
    current.resolve(frame);
  };
  ws.on("message", (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    if (!waiter) early.push(frame);
    else if (waiter.done(frame)) settle(frame);
  });
  ws.on("close", () => waiter && settle(undefined));
  const wait = (done: (frame: Frame) => boolean) =>
    new Promise<Frame | undefined>((resolve) => {
      waiter = { done, resolve, timer: setTimeout(() => settle(undefined), TIMEOUT_MS) };
    });
  const socket: BenchSocket = {
    next(done) {
      const index = early.findIndex(done);
      if (index >= 0) return Promise.resolve(early.splice(0, index + 1).at(-1));
      early.length = 0;
      return wait(done);
    },
    request(frame, done) {
      early.length = 0;
      const answer = wait(done);
      ws.send(JSON.stringify(frame));
      return answer;
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(socket));
    ws.once("error", reject);
  });
}
