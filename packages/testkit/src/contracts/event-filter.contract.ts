import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventFilter, Storage } from '@vigil/core';
import { DAY, DAY0, idsOf, makeEvent, rejectsWith, uniqueWorkspace } from './contract-fixtures.ts';

/** Four events covering nested fields, arrays, numbers as numbers and as strings, booleans, nulls. */
const FIXTURE: Record<string, Record<string, unknown>> = {
  f1: {
    process: { name: 'CMD.exe', pid: 10 },
    EventID: 4688,
    user: { name: 'alice' },
    event: { category: ['process', 'start'] },
    score: 10,
    enabled: true,
    message: 'Ünïcode text',
  },
  f2: {
    process: { name: 'powershell.exe' },
    EventID: '4688',
    user: { name: 'Bob' },
    event: { category: 'process' },
    score: 2.5,
    enabled: false,
  },
  f3: { process: { name: 'cmd.exe' }, EventID: 4624, score: 100, event: { category: ['network'] } },
  f4: { EventID: '4624', user: { name: null }, score: '9', tags: { nested: { deep: 'x' } } },
};

const CMD_4688: EventFilter = {
  and: [
    { field: 'process.name', op: 'contains', value: 'cmd' },
    { field: 'EventID', op: 'eq', value: 4688 },
  ],
};

/** Filter → expected event ids. Each line states one rule of the filter semantics. */
const CASES: [string, EventFilter, string[]][] = [
  ['eq on strings is case-sensitive', { field: 'process.name', op: 'eq', value: 'cmd.exe' }, ['f3']],
  ['eq matches the exact case', { field: 'process.name', op: 'eq', value: 'CMD.exe' }, ['f1']],
  [
    'eq number matches numbers and their string form',
    { field: 'EventID', op: 'eq', value: 4688 },
    ['f1', 'f2'],
  ],
  ['eq numeric string matches numbers too', { field: 'EventID', op: 'eq', value: '4688' }, ['f1', 'f2']],
  ['eq number matches a numeric string field', { field: 'score', op: 'eq', value: 9 }, ['f4']],
  ['eq boolean true', { field: 'enabled', op: 'eq', value: true }, ['f1']],
  ['eq boolean false', { field: 'enabled', op: 'eq', value: false }, ['f2']],
  [
    'eq matches any element of an array',
    { field: 'event.category', op: 'eq', value: 'process' },
    ['f1', 'f2'],
  ],
  ['eq on an array of one', { field: 'event.category', op: 'eq', value: 'network' }, ['f3']],
  ['eq never looks inside an object', { field: 'process', op: 'eq', value: 'cmd.exe' }, []],
  ['neq needs the field present', { field: 'process.name', op: 'neq', value: 'cmd.exe' }, ['f1', 'f2']],
  [
    'not eq includes absent fields',
    { not: { field: 'process.name', op: 'eq', value: 'cmd.exe' } },
    ['f1', 'f2', 'f4'],
  ],
  ['in with numbers', { field: 'EventID', op: 'in', values: [4624] }, ['f3', 'f4']],
  ['in with mixed values', { field: 'EventID', op: 'in', values: ['4688', 4624] }, ['f1', 'f2', 'f3', 'f4']],
  ['in with no values matches nothing', { field: 'EventID', op: 'in', values: [] }, []],
  ['gt compares numbers numerically', { field: 'score', op: 'gt', value: 9 }, ['f1', 'f3']],
  ['lt ignores numeric strings', { field: 'score', op: 'lt', value: 10 }, ['f2']],
  ['gte is inclusive', { field: 'score', op: 'gte', value: 10 }, ['f1', 'f3']],
  ['lte is inclusive', { field: 'score', op: 'lte', value: 2.5 }, ['f2']],
  ['string comparison is by code point', { field: 'user.name', op: 'gte', value: 'a' }, ['f1']],
  ['string lt by code point', { field: 'user.name', op: 'lt', value: 'a' }, ['f2']],
  ['contains is case-insensitive', { field: 'process.name', op: 'contains', value: 'CMD' }, ['f1', 'f3']],
  ['prefix is case-insensitive', { field: 'process.name', op: 'prefix', value: 'POWER' }, ['f2']],
  ['suffix is case-insensitive', { field: 'process.name', op: 'suffix', value: '.EXE' }, ['f1', 'f2', 'f3']],
  ['contains folds non-ASCII case', { field: 'message', op: 'contains', value: 'üNÏCODE' }, ['f1']],
  [
    'empty contains matches every string value',
    { field: 'process.name', op: 'contains', value: '' },
    ['f1', 'f2', 'f3'],
  ],
  ['contains only matches strings', { field: 'score', op: 'contains', value: '1' }, []],
  ['exists ignores nulls', { field: 'user.name', op: 'exists' }, ['f1', 'f2']],
  ['exists on a deep path', { field: 'tags.nested.deep', op: 'exists' }, ['f4']],
  ['exists on an object', { field: 'tags', op: 'exists' }, ['f4']],
  [
    'field paths may start with @',
    { field: '@timestamp', op: 'prefix', value: '2026-' },
    ['f1', 'f2', 'f3', 'f4'],
  ],
  ['empty and matches all', { and: [] }, ['f1', 'f2', 'f3', 'f4']],
  ['empty or matches none', { or: [] }, []],
  ['double negation', { not: { not: { field: 'enabled', op: 'exists' } } }, ['f1', 'f2']],
  [
    'nested and/or/not',
    { or: [CMD_4688, { not: { field: 'user.name', op: 'exists' } }] },
    ['f1', 'f3', 'f4'],
  ],
  ['not over and', { not: CMD_4688 }, ['f2', 'f3', 'f4']],
  ['values are data, never SQL', { field: 'process.name', op: 'eq', value: "cmd.exe' OR '1'='1" }, []],
];

const BAD_PATHS = ["process.name'; DROP TABLE records; --", '', '.a', 'a..b', 'a b', 'a.b)', '$.a', 'a"b'];

/** Contract for EventFilter semantics: every operator, nesting, types, and invalid field paths. */
export function eventFilterContract(name: string, open: () => Promise<Storage>): void {
  describe(`${name}: event filter contract`, () => {
    let storage: Storage;
    const ws = uniqueWorkspace('filter');
    const range = { workspace: ws, from: DAY0, to: DAY0 + DAY };
    before(async () => {
      storage = await open();
      await storage.migrate();
      await storage.events.append(
        Object.entries(FIXTURE).map(([id, fields], i) =>
          makeEvent({ workspace: ws, id, ts: DAY0 + i, fields }),
        ),
      );
    });
    after(() => storage.close());

    for (const [title, filter, expected] of CASES) {
      test(title, async () => {
        const page = await storage.events.query({ ...range, filter, limit: 100 });
        assert.deepEqual(idsOf(page.events), expected);
        assert.equal(await storage.events.count({ ...range, filter }), expected.length);
      });
    }

    test('an invalid field path is a user error, also deep inside a filter', async () => {
      for (const field of BAD_PATHS) {
        const bad = { field, op: 'exists' } as const;
        await rejectsWith(
          storage.events.query({ ...range, filter: bad, limit: 10 }),
          'INVALID_FIELD_PATH',
          'user',
        );
        const nested: EventFilter = { and: [{ or: [{ not: bad }] }] };
        await rejectsWith(storage.events.count({ ...range, filter: nested }), 'INVALID_FIELD_PATH', 'user');
      }
      // The store is intact after the attempts.
      assert.equal(await storage.events.count(range), Object.keys(FIXTURE).length);
    });

    test('malformed filters (as they may arrive from JSON) are user errors', async () => {
      let deep: EventFilter = { field: 'a', op: 'exists' };
      for (let i = 0; i < 100; i += 1) deep = { not: deep };
      const malformed = [
        { field: 'process.name', op: 'regex', value: 'x' },
        { and: 'not-a-list' },
        { field: 'process.name', op: 'contains', value: 5 },
        { field: 'process.name', op: 'eq', value: { nested: true } },
        { field: 'EventID', op: 'in', values: 4688 },
        { field: 'score', op: 'gt', value: null },
        deep,
      ] as unknown as EventFilter[];
      for (const filter of malformed) {
        await rejectsWith(storage.events.query({ ...range, filter, limit: 10 }), 'INVALID_FILTER', 'user');
      }
    });

    test('an invalid field path is rejected even when the range is empty', async () => {
      const filter = { field: 'bad path', op: 'exists' } as const;
      await rejectsWith(
        storage.events.query({ workspace: uniqueWorkspace(), from: 0, to: 1, filter, limit: 1 }),
        'INVALID_FIELD_PATH',
        'user',
      );
    });
  });
}
