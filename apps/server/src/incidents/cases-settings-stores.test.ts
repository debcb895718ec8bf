import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '@vigil/core';
import { pgUrl, skipUnless } from '@vigil/testkit';
import { openTestStorage } from '../investigation/testing/investigation-fixture.ts';
import { RuleAlertingStore } from '../alerts/rule-alerting-store.ts';
import { RelationshipStore } from './relationship-store.ts';
import { SlaPolicyStore } from './sla-policy-store.ts';
import { UserNotificationStore } from './user-notification-store.ts';

// The follow-up stores sit on the records table: the same behaviour on SQLite and PostgreSQL.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(
    `cases settings over the records table (${kind})`,
    { skip: kind === 'postgres' ? skipUnless(pgUrl(), 'VIGIL_PG_URL') : false },
    () => {
      test('SLA policy, rule alerting, notifications and relationships', async () => {
        const { storage, cleanup } = await openTestStorage(kind);
        try {
          await storage.migrate();
          const clock = new ManualClock(Date.UTC(2026, 5, 1));
          const metadata = storage.metadata;

          const sla = new SlaPolicyStore(metadata);
          assert.equal((await sla.get('ws')).isDefault, true);
          await sla.put('ws', { high: { acknowledgeMs: 60_000, resolveMs: 120_000 } }, 'u1', 0);
          await assert.rejects(sla.put('ws', {}, 'u2', 0), /changed|version/i);
          assert.deepEqual(await sla.policy('ws'), { high: { acknowledgeMs: 60_000, resolveMs: 120_000 } });
          assert.equal((await sla.get('other')).isDefault, true, 'policies are per workspace');

          const alerting = new RuleAlertingStore(metadata, clock);
          await alerting.put('ws', {
            ruleId: 'r1',
            dedupFields: ['source.ip'],
            dedupWindowSeconds: 600,
            updatedAt: 1,
            updatedBy: 'u1',
          });
          assert.deepEqual(await alerting.dedupPolicy('ws', 'r1'), {
            groupFields: ['source.ip'],
            windowMs: 600_000,
          });
          assert.equal(await alerting.dedupPolicy('ws', 'r2'), undefined);
          assert.equal(await alerting.dedupPolicy('other', 'r1'), undefined);

          const notes = new UserNotificationStore(metadata, clock);
          const facts = { actor: 'u0', incidentId: 'i1', incidentTitle: 'T', text: 'hi' };
          await notes.mention('ws', ['u1', 'u10'], facts);
          clock.advance(1000);
          await notes.mention('ws', ['u1'], { ...facts, incidentId: 'i2' });
          const u1 = await notes.list('ws', 'u1');
          assert.deepEqual(
            u1.map((n) => n.incidentId),
            ['i2', 'i1'],
            'newest first, and u10 is not u1',
          );
          assert.equal((await notes.list('ws', 'u10')).length, 1);
          assert.equal(await notes.markRead('ws', 'u1', [u1[1]?.id ?? '']), 1);
          assert.equal(await notes.markRead('ws', 'u1'), 1);
          assert.equal((await notes.list('ws', 'u10'))[0]?.readAt, undefined);

          const links = new RelationshipStore(metadata);
          const link = (id: string, at: number) => ({
            id,
            kind: 'indicator' as const,
            type: 'ip' as const,
            value: `10.0.0.${at}`,
            addedAt: at,
            addedBy: 'u1',
          });
          await links.add('ws', 'incident', 'i1', link('b', 2));
          await links.add('ws', 'incident', 'i1', link('a', 1));
          await links.add('ws', 'incident', 'i10', link('c', 3));
          await links.add('ws', 'alert', 'i1', link('d', 4));
          assert.deepEqual(
            (await links.list('ws', 'incident', 'i1')).map((l) => l.id),
            ['a', 'b'],
          );
          assert.equal(await links.remove('ws', 'incident', 'i1', 'a'), true);
          assert.deepEqual(
            (await links.list('ws', 'incident', 'i1')).map((l) => l.id),
            ['b'],
          );
        } finally {
          await storage.close();
          await cleanup();
        }
      });
    },
  );
}
