import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busContract } from '../../../testkit/src/contracts/bus.contract.ts';
import { createInProcessBus } from './in-process-bus.ts';
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
