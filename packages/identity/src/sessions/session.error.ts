import { userError, type VigilError } from '@vigil/core';

/** Every session failure looks the same to the client (401): no hint whether the id ever existed. */
export function sessionInvalid(
  reason: 'unknown' | 'malformed' | 'idle_expired' | 'absolute_expired',
): VigilError {
  return userError('SESSION_INVALID', 'Not signed in or the session has ended', {
    status: 401,
    details: { reason },
  });
}

export function csrfRejected(): VigilError {
  return userError('CSRF_REJECTED', 'Missing or invalid CSRF token', { status: 403 });
}
