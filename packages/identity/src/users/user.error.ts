import { userError, type VigilError } from '@vigil/core';

/** Another account already has this name (case-insensitively). */
export function usernameTaken(username: string): VigilError {
  return userError('USERNAME_TAKEN', 'This username is already taken', {
    status: 409,
    details: { field: 'username', username },
  });
}

/** An account with this id already exists. */
export function userExists(id: string): VigilError {
  return userError('USER_EXISTS', 'An account with this id already exists', { status: 409, details: { id } });
}
