/**
 * Workspace `sourceWorkspace` lets members of `centralWorkspace` (with reports.read there) see its
 * aggregated overview — counts, trends and scores, never events or alert/incident details.
 * Stored twice in the records repository: the authoritative record under the source workspace
 * (kind CROSS_WORKSPACE_GRANT_KIND, id = central workspace) and an index entry under the central one
 * (kind CROSS_WORKSPACE_RECEIVED_KIND, id = source workspace), so each side reads only its own rows.
 */
export interface CrossWorkspaceGrant {
  sourceWorkspace: string;
  centralWorkspace: string;
  /** What is shared; only the aggregated overview exists. */
  scope: CrossWorkspaceScope;
  grantedBy: string;
  grantedAt: number;
}

export const crossWorkspaceScopes = ['aggregated_overview'] as const;
export type CrossWorkspaceScope = (typeof crossWorkspaceScopes)[number];

export const CROSS_WORKSPACE_GRANT_KIND = 'cross-workspace-grant';
export const CROSS_WORKSPACE_RECEIVED_KIND = 'cross-workspace-grant-received';
