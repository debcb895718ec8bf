import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '@vigil/core';
import { issueMachineToken, MemoryMachineTokenStore } from '@vigil/identity';
import { machineTokenVerifier } from './machine-token-verifier.ts';
import { MemoryIngestTokenVerifier } from './memory-ingest-token-verifier.ts';

test('ingest tokens from the identity store verify to their binding; API keys and revoked tokens do not', async () => {
  const store = new MemoryMachineTokenStore();
  const base = { name: 'fluent', workspaceId: 'ws-a', createdBy: 'u1', createdAt: 0 };
  const ingest = issueMachineToken({ ...base, kind: 'ingest', dataSpace: 'linux' });
  const key = issueMachineToken({ ...base, kind: 'api_key', roleId: 'viewer' });
  await store.create(ingest.record);
  await store.create(key.record);
  const clock = new ManualClock(100_000);
  const verifier = machineTokenVerifier(store, clock);
  assert.deepEqual(await verifier.verify(ingest.token), {
    workspace: 'ws-a',
    dataSpace: 'linux',
    tokenId: ingest.record.id,
    name: 'fluent',
  });
  assert.equal((await store.get(ingest.record.id))?.lastUsedAt, 100_000);
  assert.equal(await verifier.verify(key.token), undefined);
  assert.equal(await verifier.verify(`${ingest.token.slice(0, -3)}AAA`), undefined);
  assert.equal(await verifier.verify('nonsense'), undefined);
  await store.revoke(ingest.record.id, 100_001);
  assert.equal(await verifier.verify(ingest.token), undefined);
});

test('the memory verifier answers copies of its table', async () => {
  const v = new MemoryIngestTokenVerifier().add('t', {
    workspace: 'w',
    dataSpace: 'd',
    tokenId: '1',
    name: 'n',
  });
  assert.equal((await v.verify('t'))?.workspace, 'w');
  assert.equal(await v.verify('u'), undefined);
});
