import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./errors";
import { NS } from "./strings";

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
}

/**
 * Runs one use case at a time from a view: `busy` while it runs (buttons disable), `error` in words when
 * it throws (the workbook is left as it was: hosts apply a request whole or not at all).
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const { t } = useTranslation(NS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return await fn(...args);
      } catch (e) {
        setError(errorMessage(e, t));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [fn, t]
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
