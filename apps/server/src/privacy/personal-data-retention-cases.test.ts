import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger as silent } from '@vigil/core';
import { pseudonymFor } from '@vigil/identity';
import { makeAlert } from '@vigil/testkit';
import { memoryCasesStores } from '../alerts/cases-runtime.ts';
import { addUser, authFixture } from '../auth/testing/auth-fixture.ts';
import { createCasesPrivacy } from './cases-privacy.ts';
import { runPersonalDataRetention } from './personal-data-retention-job.ts';

const DAY = 86_400_000;

test('retention anonymisation pseudonymises the account in alerts too, and leaves others alone', async () => {
  const { rt, clock } = await authFixture();
  const gone = await addUser(rt, 'gone', 'Privacy-Passw0rd-1', [['analyst', 'ws-a']]);
  await rt.stores.users.update({ ...gone, disabled: true, updatedAt: clock.now() });
  const stores = memoryCasesStores();
  const entry = (actor: string) => ({ at: 1, actor, action: 'status_changed' });
  await stores.alerts.insertMany('ws-a', [
    makeAlert('ws-a', 'a1', { owner: 'u-gone', activity: [entry('u-gone'), entry('u-other')] }),
    makeAlert('ws-a', 'a2', { owner: 'u-other', activity: [entry('u-other')] }),
  ]);
  const casesPrivacy = createCasesPrivacy(
    () => stores,
    async () => (await rt.stores.workspaces.list()).map((w) => w.id),
  );
  clock.advance(31 * DAY);
  const report = await runPersonalDataRetention({ rt, retentionDays: 30, logger: silent, casesPrivacy });
  assert.equal(report.accountsAnonymised, 1);
  const a1 = await stores.alerts.get('ws-a', 'a1');
  assert.equal(a1?.owner, pseudonymFor('u-gone'));
  assert.deepEqual(
    a1?.activity.map((e) => e.actor),
    [pseudonymFor('u-gone'), 'u-other'],
  );
  assert.equal(a1?.version, 2, 'stored as a normal, versioned update');
  assert.equal((await stores.alerts.get('ws-a', 'a2'))?.version, 1, 'untouched alerts are not rewritten');
});
