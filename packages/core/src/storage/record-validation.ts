import { userError } from '../errors/vigil-error.ts';
import type { ListOptions } from './record-repository.port.ts';

const KIND = /^[a-z][a-z0-9_.-]*$/;
const MAX_KEY_LENGTH = 256;
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;

export function checkKind(kind: string): string {
  if (typeof kind !== 'string' || !KIND.test(kind) || kind.length > 64) {
    throw userError('INVALID_RECORD_KIND', `${JSON.stringify(kind)} is not a valid record kind`, {
      details: { kind },
    });
  }
  return kind;
}

/** Workspace and id must be non-empty strings: every query is scoped by both. */
export function checkKey(workspace: string, id?: string): void {
  for (const [field, value] of [
    ['workspace', workspace],
    ['id', id],
  ] as const) {
    if (field === 'id' && id === undefined) continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_KEY_LENGTH) {
      throw userError(
        'INVALID_RECORD_KEY',
        `${field} must be a non-empty string of at most ${MAX_KEY_LENGTH}`,
        {
          details: { field },
        },
      );
    }
  }
}

export function listLimit(options: ListOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw userError('INVALID_LIMIT', `limit must be an integer from 1 to ${MAX_LIST_LIMIT}`, {
      details: { field: 'limit', max: MAX_LIST_LIMIT },
    });
  }
  return limit;
}

export function recordExists(kind: string, id: string) {
  return userError('RECORD_EXISTS', `${kind} ${JSON.stringify(id)} already exists`, {
    status: 409,
    details: { kind, id },
  });
}

export function recordNotFound(kind: string, id: string) {
  return userError('RECORD_NOT_FOUND', `${kind} ${JSON.stringify(id)} was not found`, {
    status: 404,
    details: { kind, id },
  });
}

export function versionConflict(kind: string, id: string, expected: number, actual: number) {
  return userError(
    'VERSION_CONFLICT',
    `${kind} ${JSON.stringify(id)} is at version ${actual}, not ${expected}: reload it and retry`,
    { status: 409, details: { kind, id, expected, actual } },
  );
}
