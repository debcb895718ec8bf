// Console paths of alerts and incidents that keep the workspace in the address.

const withWorkspace = (path: string, workspaceId: string) =>
  `${path}?workspace=${encodeURIComponent(workspaceId)}`;

export const alertPath = (workspaceId: string, alertId?: string) =>
  withWorkspace(alertId === undefined ? '/alerts' : `/alerts/${encodeURIComponent(alertId)}`, workspaceId);

export const incidentPath = (workspaceId: string, incidentId?: string) =>
  withWorkspace(
    incidentId === undefined ? '/incidents' : `/incidents/${encodeURIComponent(incidentId)}`,
    workspaceId,
  );
