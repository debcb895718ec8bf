import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { dayLabel, dayOf } from '@vigil/core';
import { executePlan, parseQuery } from '@vigil/query';
import { DAY, DAY0, makeEvent, uniqueWorkspace } from '@vigil/testkit';
import { openSqliteStorage, SQLITE_FILE_NAME } from '../index.ts';
import { extractedField } from './extracted-columns.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigil-layout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a day table of layout 1 (JSON text) keeps being read, counted and searched next to layout-2 (JSONB) ones', async () => {
  const storage = await openSqliteStorage({ dataDir: dir });
  await storage.migrate();
  const ws = uniqueWorkspace('layout');
  const host = (name: string) => ({ host: { name }, event: { outcome: 'failure' } });
  // Today's append registers the space and creates a layout-2 table.
  await storage.events.append([
    makeEvent({ workspace: ws, id: 'new', ts: DAY0 + DAY + 5, fields: host('b') }),
  ]);
  const db = new DatabaseSync(join(dir, SQLITE_FILE_NAME));
  try {
    const { space_id: space } = db
      .prepare('SELECT space_id FROM event_spaces WHERE workspace = ?')
      .get(ws) as { space_id: number };
    const newTable = `events_${dayLabel(dayOf(DAY0 + DAY))}_${space}`;
    const stored = db.prepare(`SELECT typeof(doc) AS t FROM "${newTable}"`).get() as { t: string };
    assert.equal(stored.t, 'blob', 'new partitions store JSONB');
    // What an older Vigil wrote: the previous day's table with the document as JSON text.
    const oldTable = `events_${dayLabel(dayOf(DAY0))}_${space}`;
    db.exec(
      `CREATE TABLE "${oldTable}" (ts INTEGER NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (ts, id))`,
    );
    db.prepare('INSERT INTO event_partitions (space_id, day, table_name) VALUES (?, ?, ?)').run(
      space,
      dayOf(DAY0),
      oldTable,
    );
    const old = makeEvent({ workspace: ws, id: 'old', ts: DAY0 + 7, fields: host('a') });
    db.prepare(`INSERT INTO "${oldTable}" (ts, id, doc) VALUES (?, ?, ?)`).run(
      DAY0 + 7,
      'old',
      JSON.stringify(old),
    );
  } finally {
    db.close();
  }
  const range = { workspace: ws, from: DAY0, to: DAY0 + 2 * DAY };
  const page = await storage.events.query({ ...range, limit: 10, order: 'asc' });
  assert.deepEqual(
    page.events.map((e) => e.vigil.id),
    ['old', 'new'],
  );
  assert.equal(page.events[0]?.['host']?.['name' as never], 'a');
  assert.equal(
    await storage.events.count({ ...range, filter: { field: 'host.name', op: 'eq', value: 'a' } }),
    1,
  );
  const { plan } = parseQuery('event.outcome:failure | stats count() by host.name');
  assert.ok(plan && storage.search);
  const result = await storage.search.search({ ...range, plan, limit: 100, now: DAY0 + 2 * DAY });
  const rows = result.rows.map((r) => [r['host.name'], r['count()']]).sort();
  assert.deepEqual(rows, [
    ['a', 1],
    ['b', 1],
  ]);
  const hits = await storage.search.search({
    ...range,
    plan: parseQuery('host.name:A').plan!,
    limit: 10,
    now: 0,
  });
  assert.deepEqual(
    hits.rows.map((r) => (r['vigil'] as { id: string }).id),
    ['old'],
  );
  await storage.close();
});

test('extracted columns answer exactly like the document: strings from the column, every other shape from the JSON', async () => {
  const storage = await openSqliteStorage({ dataDir: dir });
  await storage.migrate();
  const ws = uniqueWorkspace('extracted');
  const shapes: Record<string, unknown>[] = [
    { host: { name: 'Web-1' }, event: { code: '4688', outcome: 'failure' } },
    { host: { name: 'web-1' }, event: { code: 4688 } },
    { 'host.name': 'db-2', 'event.code': '4625' },
    { host: { name: ['web-1', 'db-2', 'web-1'] } },
    { host: { name: null }, event: { code: true } },
    { message: 'no host at all' },
  ];
  const events = shapes.map((fields, i) => makeEvent({ workspace: ws, id: `x${i}`, ts: DAY0 + i, fields }));
  await storage.events.append(events);
  const db = new DatabaseSync(join(dir, SQLITE_FILE_NAME), { readOnly: true });
  try {
    const { space_id: space } = db
      .prepare('SELECT space_id FROM event_spaces WHERE workspace = ?')
      .get(ws) as { space_id: number };
    const rows = db
      .prepare(
        `SELECT id, xm, x_host_name, x_event_code FROM "events_${dayLabel(dayOf(DAY0))}_${space}" ORDER BY ts`,
      )
      .all() as { id: string; xm: number; x_host_name: string | null; x_event_code: string | null }[];
    const host = extractedField('host.name')?.bit ?? 0;
    const code = extractedField('event.code')?.bit ?? 0;
    // Strings and missing fields are exact in the column; numbers, arrays and null are not.
    assert.deepEqual(
      rows.map((r) => [r.x_host_name, (r.xm & host) !== 0, r.x_event_code, (r.xm & code) !== 0]),
      [
        ['Web-1', true, '4688', true],
        ['web-1', true, null, false],
        ['db-2', true, '4625', true],
        [null, false, null, true],
        [null, false, null, false],
        [null, true, null, true],
      ],
    );
  } finally {
    db.close();
  }
  assert.ok(storage.search);
  const range = { workspace: ws, from: DAY0, to: DAY0 + DAY, now: DAY0 + DAY };
  for (const query of [
    'host.name:web-1',
    'host.name:(db-2 OR WEB-1)',
    'host.name:web*',
    'host.name:*',
    'NOT host.name:*',
    'event.code:4688',
    'event.code:true',
    'event.outcome:failure',
    '* | stats count() by host.name',
    '* | stats count() by event.code, host.name',
    '* | stats dc(host.name) as hosts, count(host.name) as with_host by event.outcome',
    'host.name:* | sort host.name | fields vigil.id',
  ]) {
    const { plan } = parseQuery(query);
    assert.ok(plan, query);
    const expected = executePlan(plan, events, range);
    const result = await storage.search.search({ ...range, plan, limit: 100 });
    const key = (rows: readonly Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
    assert.deepEqual(key(result.rows), key(expected), query);
  }
  await storage.close();
});
