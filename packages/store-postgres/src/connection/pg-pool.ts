import pg from 'pg';
import { userError } from '@vigil/core';
import type { Logger } from '@vigil/core';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const CONNECT_TIMEOUT_MS = 5_000;

/** A schema name is put in SQL as an identifier, so only plain lower-case names are accepted. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw userError('INVALID_SCHEMA', `${JSON.stringify(schema)} is not a valid PostgreSQL schema name`, {
      details: { field: 'schema' },
    });
  }
  return schema;
}

/**
 * A pool whose sessions resolve unqualified names in `schema` (set at connection start-up, so no
 * statement can run before it). Idle-connection failures are logged, not thrown: pg would crash the
 * process on an unhandled 'error' event.
 */
export function createPool(url: string, schema: string, logger: Logger): pg.Pool {
  const { connectionString, options } = withSearchPath(url, schema);
  const pool = new pg.Pool({
    connectionString,
    options,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 10,
  });
  pool.on('error', (error) => {
    logger.warn({ error: error.message }, 'idle PostgreSQL connection failed');
  });
  return pool;
}

/**
 * pg lets `?options=` in the URL override the `options` setting, which would silently drop our
 * search_path; so the URL's own options are moved out and kept in front of ours.
 */
function withSearchPath(url: string, schema: string): { connectionString: string; options: string } {
  const searchPath = `-c search_path=${schema}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { connectionString: url, options: searchPath };
  }
  const own = parsed.searchParams.get('options');
  if (own === null) return { connectionString: url, options: searchPath };
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options: `${own} ${searchPath}` };
}
