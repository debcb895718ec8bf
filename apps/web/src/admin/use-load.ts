// Loads one resource for a page: aborted when the key changes or the page goes away, reloadable after a
// change. A 401 (the session ended meanwhile) sends the browser to sign in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'failed'; readonly error: ApiError };

export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { readonly state: Loaded<T>; readonly reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const controller = new AbortController();
    loader.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = asApiError(e);
        if (!redirectIfSignedOut(error)) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { state, reload };
}
