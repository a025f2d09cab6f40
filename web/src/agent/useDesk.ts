/** The staff desk socket: queue changes and conversation messages pushed live (no polling). */
import { useEffect, useRef, useState } from "react";
import type { StaffDeskFrame } from "../../../packages/contract/handoff.js";
import { staffApi } from "./staffApi.js";

const MAX_RETRY_MS = 15_000;
const PING_EVERY_MS = 25_000;

export function useDesk(token: string, onFrame: (frame: StaffDeskFrame) => void, onExpired: () => void): "connecting" | "live" | "reconnecting" {
  const [status, setStatus] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const onFrameRef = useRef(onFrame);
  onFrameRef.current = onFrame;
  const onExpiredRef = useRef(onExpired);
  onExpiredRef.current = onExpired;

  useEffect(() => {
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    const again = () => {
      if (stopped) return;
      setStatus("reconnecting");
      retry = setTimeout(connect, Math.min(MAX_RETRY_MS, 500 * 2 ** attempt++));
    };
    async function connect() {
      let ticket: string;
      try {
        ticket = (await staffApi.deskTicket(token)).ticket;
      } catch (error) {
        if ((error as { status?: number }).status === 401) return onExpiredRef.current();
        return again();
      }
      if (stopped) return;
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      socket = new WebSocket(`${scheme}://${location.host}/api/staff/ws?ticket=${encodeURIComponent(ticket)}`);
      socket.onopen = () => {
        attempt = 0;
        setStatus("live");
        // Whatever changed while the socket was down: read the queue again.
        onFrameRef.current({ type: "queue_changed" });
        ping = setInterval(() => socket?.send('{"type":"ping"}'), PING_EVERY_MS);
      };
      socket.onmessage = (event) => {
        try {
          const frame = JSON.parse(String(event.data)) as StaffDeskFrame | { type: "pong" };
          if (frame.type !== "pong") onFrameRef.current(frame);
        } catch {
          // not a frame we know: ignored
        }
      };
      socket.onclose = (event) => {
        clearInterval(ping);
        socket = null;
        if (event.code === 4401) return onExpiredRef.current();
        again();
      };
    }
    void connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      socket?.close();
    };
  }, [token]);
  return status;
}
