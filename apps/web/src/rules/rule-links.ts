// Addresses of the detection pages; the workspace in view stays in the address.

function withWorkspace(path: string, workspaceId: string): string {
  return `${path}?${new URLSearchParams({ workspace: workspaceId }).toString()}`;
}

export const rulesListHref = (workspaceId: string) => withWorkspace('/detection', workspaceId);

export const ruleHref = (workspaceId: string, ruleId: string) =>
  withWorkspace(`/detection/rules/${encodeURIComponent(ruleId)}`, workspaceId);
