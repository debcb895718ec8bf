// Who is signed in, as an external store the whole console reads. The probe is `GET /api/v1/workspaces`
// (the switcher needs it on every page anyway): 401 means signed out, and only then is nothing else asked;
// 200 is followed by `GET /api/v1/me` for the account and its CSRF token.
import { useSyncExternalStore } from 'react';
import { apiJson } from '../api/api-client.ts';
import { asApiError } from '../api/api-error.ts';
import { setCsrfToken } from '../api/csrf-token.ts';
import { parseWorkspaces, type WorkspaceOption } from '../workspaces/parse-workspaces.ts';
import { parseMe, type Me } from './parse-me.ts';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'unreachable'; readonly message: string }
  | { readonly status: 'signed-in'; readonly me: Me; readonly workspaces: readonly WorkspaceOption[] };

let state: SessionState = { status: 'loading' };
let started = false;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  setCsrfToken(next.status === 'signed-in' ? next.me.csrfToken : undefined);
  for (const listener of listeners) listener();
}

async function probe(): Promise<SessionState> {
  try {
    const workspaces = parseWorkspaces(await apiJson('GET', '/api/v1/workspaces'));
    const me = parseMe(await apiJson('GET', '/api/v1/me'));
    return me ? { status: 'signed-in', me, workspaces } : { status: 'signed-out' };
  } catch (error) {
    const e = asApiError(error);
    return e.status === 401 ? { status: 'signed-out' } : { status: 'unreachable', message: e.message };
  }
}

/** Asks the server again (after a password change or MFA enrolment rotated the session). */
export async function refreshSession(): Promise<void> {
  started = true;
  publish(await probe());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started) void refreshSession();
  return () => listeners.delete(listener);
}

/** The session; the first subscriber starts the probe. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Replaces the CSRF token after the server rotated the session id. */
export function updateCsrfToken(token: string): void {
  if (state.status === 'signed-in') publish({ ...state, me: { ...state.me, csrfToken: token } });
}
