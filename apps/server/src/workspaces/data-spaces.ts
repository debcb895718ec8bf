import { isVigilError, userError } from '@vigil/core';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';

/** A data space: a named event partition of a workspace with its own retention (metadata kind `data-space`). */
export interface DataSpace {
  name: string;
  createdAt: string;
}

export const DATA_SPACE_KIND = 'data-space';

/** Creates the data space unless it exists. */
export async function ensureDataSpace(
  rt: Pick<IdentityRuntime, 'metadata' | 'clock'>,
  workspaceId: string,
  id: string,
  name: string,
): Promise<void> {
  const repo = rt.metadata.repository<DataSpace>(DATA_SPACE_KIND);
  try {
    await repo.create(workspaceId, id, { name, createdAt: new Date(rt.clock.now()).toISOString() });
  } catch (err) {
    if (!(isVigilError(err) && err.code === 'RECORD_EXISTS')) throw err;
  }
}

/** Throws 400 DATA_SPACE_UNKNOWN unless the workspace has this data space. */
export async function assertDataSpace(
  rt: Pick<IdentityRuntime, 'metadata'>,
  workspaceId: string,
  id: string,
): Promise<void> {
  const found = await rt.metadata.repository<DataSpace>(DATA_SPACE_KIND).get(workspaceId, id);
  if (!found) {
    throw userError('DATA_SPACE_UNKNOWN', `Workspace ${workspaceId} has no data space ${id}`, {
      status: 400,
      details: { field: 'dataSpace' },
    });
  }
}
