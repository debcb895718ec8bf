import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// The dialect-neutral parts of search exist in both adapters (a store adapter must not depend on the
// other). Until they move into @vigil/query, this keeps the copies identical.
const NEUTRAL = ['search-plan.ts', 'aggregate-rows.ts', 'like-pattern.ts', 'search-request.ts'];

test('dialect-neutral search modules are the same in the SQLite and PostgreSQL adapters', () => {
  const sqliteDir = join(import.meta.dirname, '../../../store-sqlite/src/search');
  for (const file of NEUTRAL) {
    assert.equal(
      readFileSync(join(import.meta.dirname, file), 'utf8'),
      readFileSync(join(sqliteDir, file), 'utf8'),
      file,
    );
  }
});
