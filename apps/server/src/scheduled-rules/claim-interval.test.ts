import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecordScheduledRuleStore, type ScheduledRun } from '@vigil/cases';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { claimInterval } from './claim-interval.ts';

const T0 = Date.UTC(2026, 4, 1);
const MIN = 60_000;
const policy = { maxAttempts: 3, leaseMs: 10 * MIN };

function entry(over: Partial<ScheduledRun> = {}): ScheduledRun {
  return {
    ruleId: 'r1',
    ruleVersion: 1,
    start: T0,
    end: T0 + MIN,
    queryFrom: T0,
    queryTo: T0 + MIN,
    status: 'running',
    late: false,
    simulated: false,
    attempts: 1,
    claimedAt: T0 + MIN,
    claimedBy: 'a',
    hits: 0,
    truncated: false,
    groups: 0,
    firings: [],
    suppressed: 0,
    alertIds: [],
    ...over,
  };
}

test('a live claim is busy; after the lease a dead runner’s claim is taken over with one more attempt', async () => {
  const store = new RecordScheduledRuleStore(new MemoryMetadataStore());
  assert.equal((await claimInterval(store, 'ws', entry(), policy)).kind, 'claimed');
  const soon = await claimInterval(store, 'ws', entry({ claimedBy: 'b', claimedAt: T0 + 2 * MIN }), policy);
  assert.equal(soon.kind, 'busy');
  const later = await claimInterval(store, 'ws', entry({ claimedBy: 'b', claimedAt: T0 + 12 * MIN }), policy);
  assert.equal(later.kind, 'claimed');
  assert.equal(later.kind === 'claimed' ? later.entry.data.attempts : 0, 2);
  assert.equal((await store.getRun('ws', 'r1', T0))?.data.claimedBy, 'b');
});

test('a finished entry reports where coverage may resume, even when its end differs from the plan', async () => {
  const store = new RecordScheduledRuleStore(new MemoryMetadataStore());
  await store.claimRun('ws', entry({ status: 'ok', end: T0 + 5 * MIN }));
  assert.deepEqual(await claimInterval(store, 'ws', entry(), policy), { kind: 'covered', end: T0 + 5 * MIN });
});

test('a failed entry is retried until the attempts run out, then counts as covered', async () => {
  const store = new RecordScheduledRuleStore(new MemoryMetadataStore());
  await store.claimRun('ws', entry({ status: 'failed', attempts: 2 }));
  const retry = await claimInterval(store, 'ws', entry(), policy);
  assert.equal(retry.kind === 'claimed' ? retry.entry.data.attempts : 0, 3);
  const stored = await store.getRun('ws', 'r1', T0);
  assert.ok(stored);
  await store.updateRun('ws', stored.version, { ...stored.data, status: 'failed' });
  assert.deepEqual(await claimInterval(store, 'ws', entry(), policy), { kind: 'covered', end: T0 + MIN });
});
