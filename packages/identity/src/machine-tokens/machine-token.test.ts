import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMachineToken, issueMachineToken, parseMachineToken } from './machine-token.ts';
import { machineTokenPrincipal } from './machine-token-principal.ts';
import { authorize } from '../access/authorize.ts';
import { builtInRole } from '../access/role.ts';
import { ManualClock } from '@vigil/core';

const clock = new ManualClock(1_000);
const base = { name: 'ci', workspaceId: 'ws-a', createdBy: 'u1', createdAt: 0 };

test('tokens are shown once, stored hashed, and carry a scannable prefix', () => {
  const { token, record } = issueMachineToken({ ...base, kind: 'api_key', roleId: 'analyst' });
  assert.match(token, /^vigil_ak_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  assert.ok(!JSON.stringify(record).includes(token.slice(26)));
  assert.deepEqual(parseMachineToken(token)?.id, record.id);
  assert.equal(parseMachineToken('Bearer nope'), undefined);
  assert.match(issueMachineToken({ ...base, kind: 'ingest', dataSpace: 'default' }).token, /^vigil_it_/);
});

test('a token checks against its record: wrong secret, revoked and expired are refused', () => {
  const { token, record } = issueMachineToken({
    ...base,
    kind: 'api_key',
    roleId: 'analyst',
    expiresAt: 5_000,
  });
  assert.deepEqual(checkMachineToken(record, token, 1_000), { ok: true });
  const forged = `${token.slice(0, -4)}AAAA`;
  assert.deepEqual(checkMachineToken(record, forged, 1_000), { ok: false, reason: 'unknown' });
  assert.deepEqual(checkMachineToken(undefined, token, 1_000), { ok: false, reason: 'unknown' });
  assert.deepEqual(checkMachineToken({ ...record, revokedAt: 2_000 }, token, 3_000), {
    ok: false,
    reason: 'revoked',
  });
  assert.deepEqual(checkMachineToken(record, token, 5_000), { ok: false, reason: 'expired' });
  assert.deepEqual(checkMachineToken(record, 'garbage', 1_000), { ok: false, reason: 'malformed' });
  const other = issueMachineToken({ ...base, kind: 'ingest' });
  assert.deepEqual(checkMachineToken(record, other.token, 1_000), { ok: false, reason: 'unknown' });
});

test('an API key acts with its role in its workspace only; an ingest token can only ingest', () => {
  const key = issueMachineToken({ ...base, kind: 'api_key', roleId: 'viewer' }).record;
  const p = machineTokenPrincipal(key, (r) => builtInRole(r));
  assert.equal(authorize(p, 'ws-a', 'alerts.read', clock).allowed, true);
  assert.equal(authorize(p, 'ws-a', 'alerts.write', clock).allowed, false);
  assert.equal(authorize(p, 'ws-b', 'alerts.read', clock).allowed, false);
  const ingest = machineTokenPrincipal(
    issueMachineToken({ ...base, kind: 'ingest' }).record,
    () => undefined,
  );
  assert.equal(authorize(ingest, 'ws-a', 'ingest.write', clock).allowed, true);
  assert.equal(authorize(ingest, 'ws-a', 'events.search', clock).allowed, false);
  assert.equal(authorize(ingest, 'ws-b', 'ingest.write', clock).allowed, false);
  const orphan = machineTokenPrincipal({ ...key, roleId: 'deleted-role' }, () => undefined);
  assert.deepEqual(orphan.grants, []);
});
