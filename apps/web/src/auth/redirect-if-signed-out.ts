import type { ApiError } from '../api/api-error.ts';
import { loginPathFor } from './safe-next-path.ts';

/** When the session ended meanwhile (expired, signed out elsewhere), sends the browser to sign in and back. */
export function redirectIfSignedOut(error: ApiError): boolean {
  if (error.code !== 'UNAUTHENTICATED') return false;
  window.location.assign(loginPathFor(window.location.pathname + window.location.search));
  return true;
}
