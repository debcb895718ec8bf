import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toBase64 } from './import-source.ts';
import { bulkFilter, parseBulkOutcome, parseException, parseRuleSummary } from './rules-api.ts';

test('a rule summary reads the server shape; fields of the wrong type read as absent', () => {
  assert.deepEqual(
    parseRuleSummary({
      id: 'r1',
      type: 'rule',
      title: 'Whoami',
      level: 'high',
      tags: ['attack.t1033', 7],
      logsource: { product: 'windows', category: 'process_creation', x: 1 },
      version: 2,
      enabled: true,
      file: 'a.yml',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }),
    {
      id: 'r1',
      title: 'Whoami',
      type: 'rule',
      level: 'high',
      status: undefined,
      description: undefined,
      tags: ['attack.t1033'],
      logsource: { product: 'windows', category: 'process_creation' },
      file: 'a.yml',
      version: 2,
      enabled: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  );
  assert.equal(parseRuleSummary({ title: 'no id' }), undefined);
  assert.equal(parseRuleSummary({ id: 'r2', enabled: 'yes' })?.enabled, false);
});

test('an exception keeps its conditions and is active unless the server says otherwise', () => {
  const e = parseException({ id: 'e1', conditions: { User: 'x' }, reason: 'r', active: false });
  assert.deepEqual(e?.conditions, { User: 'x' });
  assert.equal(e?.active, false);
  assert.equal(parseException({ id: 'e2', reason: 'r' })?.active, true);
});

test('base64 of bytes matches Node, also past one chunk', () => {
  const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
  assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'));
  assert.equal(toBase64(new Uint8Array()), '');
});

test('a bulk outcome reads the server shape; the bulk filter keeps only set criteria the server knows', () => {
  assert.deepEqual(parseBulkOutcome({ enabled: false, selected: 3, changed: ['a', 2, 'b'], unchanged: 1 }), {
    enabled: false,
    selected: 3,
    changed: ['a', 'b'],
    unchanged: 1,
  });
  assert.deepEqual(parseBulkOutcome({}), { enabled: false, selected: 0, changed: [], unchanged: 0 });
  assert.deepEqual(
    bulkFilter({ q: ' mimikatz ', level: '', status: 'test', enabled: 'true', tag: 'attack.t1003' }),
    {
      q: 'mimikatz',
      status: 'test',
      tag: 'attack.t1003',
    },
  );
  assert.deepEqual(bulkFilter({ q: '', level: '', status: '', enabled: 'false', tag: '' }), {});
});
