import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger as silent } from '@vigil/core';
import { pseudonymFor } from '@vigil/identity';
import { addUser, authFixture } from '../auth/testing/auth-fixture.ts';
import { runPersonalDataRetention } from './personal-data-retention-job.ts';

const PASSWORD = 'Privacy-Passw0rd-1';
const DAY = 86_400_000;

test('retention purges expired sessions and anonymises accounts disabled longer than the retention', async () => {
  const { rt, clock } = await authFixture();
  await addUser(rt, 'active', PASSWORD, [['owner', 'ws-a']]);
  const gone = await addUser(rt, 'gone', PASSWORD, [['viewer', 'ws-a']]);
  const recent = await addUser(rt, 'recent', PASSWORD, [['viewer', 'ws-a']]);
  await rt.stores.users.update({
    ...gone,
    disabled: true,
    email: 'gone@example.org',
    updatedAt: clock.now(),
  });
  await rt.sessions.start('u-active', { clientIp: '198.51.100.7' });
  await rt.throttle.failure('someone', '198.51.100.9'); // account and address counters, expired 20 days on
  clock.advance(20 * DAY);
  await rt.stores.users.update({ ...recent, disabled: true, updatedAt: clock.now() });
  const live = await rt.sessions.start('u-active', { clientIp: '198.51.100.8' });
  await rt.throttle.failure('someone-else', '198.51.100.10');

  const first = await runPersonalDataRetention({ rt, retentionDays: 30, logger: silent });
  assert.deepEqual(first, { sessionsDeleted: 1, loginStatesDeleted: 2, accountsAnonymised: 0, failed: 0 });
  assert.equal((await rt.stores.loginThrottle.get('account:someone-else', clock.now()))?.failures, 1);
  assert.deepEqual(
    (await rt.stores.sessions.listByUser('u-active')).map((s) => s.key),
    [live.session.key],
  );

  clock.advance(11 * DAY);
  const second = await runPersonalDataRetention({ rt, retentionDays: 30, logger: silent });
  assert.equal(second.accountsAnonymised, 1);
  const after = await rt.stores.users.get('u-gone');
  assert.equal(after?.username, pseudonymFor('u-gone'));
  assert.equal(after?.email, undefined);
  assert.equal(after?.passwordHash, undefined);
  assert.deepEqual(await rt.stores.roleGrants.listForPrincipal('u-gone'), []);
  assert.equal((await rt.stores.users.get('u-recent'))?.username, 'recent');
  assert.equal((await rt.stores.users.get('u-active'))?.username, 'active');
  const audit = await rt.stores.audit.find({ eventType: 'privacy.account_anonymised' });
  assert.deepEqual(
    audit.map((r) => r.resource),
    ['user:u-gone'],
  );

  // Idempotent: an anonymised account is not touched again.
  clock.advance(30 * DAY);
  const third = await runPersonalDataRetention({ rt, retentionDays: 30, logger: silent });
  assert.equal(third.accountsAnonymised, 1, 'only "recent" is due now');
  assert.equal((await rt.stores.users.get('u-recent'))?.username, pseudonymFor('u-recent'));
});
