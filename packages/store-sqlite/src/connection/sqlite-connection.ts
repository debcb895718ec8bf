import { DatabaseSync } from 'node:sqlite';
import { operationalError, isVigilError } from '@vigil/core';
import { registerSqliteFunctions } from './sqlite-functions.ts';

/** `VGIL` in the SQLite header: tells our databases from other applications' files. */
export const VIGIL_APPLICATION_ID = 0x5647494c;
const BUSY_TIMEOUT_MS = 5_000;
const SQLITE_NOTADB = 26;

/** Opens the database file with Vigil's settings, turning unusable files into one clear operational error. */
export function openSqliteConnection(path: string): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first real read happens here, so a file that is not SQLite fails now, not on first use.
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: an append is acknowledged only once its commit is on disk (DESIGN §1), also on power loss.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    checkIsVigilDatabase(db, path);
    registerSqliteFunctions(db);
    return db;
  } catch (error) {
    db?.close();
    if (isVigilError(error)) throw error;
    if (isNotADatabase(error)) throw notVigilDatabase(path, error);
    throw operationalError('STORE_UNAVAILABLE', `cannot open the SQLite database ${path}: ${String(error)}`, {
      cause: error,
      details: { path },
    });
  }
}

/** A database is ours when it carries our application id, or is still empty, or is a pre-id Vigil file. */
function checkIsVigilDatabase(db: DatabaseSync, path: string): void {
  const row = db.prepare('PRAGMA application_id').get() as { application_id: number } | undefined;
  const appId = row?.application_id ?? 0;
  if (appId === VIGIL_APPLICATION_ID) return;
  if (appId !== 0) throw notVigilDatabase(path, new Error(`application_id ${appId}`));
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as {
    name: string;
  }[];
  if (tables.length > 0 && !tables.some((t) => t.name === 'schema_migrations')) {
    throw notVigilDatabase(path, new Error('SQLite database of another application'));
  }
}

function isNotADatabase(error: unknown): boolean {
  const e = error as { errcode?: number; message?: string };
  return e.errcode === SQLITE_NOTADB || /file is not a database/i.test(e.message ?? '');
}

function notVigilDatabase(path: string, cause: unknown) {
  return operationalError(
    'STORE_INVALID_DATABASE',
    `${path} is not a valid Vigil database (${(cause as Error).message}); move it aside or choose another data directory`,
    { cause, details: { path } },
  );
}
