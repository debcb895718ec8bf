import type { DatabaseSync } from 'node:sqlite';
import { operationalError } from '@vigil/core';

const SQLITE_BUSY = 5;

/**
 * Runs `work` in a write transaction. BEGIN IMMEDIATE takes the write lock up front, so two writers
 * (processes or connections) queue on busy_timeout instead of deadlocking on a read-to-write upgrade.
 */
export function writeTransaction<T>(db: DatabaseSync, work: () => T): T {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    throw busyOr(error);
  }
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw busyOr(error);
  }
}

function busyOr(error: unknown): unknown {
  if ((error as { errcode?: number }).errcode === SQLITE_BUSY) {
    return operationalError('STORE_BUSY', 'the SQLite database stayed locked by another writer', {
      cause: error,
      retryAfterSeconds: 1,
    });
  }
  return error;
}
