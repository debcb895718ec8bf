import { userError, type VigilError } from '@vigil/core';

/** A custom role cannot be deleted while someone holds it: revoke the grants first. */
export function roleInUse(workspaceId: string, roleId: string): VigilError {
  return userError('ROLE_IN_USE', 'The role is still granted; revoke its grants first', {
    status: 409,
    details: { workspaceId, roleId },
  });
}
