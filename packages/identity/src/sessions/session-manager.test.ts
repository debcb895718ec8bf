import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError } from '@vigil/core';
import { SessionManager } from './session-manager.ts';
import { MemorySessionStore } from './memory-session-store.ts';
import { newSessionId, sessionKey } from './session-id.ts';
import type { SessionPolicy } from './session.ts';

const policy: SessionPolicy = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 8 * 3_600_000,
  touchIntervalMs: 60_000,
};

function setup() {
  const clock = new ManualClock();
  const store = new MemorySessionStore();
  return { clock, store, sessions: new SessionManager(store, clock, policy) };
}

const invalid = (reason: string) => (e: unknown) =>
  isVigilError(e) && e.code === 'SESSION_INVALID' && e.status === 401 && e.details?.['reason'] === reason;

test('session ids are 256-bit base64url values from the CSPRNG', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => newSessionId()));
  assert.equal(ids.size, 1000);
  for (const id of ids) {
    assert.match(id, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(id, 'base64url').length, 32);
  }
});

test('the store keeps a hash of the id, never the id', async () => {
  const { store, sessions } = setup();
  const { sessionId, session } = await sessions.start('u1');
  assert.equal(session.key, sessionKey(sessionId));
  assert.notEqual(session.key, sessionId);
  assert.ok(!JSON.stringify(await store.listByUser('u1')).includes(sessionId));
});

test('login issues a new id and destroys the one the client brought (no fixation)', async () => {
  const { sessions } = setup();
  const before = await sessions.start('anon');
  const after = await sessions.start('u1', { previousSessionId: before.sessionId });
  assert.notEqual(after.sessionId, before.sessionId);
  await assert.rejects(sessions.validate(before.sessionId), invalid('unknown'));
  assert.equal((await sessions.validate(after.sessionId)).userId, 'u1');
});

test('idle timeout ends a session left alone; activity keeps it alive', async () => {
  const { clock, sessions } = setup();
  const { sessionId } = await sessions.start('u1');
  clock.advance(29 * 60_000);
  await sessions.validate(sessionId);
  clock.advance(29 * 60_000);
  await sessions.validate(sessionId);
  clock.advance(30 * 60_000);
  await assert.rejects(sessions.validate(sessionId), invalid('idle_expired'));
  await assert.rejects(sessions.validate(sessionId), invalid('unknown'), 'expired sessions are deleted');
});

test('absolute timeout ends even an active session, and rotation does not extend it', async () => {
  const { clock, sessions } = setup();
  let { sessionId } = await sessions.start('u1');
  for (let i = 0; i < 15; i++) {
    clock.advance(25 * 60_000);
    ({ sessionId } = await sessions.rotate(sessionId));
  }
  for (let i = 0; i < 4; i++) {
    clock.advance(25 * 60_000); // up to 19 × 25 min = 7 h 55 min
    await sessions.validate(sessionId);
  }
  clock.advance(5 * 60_000 - 1); // 1 ms before 8 h
  await sessions.validate(sessionId);
  clock.advance(1);
  await assert.rejects(sessions.validate(sessionId), invalid('absolute_expired'));
});

test('privilege change rotates the id and invalidates the old one', async () => {
  const { sessions } = setup();
  const first = await sessions.start('u1');
  const second = await sessions.rotate(first.sessionId, { mfa: true });
  assert.notEqual(second.sessionId, first.sessionId);
  assert.equal(second.session.mfa, true);
  assert.equal(second.session.privilegeEpoch, 1);
  assert.equal(second.session.authenticatedAt, first.session.authenticatedAt);
  await assert.rejects(sessions.validate(first.sessionId), invalid('unknown'));
  assert.equal((await sessions.validate(second.sessionId)).mfa, true);
});

test('logout and sign-out-everywhere revoke server-side', async () => {
  const { sessions } = setup();
  const a = await sessions.start('u1');
  const b = await sessions.start('u1');
  const c = await sessions.start('u2');
  assert.equal(await sessions.end(a.sessionId), true);
  await assert.rejects(sessions.validate(a.sessionId), invalid('unknown'));
  assert.equal(await sessions.endAll('u1'), 1);
  await assert.rejects(sessions.validate(b.sessionId), invalid('unknown'));
  await sessions.validate(c.sessionId);
});

test('malformed ids are refused without a store lookup', async () => {
  const { sessions } = setup();
  await assert.rejects(sessions.validate('short'), invalid('malformed'));
  await assert.rejects(sessions.validate(''), invalid('malformed'));
});

test('purgeExpired removes sessions past either timeout', async () => {
  const { clock, sessions } = setup();
  await sessions.start('u1');
  const live = await sessions.start('u2');
  clock.advance(20 * 60_000);
  await sessions.validate(live.sessionId);
  clock.advance(15 * 60_000);
  assert.equal(await sessions.purgeExpired(), 1);
});
