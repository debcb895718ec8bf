// Test-only: suites that migrate a PostgreSQL schema of their own.
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { dropPostgresSchema } from '../connection/pg-drop-schema.ts';

/**
 * Returns a maker of fresh, unique schema names; every schema it named is dropped once the file's tests
 * are done (nothing to drop when `url` is unset and the suites were skipped).
 */
export function testSchemas(url: string | undefined): () => string {
  const schemas: string[] = [];
  after(async () => {
    if (url === undefined) return;
    for (const schema of schemas) await dropPostgresSchema(url, schema);
  });
  return () => {
    const schema = `vigil_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
}
