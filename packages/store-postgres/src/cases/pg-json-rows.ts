import type { PoolClient } from 'pg';
import { unexpectedError } from '@vigil/core';

/** A stored document row: JSON text plus the version column (the source of truth for the version). */
export interface DocRow {
  version: number;
  data: string;
}

/** Parses document rows, taking the version from its column. */
export function docs<T extends { version: number }>(rows: readonly DocRow[]): T[] {
  return rows.map((r) => ({ ...(JSON.parse(r.data) as T), version: r.version }));
}

/** Rows of these ids in the order asked (missing ones left out). */
export function inOrder<T extends { id: string }>(found: readonly T[], wanted: readonly string[]): T[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return wanted.flatMap((id) => {
    const x = byId.get(id);
    return x === undefined ? [] : [structuredClone(x)];
  });
}

/** Every item must belong to the workspace the call is scoped to. */
export function checkWorkspace(
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

/** Ids among `ids` already stored in `table` for the workspace (locks nothing: the PK catches races). */
export async function existingIds(
  client: PoolClient,
  table: 'alerts' | 'incidents',
  workspace: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await client.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE workspace = $1 AND id = ANY($2::text[])`,
    [workspace, ids],
  );
  return new Set(result.rows.map((r) => r.id));
}
