// Asks `GET /api/v1/setup` whether first-run set-up is still pending.
import { useEffect, useState } from 'react';
import { apiJson } from '../api/api-client.ts';

export type SetupRequired = 'checking' | 'required' | 'done' | 'unknown';

export function useSetupRequired(): SetupRequired {
  const [state, setState] = useState<SetupRequired>('checking');
  useEffect(() => {
    const controller = new AbortController();
    apiJson<{ required?: unknown }>('GET', '/api/v1/setup', undefined, { signal: controller.signal }).then(
      (body) =>
        setState(body?.required === true ? 'required' : body?.required === false ? 'done' : 'unknown'),
      () => {
        if (!controller.signal.aborted) setState('unknown');
      },
    );
    return () => controller.abort();
  }, []);
  return state;
}
