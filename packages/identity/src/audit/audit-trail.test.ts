import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, isVigilError } from '@vigil/core';
import { AuditTrail } from './audit-trail.ts';
import { MemoryAuditLog } from './memory-audit-log.ts';
import { chainAuditRecord, type AuditEntry } from './audit-record.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  exportAuditPrivateKey,
  exportAuditPublicKey,
  generateAuditSigningKeys,
  importAuditPrivateKey,
  importAuditPublicKey,
} from './audit-signing-key.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { verifyAuditCheckpoint } from './audit-checkpoint.ts';

const login: AuditEntry = {
  event_type: 'auth.login_failed',
  user_id: null,
  resource: 'user:alice',
  workspace: null,
  client_ip: '198.51.100.7',
  client_id: 'curl/8.5',
  result: 'failure',
  request_id: 'req-1',
};

test('audit records carry who, when, what, where from, result and request id', async () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 0, 0));
  const trail = new AuditTrail(new MemoryAuditLog(), clock);
  const r = await trail.record(login);
  assert.deepEqual(Object.keys(r).sort(), [
    'client_id',
    'client_ip',
    'event_type',
    'hash',
    'prev_hash',
    'request_id',
    'resource',
    'result',
    'seq',
    'time',
    'user_id',
    'workspace',
  ]);
  assert.equal(r.time, '2026-11-23T12:00:00.000Z');
  assert.equal(r.seq, 1);
  assert.match(r.hash, /^[0-9a-f]{64}$/);
});

test('concurrent records from one process are serialised into one chain', async () => {
  const log = new MemoryAuditLog();
  const trail = new AuditTrail(log, new ManualClock());
  const written = await Promise.all(
    Array.from({ length: 25 }, (_, i) => trail.record({ ...login, request_id: `r${i}` })),
  );
  assert.deepEqual(
    written.map((r) => r.seq),
    Array.from({ length: 25 }, (_, i) => i + 1),
  );
  const keys = generateAuditSigningKeys();
  assert.equal(verifyAuditChain(await log.read({ fromSeq: 1 }), [], keys.publicKey).ok, true);
});

test('two writers racing on one log retry and keep a single valid chain', async () => {
  const log = new MemoryAuditLog();
  const clock = new ManualClock();
  const a = new AuditTrail(log, clock);
  const b = new AuditTrail(log, clock);
  await Promise.all(
    Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).record({ ...login, request_id: `r${i}` })),
  );
  const records = await log.read({ fromSeq: 1 });
  assert.equal(records.length, 10);
  assert.equal(verifyAuditChain(records, [], generateAuditSigningKeys().publicKey).ok, true);
});

test('the log is append-only: a record that does not extend the head is refused', async () => {
  const log = new MemoryAuditLog();
  const trail = new AuditTrail(log, new ManualClock());
  const first = await trail.record(login);
  await assert.rejects(log.append(first), (e) => isVigilError(e) && e.code === 'AUDIT_APPEND_CONFLICT');
  await assert.rejects(log.append(chainAuditRecord(undefined, login, 0)), { code: 'AUDIT_APPEND_CONFLICT' });
  assert.equal('delete' in log || 'update' in log, false);
});

test('periodic checkpoints sign the head and skip when nothing changed', async () => {
  const keys = generateAuditSigningKeys();
  const log = new MemoryAuditLog();
  const trail = new AuditTrail(log, new ManualClock(), {
    signingKey: keys.privateKey,
    checkpointEvery: 1000,
  });
  assert.equal(await trail.checkpoint(), undefined);
  await trail.record(login);
  await trail.record(login);
  const cp = await trail.checkpoint();
  assert.equal(cp?.seq, 2);
  assert.equal(verifyAuditCheckpoint(cp, keys.publicKey), true);
  assert.equal(await trail.checkpoint(), undefined);
});

test('audit queries filter by workspace, user and time for the viewer', async () => {
  const log = new MemoryAuditLog();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const trail = new AuditTrail(log, clock);
  await trail.record({ ...login, workspace: 'a', user_id: 'u1' });
  clock.advance(60_000);
  await trail.record({ ...login, workspace: 'b', user_id: 'u1' });
  await trail.record({ ...login, workspace: 'a', user_id: 'u2', result: 'success' });
  assert.deepEqual(
    (await log.find({ workspace: 'a' })).map((r) => r.seq),
    [1, 3],
  );
  assert.deepEqual(
    (await log.find({ userId: 'u1', from: '2026-01-01T00:01:00.000Z' })).map((r) => r.seq),
    [2],
  );
  assert.deepEqual(
    (await log.find({ result: 'success' })).map((r) => r.seq),
    [3],
  );
  assert.deepEqual(
    (await log.find({ afterSeq: 1, limit: 1 })).map((r) => r.seq),
    [2],
  );
});

test('invalid event types and non-JSON details are refused', () => {
  assert.throws(() => chainAuditRecord(undefined, { ...login, event_type: 'Login' }, 0), {
    code: 'AUDIT_EVENT_TYPE_INVALID',
  });
  assert.throws(() => canonicalJson({ x: Number.NaN }), { code: 'CANONICAL_JSON_INVALID' });
  assert.equal(
    canonicalJson({ b: 1, a: [true, null, 'é'], c: undefined, d: { z: 1, y: 2 } }),
    '{"a":[true,null,"é"],"b":1,"d":{"y":2,"z":1}}',
  );
});

test('signing keys round-trip through their export forms', () => {
  const keys = generateAuditSigningKeys();
  const priv = importAuditPrivateKey(exportAuditPrivateKey(keys.privateKey));
  const pub = importAuditPublicKey(exportAuditPublicKey(keys.publicKey));
  assert.equal(priv.asymmetricKeyType, 'ed25519');
  assert.equal(pub.asymmetricKeyType, 'ed25519');
  assert.throws(() => importAuditPublicKey('AAAA'), { code: 'AUDIT_KEY_INVALID' });
});
