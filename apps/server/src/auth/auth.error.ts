import { userError, type VigilError } from '@vigil/core';

/** No valid session or API key. One message whatever was wrong (absent, unknown, expired, revoked). */
export function unauthenticated(): VigilError {
  return userError('UNAUTHENTICATED', 'Sign in or present a valid API key', { status: 401 });
}

/** Authenticated, but the route's permission is not granted in that workspace (deny by default). */
export function forbidden(permission: string, workspaceId?: string): VigilError {
  return userError(
    'FORBIDDEN',
    workspaceId === undefined
      ? `Permission ${permission} is required`
      : `Permission ${permission} is required in workspace ${workspaceId}`,
    { status: 403, details: { permission, ...(workspaceId === undefined ? {} : { workspaceId }) } },
  );
}

export function passwordChangeRequired(): VigilError {
  return userError('PASSWORD_CHANGE_REQUIRED', 'Change your password before continuing', { status: 403 });
}

export function mfaEnrolmentRequired(workspaceId: string): VigilError {
  return userError(
    'MFA_REQUIRED',
    `Workspace ${workspaceId} requires two-factor authentication; enrol an authenticator first`,
    { status: 403, details: { workspaceId } },
  );
}

export function notFound(what: string): VigilError {
  return userError('NOT_FOUND', `${what} not found`, { status: 404 });
}
