import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '@vigil/core';
import type { Storage } from '@vigil/core';
import { rejectsWith, uniqueWorkspace } from './contract-fixtures.ts';

interface Rule {
  title: string;
  level?: number;
}

/**
 * Contract for MetadataStore/RecordRepository. The factory receives the clock the storage must use for
 * createdAt/updatedAt, so timestamps can be checked without timing.
 */
export function recordRepositoryContract(name: string, open: (clock: ManualClock) => Promise<Storage>): void {
  describe(`${name}: record repository contract`, () => {
    let storage: Storage;
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    before(async () => {
      storage = await open(clock);
      await storage.migrate();
    });
    after(() => storage.close());

    test('create, then get returns the record at version 1 with the clock’s times', async () => {
      const ws = uniqueWorkspace();
      const rules = storage.metadata.repository<Rule>('rule');
      const created = await rules.create(ws, 'r1', { title: 'first', level: 3 });
      assert.deepEqual(created, {
        workspace: ws,
        id: 'r1',
        version: 1,
        createdAt: clock.now(),
        updatedAt: clock.now(),
        data: { title: 'first', level: 3 },
      });
      assert.deepEqual(await rules.get(ws, 'r1'), created);
      assert.equal(await rules.get(ws, 'missing'), undefined);
    });

    test('create refuses a taken id with RECORD_EXISTS (409)', async () => {
      const ws = uniqueWorkspace();
      const rules = storage.metadata.repository<Rule>('rule');
      await rules.create(ws, 'r1', { title: 'a' });
      await rejectsWith(rules.create(ws, 'r1', { title: 'b' }), 'RECORD_EXISTS', 'user');
      assert.equal((await rules.get(ws, 'r1'))?.data.title, 'a');
    });

    test('update increments the version and refuses stale versions', async () => {
      const ws = uniqueWorkspace();
      const rules = storage.metadata.repository<Rule>('rule');
      const created = await rules.create(ws, 'r1', { title: 'v1' });
      clock.advance(1_000);
      const updated = await rules.update(ws, 'r1', created.version, { title: 'v2' });
      assert.equal(updated.version, created.version + 1);
      assert.equal(updated.createdAt, created.createdAt);
      assert.equal(updated.updatedAt, clock.now());
      assert.deepEqual(updated.data, { title: 'v2' });
      await rejectsWith(
        rules.update(ws, 'r1', created.version, { title: 'lost' }),
        'VERSION_CONFLICT',
        'user',
      );
      await rejectsWith(rules.update(ws, 'nope', 1, { title: 'x' }), 'RECORD_NOT_FOUND', 'user');
      assert.deepEqual(await rules.get(ws, 'r1'), updated);
    });

    test('delete removes a record once', async () => {
      const ws = uniqueWorkspace();
      const rules = storage.metadata.repository<Rule>('rule');
      await rules.create(ws, 'r1', { title: 'x' });
      assert.equal(await rules.delete(ws, 'r1'), true);
      assert.equal(await rules.delete(ws, 'r1'), false);
      assert.equal(await rules.get(ws, 'r1'), undefined);
    });

    test('list pages by id with after and limit', async () => {
      const ws = uniqueWorkspace();
      const rules = storage.metadata.repository<Rule>('rule');
      const ids = ['b', 'a', 'd', 'c', 'e', 'B'];
      for (const id of ids) await rules.create(ws, id, { title: id });
      const sorted = [...ids].sort();
      assert.deepEqual(
        (await rules.list(ws)).map((r) => r.id),
        sorted,
      );
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await rules.list(ws, after === undefined ? { limit: 2 } : { limit: 2, after });
        if (page.length === 0) break;
        assert.ok(page.length <= 2);
        seen.push(...page.map((r) => r.id));
        after = page.at(-1)?.id;
      }
      assert.deepEqual(seen, sorted);
      await rejectsWith(rules.list(ws, { limit: 0 }), 'INVALID_LIMIT', 'user');
    });

    test('records are scoped by workspace and by kind', async () => {
      const a = uniqueWorkspace('a');
      const b = uniqueWorkspace('b');
      const rules = storage.metadata.repository<Rule>('rule');
      const sources = storage.metadata.repository<Rule>('source');
      await rules.create(a, 'same', { title: 'a-rule' });
      await rules.create(b, 'same', { title: 'b-rule' });
      await sources.create(a, 'same', { title: 'a-source' });
      assert.equal((await rules.get(b, 'same'))?.data.title, 'b-rule');
      assert.deepEqual(
        (await rules.list(b)).map((r) => r.data.title),
        ['b-rule'],
      );
      assert.equal((await sources.get(a, 'same'))?.data.title, 'a-source');
      assert.equal(await sources.get(b, 'same'), undefined);
      assert.equal(await rules.delete(b, 'same'), true);
      assert.equal((await rules.get(a, 'same'))?.data.title, 'a-rule');
      await rejectsWith(rules.update(b, 'same', 1, { title: 'x' }), 'RECORD_NOT_FOUND', 'user');
    });

    test('an invalid kind is refused', () => {
      assert.throws(() => storage.metadata.repository('Bad Kind'), { code: 'INVALID_RECORD_KIND' });
    });
  });
}
