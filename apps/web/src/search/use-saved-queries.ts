// The workspace's saved queries, reloaded after each change. A refusal (no `queries.read`) hides them.
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { listSavedQueries, type SavedQuery } from './saved-queries-api.ts';

export function useSavedQueries(workspaceId: string) {
  const [items, setItems] = useState<readonly SavedQuery[] | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listSavedQueries(workspaceId, controller.signal).then(
      (list) => {
        setItems(list);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(e));
      },
    );
    return () => controller.abort();
  }, [workspaceId, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, error, reload };
}
