// New alerts of a workspace as they are raised: an EventSource on `…/alerts/stream?minSeverity=`
// (Server-Sent Events, `event: alert` with a JSON summary). The browser reconnects by itself.
import { useEffect, useState } from 'react';
import { obj, str } from '../admin/parse.ts';
import { alertsBase } from './alerts-api.ts';

export interface LiveAlert {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
}

/** Keeps at most this many notifications. */
const KEEP = 50;

export function useAlertStream(workspaceId: string, minSeverity: string) {
  const [alerts, setAlerts] = useState<readonly LiveAlert[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
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
      const alert = { id, title: str(a['title']) ?? id, severity: str(a['severity']) ?? 'medium' };
      setAlerts((list) => [alert, ...list.filter((x) => x.id !== id)].slice(0, KEEP));
    });
    return () => source.close();
  }, [workspaceId, minSeverity]);
  return { alerts, connected, clear: () => setAlerts([]) };
}
