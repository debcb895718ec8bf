import { userError, type VigilError } from '@vigil/core';

/** Group names are unique per workspace, case-insensitively. */
export function groupNameTaken(name: string): VigilError {
  return userError('GROUP_NAME_TAKEN', 'The workspace already has a group of this name', {
    status: 409,
    details: { field: 'name', name },
  });
}
