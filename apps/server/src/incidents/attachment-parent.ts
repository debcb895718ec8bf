import { isVigilError } from '@vigil/core';
import { alertNotFound, incidentNotFound, type ActivityEntry, type AttachmentParent } from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';

/** Where a parent's attachment routes live and which permissions guard them. */
export interface AttachmentParentRoutes {
  kind: AttachmentParent;
  param: 'incidentId' | 'alertId';
  base: string;
  read: 'incidents.read' | 'alerts.read';
  write: 'incidents.write' | 'alerts.write';
}

export const attachmentParentRoutes: readonly AttachmentParentRoutes[] = [
  {
    kind: 'incident',
    param: 'incidentId',
    base: '/api/v1/workspaces/:workspaceId/incidents/:incidentId/attachments',
    read: 'incidents.read',
    write: 'incidents.write',
  },
  {
    kind: 'alert',
    param: 'alertId',
    base: '/api/v1/workspaces/:workspaceId/alerts/:alertId/attachments',
    read: 'alerts.read',
    write: 'alerts.write',
  },
];

/** 404 unless the incident/alert exists in the workspace. */
export async function requireParent(
  cases: CasesRuntime,
  kind: AttachmentParent,
  workspace: string,
  id: string,
): Promise<void> {
  if (kind === 'incident') {
    if ((await cases.incidents.get(workspace, id)) === undefined) throw incidentNotFound(workspace, id);
  } else if ((await cases.alerts.get(workspace, id)) === undefined) {
    throw alertNotFound(workspace, id);
  }
}

/**
 * Appends an entry to the incident timeline / alert activity, re-reading on a concurrent edit (an
 * analyst changing the incident at the same moment must not fail the upload).
 */
export async function appendParentActivity(
  cases: CasesRuntime,
  kind: AttachmentParent,
  workspace: string,
  id: string,
  entry: ActivityEntry,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (kind === 'incident') {
        const incident = await cases.incidents.get(workspace, id);
        if (incident === undefined) throw incidentNotFound(workspace, id);
        await cases.incidents.updateMany(workspace, [
          { ...incident, updatedAt: entry.at, timeline: [...incident.timeline, entry] },
        ]);
      } else {
        const alert = await cases.alerts.get(workspace, id);
        if (alert === undefined) throw alertNotFound(workspace, id);
        await cases.alerts.updateMany(workspace, [
          { ...alert, updatedAt: entry.at, activity: [...alert.activity, entry] },
        ]);
      }
      return;
    } catch (e) {
      if (!(isVigilError(e) && e.code === 'VERSION_CONFLICT' && attempt < 5)) throw e;
    }
  }
}
