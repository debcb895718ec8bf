import { userError, type VigilError } from '@vigil/core';

export function workspaceExists(id: string): VigilError {
  return userError('WORKSPACE_EXISTS', 'A workspace with this id already exists', {
    status: 409,
    details: { field: 'id', id },
  });
}
