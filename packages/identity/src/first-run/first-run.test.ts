import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError } from '@vigil/core';
import { FirstRun } from './first-run.ts';
import { MemorySetupTokenStore } from './memory-setup-token-store.ts';
import { checkSetupToken, issueSetupToken, setupLink } from './setup-token.ts';

const reason = (r: string) => (e: unknown) =>
  isVigilError(e) && e.code === 'SETUP_TOKEN_INVALID' && e.details?.['reason'] === r;

function setup() {
  const clock = new ManualClock();
  const store = new MemorySetupTokenStore();
  let done = false;
  const firstRun = new FirstRun(store, clock, () => Promise.resolve(done));
  return { clock, store, firstRun, finish: () => (done = true) };
}

test('setup tokens are random, 256-bit, stored only as a hash, and expire', () => {
  const a = issueSetupToken(0);
  const b = issueSetupToken(0);
  assert.notEqual(a.token, b.token);
  assert.equal(Buffer.from(a.token, 'base64url').length, 32);
  assert.ok(!JSON.stringify(a.record).includes(a.token));
  assert.equal(a.record.expiresAt, 3_600_000);
  assert.deepEqual(checkSetupToken(a.record, a.token, 0), { ok: true });
  assert.deepEqual(checkSetupToken(a.record, b.token, 0), { ok: false, reason: 'unknown' });
  assert.deepEqual(checkSetupToken(a.record, a.token, 3_600_000), { ok: false, reason: 'expired' });
  assert.deepEqual(checkSetupToken(a.record, 'x', 0), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkSetupToken(undefined, a.token, 0), { ok: false, reason: 'unknown' });
});

test('a setup token works once', async () => {
  const { firstRun } = setup();
  const { token } = await firstRun.issue();
  await firstRun.redeem(token);
  await assert.rejects(firstRun.redeem(token), reason('used'));
});

test('an expired setup token is refused', async () => {
  const { clock, firstRun } = setup();
  const { token } = await firstRun.issue();
  clock.advance(60 * 60_000);
  await assert.rejects(firstRun.redeem(token), reason('expired'));
});

test('issuing a new link invalidates the previous one', async () => {
  const { firstRun } = setup();
  const old = await firstRun.issue();
  const fresh = await firstRun.issue();
  await assert.rejects(firstRun.redeem(old.token), reason('unknown'));
  await firstRun.redeem(fresh.token);
});

test('once set up, no token can be issued or redeemed', async () => {
  const { firstRun, finish } = setup();
  const { token } = await firstRun.issue();
  finish();
  await assert.rejects(firstRun.issue(), { code: 'SETUP_DONE' });
  await assert.rejects(firstRun.redeem(token), { code: 'SETUP_DONE' });
});

test('concurrent redemptions of one token: exactly one wins', async () => {
  const { firstRun } = setup();
  const { token } = await firstRun.issue();
  const results = await Promise.allSettled([
    firstRun.redeem(token),
    firstRun.redeem(token),
    firstRun.redeem(token),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
});

test('the setup link keeps the token in the fragment, out of server logs', () => {
  const link = setupLink('http://127.0.0.1:8080/', 'abc');
  assert.equal(link, 'http://127.0.0.1:8080/setup#token=abc');
  const url = new URL(link);
  assert.equal(url.search, '');
  assert.equal(url.pathname, '/setup');
});
