// Runs searches for the search page: one request at a time (a new one aborts the old), cursor paging
// forwards with the cursors kept so the analyst can page back.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { searchEvents, type SearchInput, type SearchResult } from './search-api.ts';

export interface SearchState {
  readonly status: 'idle' | 'running' | 'done' | 'failed';
  readonly input: SearchInput | undefined;
  readonly result: SearchResult | undefined;
  readonly error: ApiError | undefined;
  /** 1-based page number of the result shown. */
  readonly page: number;
}

const IDLE: SearchState = { status: 'idle', input: undefined, result: undefined, error: undefined, page: 1 };

export function useSearch(workspaceId: string) {
  const [state, setState] = useState<SearchState>(IDLE);
  // cursors[i] fetches page i + 1; page 1 has none.
  const cursors = useRef<(string | undefined)[]>([undefined]);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    async (input: SearchInput, page: number) => {
      controller.current?.abort();
      const mine = new AbortController();
      controller.current = mine;
      setState((s) => ({ ...s, status: 'running', input, error: undefined }));
      try {
        const result = await searchEvents(workspaceId, input, cursors.current[page - 1], mine.signal);
        if (mine.signal.aborted) return;
        if (result.kind === 'events') cursors.current[page] = result.next;
        setState({ status: 'done', input, result, error: undefined, page });
      } catch (e) {
        if (mine.signal.aborted) return;
        const error = asApiError(e);
        if (redirectIfSignedOut(error)) return;
        setState((s) => ({ ...s, status: 'failed', error }));
      }
    },
    [workspaceId],
  );

  // A different workspace starts from a blank page.
  useEffect(() => {
    controller.current?.abort();
    cursors.current = [undefined];
    setState(IDLE);
    return () => controller.current?.abort();
  }, [workspaceId]);

  const run = useCallback(
    (input: SearchInput) => {
      cursors.current = [undefined];
      void load(input, 1);
    },
    [load],
  );
  const goTo = useCallback(
    (page: number) => {
      if (state.input !== undefined && page >= 1 && page <= cursors.current.length)
        void load(state.input, page);
    },
    [load, state.input],
  );
  const hasNext = state.result?.kind === 'events' && state.result.next !== undefined;
  return { state, run, goTo, hasNext };
}
