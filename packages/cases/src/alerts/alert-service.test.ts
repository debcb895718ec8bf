import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, sequentialIds } from '@vigil/core';
import { detectionOf, sshdFailedPassword } from '../fixtures/ecs-events.ts';
import { alertFromDetection } from './alert-from-detection.ts';
import { AlertService } from './alert-service.ts';
import { MemoryAlertRepository } from './memory-alert-repository.ts';

test('bulk status change and edits go through the lifecycle, all-or-nothing', async () => {
  const clock = new ManualClock();
  const alerts = new MemoryAlertRepository();
  const ids = sequentialIds('a');
  const mk = (host: string) =>
    alertFromDetection(detectionOf(sshdFailedPassword(host, { host: { name: host } })), { ids, clock });
  const [a, b] = [mk('h1'), mk('h2')];
  assert.ok(a && b);
  await alerts.insertMany('ws1', [a, b]);
  const service = new AlertService({ alerts, clock });
  clock.advance(5 * 60_000);
  const acked = await service.changeStatus('ws1', [a.id, b.id], { to: 'in_progress' }, 'ana');
  assert.deepEqual(
    acked.map((x) => [x.status, x.acknowledgedAt, x.version]),
    [
      ['in_progress', clock.now(), 2],
      ['in_progress', clock.now(), 2],
    ],
  );
  await assert.rejects(service.changeStatus('ws1', [a.id, 'missing'], { to: 'open' }, 'ana'), {
    code: 'ALERT_NOT_FOUND',
  });
  await assert.rejects(service.changeStatus('ws1', [a.id], { to: 'closed' }, 'ana'), {
    code: 'CLOSE_REASON_REQUIRED',
  });
  assert.equal((await alerts.get('ws1', a.id))?.status, 'in_progress', 'nothing half-written');
  const [owned] = await service.update('ws1', [a.id], { owner: 'ana' }, 'lead');
  assert.equal(owned?.owner, 'ana');
  const [same] = await service.update('ws1', [a.id], { owner: 'ana' }, 'lead');
  assert.equal(same?.version, owned?.version, 'a no-op patch is not written');
});
