import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { parseQuery } from '@vigil/query';
import { DAY, DAY0, makeEvent, rejectsWith, searchContract, uniqueWorkspace } from '@vigil/testkit';
import { openSqliteStorage } from '../sqlite-storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigil-search-'));
after(() => rmSync(dir, { recursive: true, force: true }));

searchContract('sqlite', () => openSqliteStorage({ dataDir: dir }));

test('a search past its time budget is aborted with QUERY_TIMEOUT', async () => {
  const storage = await openSqliteStorage({ dataDir: dir });
  await storage.migrate();
  const ws = uniqueWorkspace('timeout');
  const events = Array.from({ length: 3000 }, (_, i) =>
    makeEvent({ workspace: ws, id: `t${i}`, ts: DAY0 + i * 1000, fields: { message: `line ${i}` } }),
  );
  await storage.events.append(events);
  const search = storage.search;
  assert.ok(search);
  const plan = parseQuery('line | stats count()').plan;
  assert.ok(plan);
  const request = { workspace: ws, from: DAY0, to: DAY0 + DAY, plan, limit: 10, now: DAY0 };
  await rejectsWith(search.search({ ...request, timeoutMs: 0 }), 'QUERY_TIMEOUT', 'user');
  // The budget belongs to one search: the next one runs normally.
  assert.deepEqual((await search.search({ ...request, timeoutMs: 60_000 })).rows, [{ 'count()': 3000 }]);
  await storage.close();
});
