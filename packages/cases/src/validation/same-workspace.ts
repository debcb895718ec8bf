import { unexpectedError } from '@vigil/core';

/**
 * Every item handed to a workspace-scoped repository call must belong to that workspace: a mix-up is a
 * programming error (WORKSPACE_MISMATCH, unexpected), never stored. Shared by all cases adapters.
 * Example: `checkSameWorkspace('ws1', alerts, 'alert')`.
 */
export function checkSameWorkspace(
  workspace: string,
  items: readonly { id: string; workspace: string }[],
  what: 'alert' | 'incident',
): void {
  const other = items.find((x) => x.workspace !== workspace);
  if (other !== undefined) {
    throw unexpectedError('WORKSPACE_MISMATCH', `An ${what} of another workspace was passed`, {
      details: { workspace, [what]: other.id },
    });
  }
}

/** Copies of the found documents in the order of `wanted` (missing ids left out), as `getMany` returns them. */
export function inRequestedOrder<T extends { id: string }>(
  found: readonly T[],
  wanted: readonly string[],
): T[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return wanted.flatMap((id) => {
    const x = byId.get(id);
    return x === undefined ? [] : [structuredClone(x)];
  });
}
