import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejectsWith, uniqueWorkspace } from '../contract-fixtures.ts';
import { C0, makeIncident, useCasesStores, type CasesStoresFactory } from './cases-contract-target.ts';

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

/** Contract for `IncidentRepository`. */
export function incidentRepositoryContract(name: string, factory: CasesStoresFactory): void {
  describe(`${name}: incident repository contract`, () => {
    const handle = useCasesStores(factory);

    test('insert, get and getMany round-trip every field; version starts at 1', async () => {
      const { incidents } = handle();
      const ws = uniqueWorkspace();
      const i = makeIncident(ws, 'i-1', {
        version: 3,
        owner: 'ana',
        description: 'lateral movement',
        plannedClosureAt: C0 + 5000,
        splitFrom: 'i-0',
        sla: {
          acknowledgeDueAt: C0 + 1,
          breaches: [{ kind: 'acknowledge', dueAt: C0 + 1, detectedAt: C0 + 2 }],
        },
      });
      await incidents.insertMany(ws, [i, makeIncident(ws, 'i-2')]);
      assert.deepEqual(await incidents.get(ws, 'i-1'), { ...i, version: 1 });
      assert.equal(await incidents.get(uniqueWorkspace(), 'i-1'), undefined);
      assert.deepEqual(ids(await incidents.getMany(ws, ['i-2', 'x', 'i-1'])), ['i-2', 'i-1']);
      await rejectsWith(
        incidents.insertMany(ws, [makeIncident(ws, 'i-3'), makeIncident(ws, 'i-1')]),
        'INCIDENT_EXISTS',
        'user',
      );
      assert.equal(await incidents.get(ws, 'i-3'), undefined);
      await rejectsWith(
        incidents.insertMany(ws, [makeIncident('other', 'i-4')]),
        'WORKSPACE_MISMATCH',
        'unexpected',
      );
    });

    test('updateMany is version-checked and all-or-nothing', async () => {
      const { incidents } = handle();
      const ws = uniqueWorkspace();
      await incidents.insertMany(ws, [makeIncident(ws, 'i-1'), makeIncident(ws, 'i-2')]);
      const [i1, i2] = await incidents.getMany(ws, ['i-1', 'i-2']);
      assert.ok(i1 && i2);
      const [stored] = await incidents.updateMany(ws, [
        { ...i1, status: 'in_progress', acknowledgedAt: C0 + 5 },
      ]);
      assert.equal(stored?.version, 2);
      assert.deepEqual(await incidents.get(ws, 'i-1'), stored);
      await rejectsWith(
        incidents.updateMany(ws, [
          { ...i2, title: 'new' },
          { ...i1, title: 'stale' },
        ]),
        'VERSION_CONFLICT',
        'user',
      );
      assert.equal((await incidents.get(ws, 'i-2'))?.title, 'Incident i-2');
      await rejectsWith(incidents.updateMany(ws, [makeIncident(ws, 'nope')]), 'INCIDENT_NOT_FOUND', 'user');
    });

    test('list filters by status, severity, owner, entity and creation time; keyset pages by id', async () => {
      const { incidents } = handle();
      const ws = uniqueWorkspace();
      await incidents.insertMany(ws, [
        makeIncident(ws, 'i-1', { severity: 'low', createdAt: C0 }),
        makeIncident(ws, 'i-2', {
          status: 'closed',
          closeReason: 'resolved',
          createdAt: C0 + 10,
          owner: 'ana',
        }),
        makeIncident(ws, 'i-3', { entityKeys: ['user:bob'], createdAt: C0 + 20 }),
      ]);
      assert.deepEqual(ids(await incidents.list(ws)), ['i-1', 'i-2', 'i-3']);
      assert.deepEqual(ids(await incidents.list(ws, { status: ['open', 'in_progress'] })), ['i-1', 'i-3']);
      assert.deepEqual(ids(await incidents.list(ws, { severity: ['low'] })), ['i-1']);
      assert.deepEqual(ids(await incidents.list(ws, { owner: 'ana' })), ['i-2']);
      assert.deepEqual(ids(await incidents.list(ws, { entityKey: 'user:bob' })), ['i-3']);
      assert.deepEqual(ids(await incidents.list(ws, { createdFrom: C0 + 10 })), ['i-2', 'i-3']);
      assert.deepEqual(ids(await incidents.list(ws, { createdTo: C0 + 10 })), ['i-1']);
      assert.deepEqual(ids(await incidents.list(ws, { after: 'i-1', limit: 1 })), ['i-2']);
      // Owner and entity columns follow updates.
      const i3 = await incidents.get(ws, 'i-3');
      assert.ok(i3);
      await incidents.updateMany(ws, [{ ...i3, owner: 'ana', entityKeys: ['host:ws09'] }]);
      assert.deepEqual(ids(await incidents.list(ws, { owner: 'ana' })), ['i-2', 'i-3']);
      assert.deepEqual(ids(await incidents.list(ws, { entityKey: 'user:bob' })), []);
      assert.deepEqual(ids(await incidents.list(ws, { entityKey: 'host:ws09' })), ['i-3']);
    });
  });
}
