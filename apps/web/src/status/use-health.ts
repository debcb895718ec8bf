// Polls the server's health endpoints: once on mount, then every `intervalMs` after each answer
// (a slow server is never asked twice at once), and on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchJson } from './fetch-json.ts';
import { deriveHealth, type HealthView } from './health-view.ts';

export interface HealthState {
  readonly view: HealthView | null;
  /** When the last round of requests finished, whatever its outcome. */
  readonly refreshedAt: Date | null;
  /** When the server last answered at all. */
  readonly lastContactAt: Date | null;
  readonly refreshing: boolean;
}

const INITIAL: HealthState = { view: null, refreshedAt: null, lastContactAt: null, refreshing: true };

export function useHealth(intervalMs: number): HealthState & { readonly refresh: () => void } {
  const [state, setState] = useState<HealthState>(INITIAL);
  const refreshRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    let inFlight = false;

    const poll = async () => {
      if (inFlight) return;
      inFlight = true;
      window.clearTimeout(timer);
      setState((s) => ({ ...s, refreshing: true }));
      const [healthz, readyz, version] = await Promise.all([
        fetchJson('/healthz', controller.signal),
        fetchJson('/readyz', controller.signal),
        fetchJson('/api/v1/version', controller.signal),
      ]);
      inFlight = false;
      if (controller.signal.aborted) return;
      const view = deriveHealth({ healthz, readyz, version });
      const now = new Date();
      setState((s) => ({
        view,
        refreshedAt: now,
        lastContactAt: view.overall === 'unreachable' ? s.lastContactAt : now,
        refreshing: false,
      }));
      timer = window.setTimeout(() => void poll(), intervalMs);
    };

    refreshRef.current = () => void poll();
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [intervalMs]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { ...state, refresh };
}
