// The notification centre's data: alerts of the last day at or above the chosen severity, then new ones
// live from the alert stream; which of them the user has read. Preferences persist in localStorage.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { asApiError } from '../api/api-error.ts';
import { recentAlerts } from './alerts-api.ts';
import {
  loadMinSeverity,
  loadReadIds,
  mergeNotifications,
  saveMinSeverity,
  saveReadIds,
  severitiesFrom,
  type Notification,
} from './notification-store.ts';
import { useAlertStream } from './use-alert-stream.ts';

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function useNotifications(workspaceId: string) {
  const [minSeverity, setMinSeverityState] = useState(() => loadMinSeverity(storage()));
  const [loaded, setLoaded] = useState<readonly Notification[]>([]);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => loadReadIds(storage(), workspaceId));
  // Whether the server lets this session read the alerts: the stream opens only once a read succeeded,
  // so a session the server restricts (MFA enrolment due, role just revoked) costs one refused request.
  const [allowed, setAllowed] = useState<boolean | undefined>(undefined);
  const { alerts: live, connected } = useAlertStream(workspaceId, minSeverity, allowed === true);

  useEffect(() => {
    const controller = new AbortController();
    recentAlerts(workspaceId, severitiesFrom(minSeverity), controller.signal).then(
      (list) => {
        setLoaded(list.map(({ id, title, severity, createdAt }) => ({ id, title, severity, createdAt })));
        setAllowed(true);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const status = asApiError(e).status;
        setLoaded([]);
        // Refused: stay quiet. Anything else (server busy): the live stream may still work.
        setAllowed(status !== 401 && status !== 403);
      },
    );
    return () => controller.abort();
  }, [workspaceId, minSeverity]);

  const wanted = useMemo(() => new Set(severitiesFrom(minSeverity)), [minSeverity]);
  const items = useMemo(
    () => mergeNotifications(loaded, live).filter((n) => wanted.has(n.severity)),
    [loaded, live, wanted],
  );
  const unread = items.filter((n) => !readIds.has(n.id)).length;

  const markRead = useCallback(
    (ids: readonly string[]) => {
      setReadIds((current) => {
        const next = new Set([...current, ...ids]);
        saveReadIds(storage(), workspaceId, next);
        return next;
      });
    },
    [workspaceId],
  );
  const setMinSeverity = useCallback((severity: string) => {
    saveMinSeverity(storage(), severity);
    setMinSeverityState(severity);
  }, []);

  return { allowed, items, unread, readIds, connected, minSeverity, setMinSeverity, markRead };
}
