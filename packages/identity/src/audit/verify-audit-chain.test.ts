import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@vigil/core';
import { AuditTrail } from './audit-trail.ts';
import { MemoryAuditLog } from './memory-audit-log.ts';
import { auditRecordHash, type AuditEntry, type AuditRecord } from './audit-record.ts';
import { signAuditCheckpoint, type AuditCheckpoint } from './audit-checkpoint.ts';
import { generateAuditSigningKeys } from './audit-signing-key.ts';
import { verifyAuditChain, type AuditProblemKind } from './verify-audit-chain.ts';

const keys = generateAuditSigningKeys();

const entry = (i: number): AuditEntry => ({
  event_type: i % 3 === 0 ? 'auth.login' : 'rule.updated',
  user_id: `u${i % 4}`,
  resource: `rule:r${i}`,
  workspace: 'default',
  client_ip: '192.0.2.10',
  client_id: 'vigil-console',
  result: 'success',
  request_id: `req-${i}`,
  details: { i },
});

/** 20 records with checkpoints at 5, 10, 15, 20. */
async function chain(): Promise<{ records: AuditRecord[]; checkpoints: AuditCheckpoint[] }> {
  const log = new MemoryAuditLog();
  const clock = new ManualClock();
  const trail = new AuditTrail(log, clock, { signingKey: keys.privateKey, checkpointEvery: 5 });
  for (let i = 1; i <= 20; i++) {
    clock.advance(1000);
    await trail.record(entry(i));
  }
  return { records: await log.read({ fromSeq: 1 }), checkpoints: await log.checkpoints() };
}

const rehash = (r: AuditRecord): AuditRecord => ({ ...r, hash: auditRecordHash(r) });
/** What a careful attacker does after editing: re-link and re-hash everything from `from` on. */
function relink(records: AuditRecord[], from = 0): AuditRecord[] {
  const out = records.slice(0, from);
  for (const r of records.slice(from)) {
    const prev = out.at(-1);
    out.push(rehash({ ...r, seq: (prev?.seq ?? 0) + 1, prev_hash: prev?.hash ?? r.prev_hash }));
  }
  return out;
}
const kinds = (records: AuditRecord[], cps: AuditCheckpoint[]): AuditProblemKind[] =>
  verifyAuditChain(records, cps, keys.publicKey).problems.map((p) => p.problem);

test('an untouched audit chain verifies, pinned by its last checkpoint', async () => {
  const { records, checkpoints } = await chain();
  assert.equal(checkpoints.length, 4);
  const result = verifyAuditChain(records, checkpoints, keys.publicKey);
  assert.deepEqual(result, { ok: true, problems: [], records: 20, verifiedThrough: 20, unsignedTail: 0 });
  assert.equal(records[0]?.prev_hash, '0'.repeat(64));
  assert.equal(records[1]?.prev_hash, records[0]?.hash);
});

test('a modified record is detected (content edit without re-hashing)', async () => {
  const { records, checkpoints } = await chain();
  records[6] = { ...records[6]!, result: 'failure' };
  assert.deepEqual(verifyAuditChain(records, checkpoints, keys.publicKey).problems, [
    { seq: 7, problem: 'modified' },
  ]);
});

test('a modified and re-hashed record breaks the link to the next one and the checkpoint', async () => {
  const { records, checkpoints } = await chain();
  records[6] = rehash({ ...records[6]!, user_id: 'someone-else' });
  assert.deepEqual(verifyAuditChain(records, checkpoints, keys.publicKey).problems, [
    { seq: 8, problem: 'chain_broken' },
  ]);
  records[6] = rehash({ ...records[6], user_id: 'someone-else' });
  const rewritten = relink(records, 6);
  assert.deepEqual(kinds(rewritten, checkpoints), [
    'checkpoint_mismatch',
    'checkpoint_mismatch',
    'checkpoint_mismatch',
  ]);
});

test('a deleted record is detected, with or without re-numbering', async () => {
  const { records, checkpoints } = await chain();
  const gap = records.filter((r) => r.seq !== 9);
  assert.deepEqual(verifyAuditChain(gap, checkpoints, keys.publicKey).problems, [
    { seq: 9, problem: 'deleted', count: 1 },
  ]);
  const renumbered = relink(gap, 8);
  const problems = verifyAuditChain(renumbered, checkpoints, keys.publicKey).problems;
  assert.deepEqual(
    problems.map((p) => p.problem),
    ['checkpoint_mismatch', 'checkpoint_mismatch', 'truncated'],
  );
});

test('deleting the tail is detected by the last checkpoint', async () => {
  const { records, checkpoints } = await chain();
  assert.deepEqual(verifyAuditChain(records.slice(0, 17), checkpoints, keys.publicKey).problems, [
    { seq: 20, problem: 'truncated', count: 3 },
  ]);
});

test('an inserted record is detected, whether it reuses a seq or re-numbers the rest', async () => {
  const { records, checkpoints } = await chain();
  const forged = rehash({ ...records[11]!, event_type: 'role.granted', resource: 'user:mallory' });
  const duplicate = [...records.slice(0, 12), forged, ...records.slice(12)];
  assert.ok(kinds(duplicate, checkpoints).includes('inserted'));
  const spliced = relink(
    [...records.slice(0, 12), { ...forged, seq: 13, prev_hash: records[11]!.hash }, ...records.slice(12)],
    12,
  );
  assert.ok(kinds(spliced, checkpoints).includes('checkpoint_mismatch'));
  assert.equal(verifyAuditChain(spliced, checkpoints, keys.publicKey).ok, false);
});

test('reordered records are detected', async () => {
  const { records, checkpoints } = await chain();
  const swapped = [...records];
  [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
  assert.deepEqual(verifyAuditChain(swapped, checkpoints, keys.publicKey).problems, [
    { seq: 4, problem: 'reordered' },
  ]);
  // Swapping the contents but keeping the positions' seq numbers breaks the hashes instead.
  const contents = records.map((r) => ({ ...r }));
  contents[3] = { ...records[4]!, seq: 4, prev_hash: records[3]!.prev_hash, hash: records[3]!.hash };
  contents[4] = { ...records[3]!, seq: 5, prev_hash: records[4]!.prev_hash, hash: records[4]!.hash };
  assert.deepEqual(kinds(contents, checkpoints), ['modified', 'modified']);
});

test('a forged or altered checkpoint fails its signature', async () => {
  const { records, checkpoints } = await chain();
  const altered = checkpoints.map((c, i) => (i === 1 ? { ...c, hash: records[3]!.hash } : c));
  assert.deepEqual(verifyAuditChain(records, altered, keys.publicKey).problems, [
    { seq: 10, problem: 'bad_signature' },
  ]);
  const attacker = generateAuditSigningKeys();
  const forged = [...checkpoints, signAuditCheckpoint(records[19]!, Date.now(), attacker.privateKey)];
  assert.deepEqual(kinds(records, forged), ['bad_signature']);
  // A whole rewritten chain with checkpoints re-signed by another key fails every signature.
  const rewritten = relink(records.map((r) => ({ ...r, user_id: 'x' })));
  const resigned = [5, 10, 15, 20].map((seq) =>
    signAuditCheckpoint(rewritten[seq - 1]!, 0, attacker.privateKey),
  );
  assert.deepEqual(kinds(rewritten, resigned), Array(4).fill('bad_signature'));
});

test('records after the last checkpoint are reported as an unsigned tail', async () => {
  const { records, checkpoints } = await chain();
  const result = verifyAuditChain(records, checkpoints.slice(0, 2), keys.publicKey);
  assert.equal(result.ok, true);
  assert.equal(result.verifiedThrough, 10);
  assert.equal(result.unsignedTail, 10);
});

test('a slice verifies from an anchor', async () => {
  const { records, checkpoints } = await chain();
  const anchor = { seq: 10, hash: records[9]!.hash };
  const slice = records.slice(10);
  assert.equal(verifyAuditChain(slice, checkpoints, keys.publicKey, { anchor }).ok, true);
  const bad = verifyAuditChain(slice, checkpoints, keys.publicKey, {
    anchor: { seq: 10, hash: records[8]!.hash },
  });
  assert.deepEqual(bad.problems, [{ seq: 11, problem: 'chain_broken' }]);
});
