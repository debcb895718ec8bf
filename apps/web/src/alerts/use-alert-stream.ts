// New alerts of a workspace as they are raised: an EventSource on `…/alerts/stream?minSeverity=`
// (Server-Sent Events, `event: alert` with a JSON summary). The browser reconnects by itself.
import { useEffect, useState } from 'react';
import { obj, str } from '../admin/parse.ts';
import { alertsBase } from './alerts-api.ts';

export interface LiveAlert {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  /** Alert creation time, epoch ms (the time it arrived here when the server sent none). */
  readonly createdAt: number;
}

/** Keeps at most this many notifications. */
const KEEP = 50;

/** `enabled: false` opens no connection (e.g. until the caller knows the server will not refuse it). */
export function useAlertStream(workspaceId: string, minSeverity: string, enabled = true) {
  const [alerts, setAlerts] = useState<readonly LiveAlert[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return undefined;
    const url = `${alertsBase(workspaceId)}/stream?minSeverity=${encodeURIComponent(minSeverity)}`;
    const source = new EventSource(url, { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('alert', (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent<string>).data) as unknown;
      } catch {
        return;
      }
      const a = obj(data);
      const id = str(a['id']);
      if (id === undefined) return;
      const created = a['createdAt'];
      const alert = {
        id,
        title: str(a['title']) ?? id,
        severity: str(a['severity']) ?? 'medium',
        createdAt: typeof created === 'number' ? created : Date.now(),
      };
      setAlerts((list) => [alert, ...list.filter((x) => x.id !== id)].slice(0, KEEP));
    });
    return () => source.close();
  }, [workspaceId, minSeverity, enabled]);
  return { alerts, connected, clear: () => setAlerts([]) };
}
