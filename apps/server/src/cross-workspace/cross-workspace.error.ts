import { userError } from '@vigil/core';

export function grantToSelf() {
  return userError('CROSS_WORKSPACE_GRANT_TO_SELF', 'centralWorkspace: must be another workspace', {
    status: 400,
    details: { field: 'centralWorkspace' },
  });
}

export function centralWorkspaceUnknown(id: string) {
  return userError('CROSS_WORKSPACE_UNKNOWN', `centralWorkspace: no active workspace ${JSON.stringify(id)}`, {
    status: 400,
    details: { field: 'centralWorkspace' },
  });
}

export function grantExists(source: string, central: string) {
  return userError(
    'CROSS_WORKSPACE_GRANT_EXISTS',
    `centralWorkspace: ${JSON.stringify(central)} already has a grant of ${JSON.stringify(source)}`,
    { status: 409, details: { field: 'centralWorkspace' } },
  );
}

export function grantNotFound(source: string, central: string) {
  return userError(
    'CROSS_WORKSPACE_GRANT_NOT_FOUND',
    `${JSON.stringify(source)} has no grant to ${JSON.stringify(central)}`,
    { status: 404, details: { field: 'centralWorkspaceId' } },
  );
}
