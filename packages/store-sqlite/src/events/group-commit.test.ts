import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WriteQueue } from '../connection/write-queue.ts';
import { GroupCommit, MAX_GROUP_EVENTS } from './group-commit.ts';

function recorder(fail?: (batch: readonly number[]) => boolean) {
  const calls: number[][][] = [];
  const write = (batches: readonly (readonly number[])[]) => {
    calls.push(batches.map((b) => [...b]));
    if (fail && batches.some(fail)) throw new Error('constraint failed');
    return batches.map((b) => b.length);
  };
  return { calls, write };
}

test('batches added while the writer is busy share one write, each resolving with its own count', async () => {
  const { calls, write } = recorder();
  const queue = new WriteQueue();
  const group = new GroupCommit<number>(queue, write);
  const results = await Promise.all([group.add([1]), group.add([2, 3]), group.add([4, 5, 6])]);
  assert.deepEqual(
    results.map((r) => r.appended),
    [1, 2, 3],
  );
  assert.deepEqual(calls, [[[1], [2, 3], [4, 5, 6]]]);
});

test('a batch arriving after a write started goes into the next write, not lost', async () => {
  const { calls, write } = recorder();
  const queue = new WriteQueue();
  const group = new GroupCommit<number>(queue, write);
  const first = group.add([1]);
  await first;
  const second = await group.add([2]);
  assert.equal(second.appended, 1);
  assert.deepEqual(calls, [[[1]], [[2]]]);
});

test('when the shared write fails, each batch is retried alone and only the bad one rejects', async () => {
  const { calls, write } = recorder((b) => b.includes(-1));
  const group = new GroupCommit<number>(new WriteQueue(), write);
  const settled = await Promise.allSettled([group.add([1]), group.add([-1]), group.add([3, 4])]);
  assert.deepEqual(
    settled.map((s) => s.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.deepEqual(calls, [[[1], [-1], [3, 4]], [[1]], [[-1]], [[3, 4]]]);
});

test('a group holds at most MAX_GROUP_EVENTS events; the rest follows in the next write', async () => {
  const { calls, write } = recorder();
  const group = new GroupCommit<number>(new WriteQueue(), write);
  const half = Array.from({ length: MAX_GROUP_EVENTS / 2 + 1 }, (_, i) => i);
  await Promise.all([group.add(half), group.add(half), group.add([7])]);
  assert.deepEqual(
    calls.map((c) => c.map((b) => b.length)),
    [[half.length], [half.length, 1]],
  );
});
