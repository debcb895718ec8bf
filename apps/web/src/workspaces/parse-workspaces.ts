// Reads the workspace list from `GET /api/v1/workspaces` (`{"workspaces":[{id, name, …}]}`; a bare array is
// accepted too) and ignores anything else. Pure.

export interface WorkspaceOption {
  readonly id: string;
  readonly name: string;
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
    const { id, name } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') continue;
    options.push({ id, name: typeof name === 'string' && name !== '' ? name : id });
  }
  return options;
}
