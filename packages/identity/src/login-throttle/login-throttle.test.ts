import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError } from '@vigil/core';
import { LoginThrottle, loginFailed } from './login-throttle.ts';
import { MemoryLoginThrottleStore } from './memory-login-throttle-store.ts';
import { addressBucket } from './login-throttle-policy.ts';

function setup() {
  const clock = new ManualClock();
  return { clock, throttle: new LoginThrottle(new MemoryLoginThrottleStore(), clock) };
}
const throttled = (seconds?: number) => (e: unknown) =>
  isVigilError(e) &&
  e.code === 'LOGIN_THROTTLED' &&
  e.status === 429 &&
  (seconds === undefined || e.retryAfterSeconds === seconds);

test('five failures lock the account for a minute, then the lock doubles', async () => {
  const { clock, throttle } = setup();
  for (let i = 0; i < 4; i++) {
    await throttle.check('alice', '192.0.2.1');
    assert.deepEqual(await throttle.failure('alice', '192.0.2.1'), { locked: false });
  }
  assert.deepEqual(await throttle.failure('Alice', '192.0.2.2'), { locked: true });
  await assert.rejects(
    throttle.check('ALICE', '203.0.113.9'),
    throttled(60),
    'locked from any address, any case',
  );
  await throttle.check('bob', '192.0.2.1');
  clock.advance(60_000);
  await throttle.check('alice', '192.0.2.1');
  await throttle.failure('alice', '192.0.2.1');
  await assert.rejects(throttle.check('alice', '192.0.2.1'), throttled(120));
});

test('a successful login clears the account streak', async () => {
  const { throttle } = setup();
  for (let i = 0; i < 4; i++) await throttle.failure('alice', '192.0.2.1');
  await throttle.success('alice');
  assert.deepEqual(await throttle.failure('alice', '192.0.2.1'), { locked: false });
});

test('one address spraying many accounts is blocked', async () => {
  const { clock, throttle } = setup();
  for (let i = 0; i < 29; i++) await throttle.failure(`user${i}`, '198.51.100.7');
  await throttle.check('someone', '198.51.100.7');
  await throttle.failure('user-last', '198.51.100.7');
  await assert.rejects(throttle.check('someone', '198.51.100.7'), throttled(900));
  await throttle.check('someone', '198.51.100.8');
  clock.advance(15 * 60_000);
  await throttle.check('someone', '198.51.100.7');
});

test('unknown accounts are throttled like real ones and failures share one generic message', async () => {
  const { throttle } = setup();
  for (let i = 0; i < 5; i++) await throttle.failure('no-such-user', '192.0.2.1');
  await assert.rejects(throttle.check('no-such-user', '192.0.2.1'), throttled());
  const e = loginFailed();
  assert.equal(e.status, 401);
  assert.doesNotMatch(e.message, /unknown|not found|exist/i);
});

test('IPv6 clients are bucketed by /64', () => {
  assert.equal(addressBucket('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
  assert.equal(addressBucket('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressBucket('::ffff:192.0.2.1'), '192.0.2.1');
  assert.equal(addressBucket('192.0.2.1'), '192.0.2.1');
});
