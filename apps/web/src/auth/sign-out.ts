// Ends this session (or every session of the account) on the server, then shows the sign-in page.
import { apiJson } from '../api/api-client.ts';
import { asApiError, type ApiError } from '../api/api-error.ts';

/** Resolves with the error when the server refused; on success the browser leaves the page. */
export async function signOut(everywhere: boolean): Promise<ApiError | undefined> {
  try {
    await apiJson('POST', everywhere ? '/api/v1/auth/logout-all' : '/api/v1/auth/logout');
  } catch (e) {
    const error = asApiError(e);
    // Already signed out (expired session): the outcome the user asked for.
    if (error.status !== 401) return error;
  }
  window.location.assign(`/login?signed-out=${everywhere ? 'all' : 'this'}`);
  return undefined;
}
