import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejectsWith, uniqueWorkspace } from '../contract-fixtures.ts';
import { C0, makeAlert, useCasesStores, type CasesStoresFactory } from './cases-contract-target.ts';

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

/** Contract for `AlertRepository`. */
export function alertRepositoryContract(name: string, factory: CasesStoresFactory): void {
  describe(`${name}: alert repository contract`, () => {
    const handle = useCasesStores(factory);

    test('insert, get and getMany round-trip every field; version starts at 1', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      const a = makeAlert(ws, 'a-1', { version: 7, owner: 'ana', incidentId: 'i-1', remediation: 'isolate' });
      const b = makeAlert(ws, 'a-2');
      await alerts.insertMany(ws, [a, b]);
      assert.deepEqual(await alerts.get(ws, 'a-1'), { ...a, version: 1 });
      assert.equal(await alerts.get(ws, 'missing'), undefined);
      assert.deepEqual(ids(await alerts.getMany(ws, ['a-2', 'missing', 'a-1'])), ['a-2', 'a-1']);
      assert.deepEqual(await alerts.getMany(ws, []), []);
    });

    test('an alert of workspace A is invisible from B', async () => {
      const { alerts } = handle();
      const a = uniqueWorkspace('ws-a');
      const b = uniqueWorkspace('ws-b');
      await alerts.insertMany(a, [makeAlert(a, 'a-1')]);
      assert.equal(await alerts.get(b, 'a-1'), undefined);
      assert.deepEqual(await alerts.list(b), []);
      assert.deepEqual(await alerts.findDedupTargets(b, ['rule-1|a-1'], C0), []);
      assert.deepEqual(await alerts.findByEntities(b, ['host:ws01'], 0, C0 * 2), []);
      // The same id may exist in another workspace.
      await alerts.insertMany(b, [makeAlert(b, 'a-1')]);
      await rejectsWith(alerts.insertMany(a, [makeAlert(b, 'a-9')]), 'WORKSPACE_MISMATCH', 'unexpected');
    });

    test('insertMany is all-or-nothing: a taken id (stored or repeated) fails the batch with ALERT_EXISTS', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      await alerts.insertMany(ws, [makeAlert(ws, 'a-1')]);
      await rejectsWith(
        alerts.insertMany(ws, [makeAlert(ws, 'a-2'), makeAlert(ws, 'a-1')]),
        'ALERT_EXISTS',
        'user',
      );
      await rejectsWith(
        alerts.insertMany(ws, [makeAlert(ws, 'a-3'), makeAlert(ws, 'a-3')]),
        'ALERT_EXISTS',
        'user',
      );
      assert.deepEqual(ids(await alerts.list(ws)), ['a-1']);
    });

    test('updateMany checks versions, increments them and fails the whole batch on a conflict', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      await alerts.insertMany(ws, [makeAlert(ws, 'a-1'), makeAlert(ws, 'a-2')]);
      const [a1, a2] = await alerts.getMany(ws, ['a-1', 'a-2']);
      assert.ok(a1 && a2);
      const stored = await alerts.updateMany(ws, [{ ...a1, status: 'in_progress', owner: 'ana' }]);
      assert.equal(stored[0]?.version, 2);
      assert.deepEqual(await alerts.get(ws, 'a-1'), stored[0]);
      // a1 is stale now: the batch with a2 fails and a2 is not written.
      await rejectsWith(
        alerts.updateMany(ws, [
          { ...a2, title: 'changed' },
          { ...a1, title: 'stale' },
        ]),
        'VERSION_CONFLICT',
        'user',
      );
      assert.equal((await alerts.get(ws, 'a-2'))?.title, 'Alert a-2');
      await rejectsWith(alerts.updateMany(ws, [makeAlert(ws, 'nope')]), 'ALERT_NOT_FOUND', 'user');
    });

    test('saveBatch writes inserts and updates in one transaction', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      await alerts.insertMany(ws, [makeAlert(ws, 'a-1')]);
      const a1 = await alerts.get(ws, 'a-1');
      assert.ok(a1);
      const updated = await alerts.saveBatch(ws, {
        insert: [makeAlert(ws, 'a-2')],
        update: [{ ...a1, count: 5, lastSeenAt: C0 + 9000 }],
      });
      assert.deepEqual(
        updated.map((a) => [a.id, a.version, a.count]),
        [['a-1', 2, 5]],
      );
      // A stale update rolls back the insert that came with it.
      await rejectsWith(
        alerts.saveBatch(ws, { insert: [makeAlert(ws, 'a-3')], update: [{ ...a1, count: 6 }] }),
        'VERSION_CONFLICT',
        'user',
      );
      assert.equal(await alerts.get(ws, 'a-3'), undefined);
      assert.equal((await alerts.get(ws, 'a-1'))?.count, 5);
      // …and a taken id rolls back the update.
      const fresh = await alerts.get(ws, 'a-1');
      assert.ok(fresh);
      await rejectsWith(
        alerts.saveBatch(ws, { insert: [makeAlert(ws, 'a-2')], update: [{ ...fresh, count: 7 }] }),
        'ALERT_EXISTS',
        'user',
      );
      assert.equal((await alerts.get(ws, 'a-1'))?.count, 5);
    });

    test('saveBatch remembers processed detection ids until they expire; a remembered one fails the whole write', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      const other = uniqueWorkspace('ws-other');
      const processed = { ids: ['d-1', 'd-2', 'd-1'], at: C0, until: C0 + 1000 };
      await alerts.saveBatch(ws, { insert: [makeAlert(ws, 'a-1')], update: [], processed });
      assert.deepEqual(await alerts.processedDetections(ws, ['d-3', 'd-2', 'd-1'], C0 + 999), ['d-2', 'd-1']);
      assert.deepEqual(await alerts.processedDetections(ws, ['d-1'], C0 + 1000), []);
      assert.deepEqual(await alerts.processedDetections(other, ['d-1'], C0), []);
      assert.deepEqual(await alerts.processedDetections(ws, [], C0), []);
      // A redelivery racing the first write: nothing of the batch is stored.
      await rejectsWith(
        alerts.saveBatch(ws, {
          insert: [makeAlert(ws, 'a-2')],
          update: [],
          processed: { ids: ['d-3', 'd-1'], at: C0 + 10, until: C0 + 2000 },
        }),
        'DETECTION_ALREADY_PROCESSED',
        'user',
      );
      assert.deepEqual(ids(await alerts.list(ws)), ['a-1']);
      assert.deepEqual(await alerts.processedDetections(ws, ['d-3'], C0 + 10), []);
      // Another workspace keeps its own ids; an expired id may be processed again (and is replaced).
      await alerts.saveBatch(other, {
        insert: [],
        update: [],
        processed: { ids: ['d-1'], at: C0, until: C0 + 5 },
      });
      await alerts.saveBatch(ws, {
        insert: [],
        update: [],
        processed: { ids: ['d-1'], at: C0 + 1000, until: C0 + 3000 },
      });
      assert.deepEqual(await alerts.processedDetections(ws, ['d-1', 'd-2'], C0 + 2000), ['d-1']);
    });

    test('findDedupTargets: open alerts of these keys still inside their window, newest first', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      await alerts.insertMany(ws, [
        makeAlert(ws, 'a-1', { dedupKey: 'k1', createdAt: C0, dedupUntil: C0 + 100 }),
        makeAlert(ws, 'a-2', { dedupKey: 'k1', createdAt: C0 + 10, dedupUntil: C0 + 100 }),
        makeAlert(ws, 'a-3', {
          dedupKey: 'k1',
          status: 'closed',
          closeReason: 'resolved',
          dedupUntil: C0 + 100,
        }),
        makeAlert(ws, 'a-4', { dedupKey: 'k1', dedupUntil: C0 + 50 }),
        makeAlert(ws, 'a-5', { dedupKey: 'k2', dedupUntil: C0 + 100 }),
        makeAlert(ws, 'a-6', { dedupKey: 'k3', dedupUntil: C0 + 100 }),
      ]);
      assert.deepEqual(ids(await alerts.findDedupTargets(ws, ['k1', 'k2'], C0 + 50)), ['a-2', 'a-1', 'a-5']);
      assert.deepEqual(await alerts.findDedupTargets(ws, [], C0), []);
      // The key of an updated alert is indexed anew.
      const a6 = await alerts.get(ws, 'a-6');
      assert.ok(a6);
      await alerts.updateMany(ws, [{ ...a6, dedupKey: 'k4' }]);
      assert.deepEqual(ids(await alerts.findDedupTargets(ws, ['k3'], C0)), []);
      assert.deepEqual(ids(await alerts.findDedupTargets(ws, ['k4'], C0)), ['a-6']);
    });

    test('findByEntities: a shared entity key and an event-time span touching the range, newest first', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      const ent = (keys: string[]) => ({ entityKeys: keys });
      await alerts.insertMany(ws, [
        makeAlert(ws, 'a-1', { ...ent(['host:ws01']), firstSeenAt: 100, lastSeenAt: 200 }),
        makeAlert(ws, 'a-2', { ...ent(['user:ana', 'host:ws02']), firstSeenAt: 150, lastSeenAt: 400 }),
        makeAlert(ws, 'a-3', { ...ent(['host:ws01']), firstSeenAt: 1000, lastSeenAt: 1100 }),
        makeAlert(ws, 'a-4', { ...ent(['ip:10.0.0.1']), firstSeenAt: 100, lastSeenAt: 200 }),
      ]);
      assert.deepEqual(ids(await alerts.findByEntities(ws, ['host:ws01', 'user:ana'], 0, 500)), [
        'a-2',
        'a-1',
      ]);
      assert.deepEqual(ids(await alerts.findByEntities(ws, ['host:ws01'], 200, 1000)), ['a-3', 'a-1']);
      assert.deepEqual(ids(await alerts.findByEntities(ws, ['host:ws01'], 0, 5000, 1)), ['a-3']);
      assert.deepEqual(await alerts.findByEntities(ws, [], 0, 5000), []);
      // Entity keys follow updates.
      const a4 = await alerts.get(ws, 'a-4');
      assert.ok(a4);
      await alerts.updateMany(ws, [{ ...a4, entityKeys: ['host:ws01'] }]);
      assert.deepEqual(ids(await alerts.findByEntities(ws, ['ip:10.0.0.1'], 0, 5000)), []);
      assert.deepEqual(ids(await alerts.findByEntities(ws, ['host:ws01'], 0, 300)), ['a-1', 'a-4']);
    });

    test('list filters by status, severity, rule, incident, entity and creation time; keyset pages by id', async () => {
      const { alerts } = handle();
      const ws = uniqueWorkspace();
      await alerts.insertMany(ws, [
        makeAlert(ws, 'a-1', { severity: 'low', createdAt: C0 }),
        makeAlert(ws, 'a-2', { status: 'in_progress', createdAt: C0 + 10, incidentId: 'i-1' }),
        makeAlert(ws, 'a-3', { rule: { id: 'rule-2' }, createdAt: C0 + 20, entityKeys: ['user:bob'] }),
        makeAlert(ws, 'a-4', { severity: 'critical', createdAt: C0 + 30 }),
      ]);
      assert.deepEqual(ids(await alerts.list(ws)), ['a-1', 'a-2', 'a-3', 'a-4']);
      assert.deepEqual(ids(await alerts.list(ws, { status: ['in_progress'] })), ['a-2']);
      assert.deepEqual(ids(await alerts.list(ws, { severity: ['low', 'critical'] })), ['a-1', 'a-4']);
      assert.deepEqual(ids(await alerts.list(ws, { ruleId: 'rule-2' })), ['a-3']);
      assert.deepEqual(ids(await alerts.list(ws, { incidentId: 'i-1' })), ['a-2']);
      assert.deepEqual(ids(await alerts.list(ws, { entityKey: 'user:bob' })), ['a-3']);
      assert.deepEqual(ids(await alerts.list(ws, { createdFrom: C0 + 10, createdTo: C0 + 30 })), [
        'a-2',
        'a-3',
      ]);
      assert.deepEqual(ids(await alerts.list(ws, { limit: 2 })), ['a-1', 'a-2']);
      assert.deepEqual(ids(await alerts.list(ws, { limit: 2, after: 'a-2' })), ['a-3', 'a-4']);
      assert.deepEqual(ids(await alerts.list(ws, { limit: 0 })), ['a-1']);
      assert.deepEqual(ids(await alerts.list(ws, { status: [] })), []);
    });
  });
}
