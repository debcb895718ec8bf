// Reads the workspace list from `GET /api/v1/workspaces` (`{"workspaces":[{id, name, …}]}`; a bare array is
// accepted too) and ignores anything else. Pure.

export interface WorkspaceOption {
  readonly id: string;
  readonly name: string;
  /** Archived workspaces stay readable; the server refuses their writes (409 WORKSPACE_ARCHIVED). */
  readonly archived?: true;
}

export function parseWorkspaces(body: unknown): WorkspaceOption[] {
  const list: unknown =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)['workspaces']
      : body;
  if (!Array.isArray(list)) return [];
  const options: WorkspaceOption[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, status } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') continue;
    options.push({
      id,
      name: typeof name === 'string' && name !== '' ? name : id,
      ...(status === 'archived' ? { archived: true as const } : {}),
    });
  }
  return options;
}
