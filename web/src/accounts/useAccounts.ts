import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, plainError } from "../api.js";
import type { AccountView } from "../../../packages/dialogue/types.js";

export type AccountsState =
  | { state: "loading" }
  | { state: "ready"; accounts: AccountView[] }
  /** The server has no accounts API (older gateway). */
  | { state: "unavailable" }
  | { state: "error"; message: string };

/** The side panel's data: `GET /api/accounts`, fetched again on demand (e.g. after a transfer). */
export function useAccounts(token: string, onExpired: () => void) {
  const [accounts, setAccounts] = useState<AccountsState>({ state: "loading" });
  const latest = useRef(0);
  const expiredRef = useRef(onExpired);
  expiredRef.current = onExpired;

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const accounts = await api.accounts(token);
      // An older, slower answer must not overwrite a newer one.
      if (request === latest.current) setAccounts({ state: "ready", accounts });
    } catch (error) {
      if (request !== latest.current) return;
      if (error instanceof ApiError && error.status === 401) return expiredRef.current();
      if (error instanceof ApiError && error.status === 404) return setAccounts({ state: "unavailable" });
      setAccounts({ state: "error", message: plainError(error) });
    }
  }, [token]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { accounts, refresh };
}
