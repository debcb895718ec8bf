// Pages through the filtered audit log: backwards (newest first) by the server's `next` seq, with the earlier cursors
// kept so the reader can page back. A new filter starts at page 1.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { readAudit, type AuditFilter, type AuditPage } from './audit-api.ts';

export interface AuditLogState {
  readonly status: 'loading' | 'done' | 'failed';
  readonly page: number;
  readonly result: AuditPage | undefined;
  readonly error: ApiError | undefined;
}

export function useAuditLog(workspaceId: string, filter: AuditFilter) {
  const [state, setState] = useState<AuditLogState>({
    status: 'loading',
    page: 1,
    result: undefined,
    error: undefined,
  });
  const [page, setPage] = useState(1);
  const [round, setRound] = useState(0);
  // cursors[i] fetches page i + 1; page 1 has none.
  const cursors = useRef<(string | undefined)[]>([undefined]);
  const filterKey = JSON.stringify(filter);
  const lastFilter = useRef(filterKey);

  useEffect(() => {
    if (lastFilter.current !== filterKey) {
      lastFilter.current = filterKey;
      cursors.current = [undefined];
      if (page !== 1) {
        setPage(1);
        return undefined;
      }
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading', error: undefined }));
    readAudit(workspaceId, filter, cursors.current[page - 1], controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        cursors.current[page] = result.next;
        setState({ status: 'done', page, result, error: undefined });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = asApiError(e);
        if (!redirectIfSignedOut(error)) setState((s) => ({ ...s, status: 'failed', error }));
      },
    );
    return () => controller.abort();
    // `filter` is represented by `filterKey`.
  }, [workspaceId, filterKey, page, round]);

  const goTo = useCallback((p: number) => {
    if (p >= 1 && p <= cursors.current.length) setPage(p);
  }, []);
  /** Reads the page shown again (new records may have arrived). */
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  const hasNext = state.result?.next !== undefined;
  return { state, goTo, hasNext, refresh };
}
