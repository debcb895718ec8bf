import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busContract } from '../../../testkit/src/contracts/bus.contract.ts';
import { createInProcessBus } from './in-process-bus.ts';
import { eventJson } from '../events/event-json.ts';
import { sequentialIds } from '../time/id-generator.port.ts';

busContract('in-process', ({ capacity }) => Promise.resolve({ bus: createInProcessBus({ capacity }) }));

test('a publisher mutating its array after publish does not change the message', async () => {
  const bus = createInProcessBus({ ids: sequentialIds('m') });
  const batch = [{ n: 1 }];
  await bus.publish('snap', batch);
  batch[0]!.n = 2;
  batch.push({ n: 3 });
  const seen: unknown[] = [];
  await bus.subscribe('snap', 'c', (d) => {
    seen.push(d.id, d.batch);
    return Promise.resolve();
  });
  await bus.close();
  assert.deepEqual(seen, ['m-1', [{ n: 1 }]]);
});

test('messages stay until every known consumer name acked them', async () => {
  const bus = createInProcessBus({ capacity: 2 });
  const fast = await bus.subscribe('t', 'fast', () => Promise.resolve());
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await bus.subscribe('t', 'slow', () => held);
  await bus.publish('t', [1]);
  await bus.publish('t', [2]);
  await fast.stop();
  assert.equal((await bus.pressure('t')).pending, 2, 'the slow consumer still holds both');
  await assert.rejects(bus.publish('t', [3]), { code: 'BUS_BACKPRESSURE' });
  release();
  await bus.close();
  assert.equal((await bus.pressure('t')).pending, 0);
});

test('rejects bad options and use after close', async () => {
  assert.throws(() => createInProcessBus({ capacity: 0 }), { code: 'BUS_INVALID_OPTIONS' });
  const bus = createInProcessBus();
  await assert.rejects(
    bus.subscribe('t', 'c', () => Promise.resolve(), { maxInFlight: 0 }),
    {
      code: 'BUS_INVALID_OPTIONS',
    },
  );
  await bus.close();
  await assert.rejects(bus.publish('t', [1]), { code: 'BUS_CLOSED' });
  await assert.rejects(bus.ping(), { code: 'BUS_CLOSED' });
});

test('a handed-over batch is delivered as published, with each item remembered as its JSON text', async () => {
  const bus = createInProcessBus();
  const item = { n: 1, skip: undefined, at: '2026-01-01T00:00:00.000Z' };
  const batch = [item];
  await bus.publish('own', batch, { handOver: true });
  batch.push({ n: 9, skip: undefined, at: '' });
  const seen: unknown[] = [];
  await bus.subscribe('own', 'c', (d) => {
    seen.push(...d.batch);
    return Promise.resolve();
  });
  await bus.close();
  assert.equal(seen.length, 1, 'the array itself is copied');
  assert.equal(seen[0], item);
  assert.equal(eventJson(item), JSON.stringify(item));
});

test('a snapshot delivery reuses the published text; unknown objects are serialised', async () => {
  const bus = createInProcessBus();
  await bus.publish('snap2', [{ b: 2, a: [1, 'x'] }, null]);
  const seen: unknown[] = [];
  await bus.subscribe('snap2', 'c', (d) => {
    seen.push(...d.batch);
    return Promise.resolve();
  });
  await bus.close();
  assert.deepEqual(seen, [{ b: 2, a: [1, 'x'] }, null]);
  assert.equal(eventJson(seen[0] as object), '{"b":2,"a":[1,"x"]}');
  assert.equal(eventJson({ fresh: true }), '{"fresh":true}');
});

test('a handed-over batch that would not serialise is refused like any other', async () => {
  const bus = createInProcessBus();
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  await assert.rejects(bus.publish('bad', [cyclic], { handOver: true }), { code: 'BUS_INVALID_BATCH' });
  await assert.rejects(bus.publish('bad', [{ n: 1n }], { handOver: true }), { code: 'BUS_INVALID_BATCH' });
  assert.deepEqual(await bus.pressure('bad'), { pending: 0, capacity: 1024, full: false });
  await bus.close();
});
