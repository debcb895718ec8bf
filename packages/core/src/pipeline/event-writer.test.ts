import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bus, Delivery } from '../bus/bus.port.ts';
import type { VigilEvent } from '../events/vigil-event.ts';
import type { EventStore } from '../storage/event-store.port.ts';
import { silentLogger } from '../logging/logger.port.ts';
import { startEventWriter } from './event-writer.ts';

/** A bus that hands deliveries to the test, which plays the broker: resolved handler = ack. */
function fakeBus() {
  let handler: ((d: Delivery<unknown>) => Promise<void>) | undefined;
  const state = { topic: '', consumer: '', stopped: false };
  const bus: Bus = {
    publish: () => Promise.resolve(),
    subscribe: <T>(topic: string, consumer: string, h: (d: Delivery<T>) => Promise<void>) => {
      state.topic = topic;
      state.consumer = consumer;
      handler = h as (d: Delivery<unknown>) => Promise<void>;
      return Promise.resolve({
        stop: () => {
          state.stopped = true;
          return Promise.resolve();
        },
        abort: () => Promise.resolve(),
      });
    },
    pressure: () => Promise.resolve({ pending: 0, capacity: 1, full: false }),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  const deliver = (batch: VigilEvent[], attempt = 1) =>
    handler!({ topic: state.topic, id: `m${attempt}`, batch, attempt });
  return { bus, state, deliver };
}

function event(id: string): VigilEvent {
  return {
    '@timestamp': '2026-01-01T00:00:00Z',
    vigil: { id, workspace: 'default', data_space: 'default', received_at: '2026-01-01T00:00:01Z' },
  };
}

function fakeStore(fail: () => boolean) {
  const stored: VigilEvent[] = [];
  const events = {
    append: (batch: readonly VigilEvent[]) => {
      if (fail()) return Promise.reject(new Error('disk full'));
      stored.push(...batch);
      return Promise.resolve({ appended: batch.length });
    },
  } as unknown as EventStore;
  return { events, stored };
}

test('appends each delivered batch and acknowledges only after the append', async () => {
  const { bus, state, deliver } = fakeBus();
  const { events, stored } = fakeStore(() => false);
  const writer = await startEventWriter({ bus, events, logger: silentLogger });
  assert.equal(state.topic, 'events.store');
  assert.equal(state.consumer, 'event-writer');
  await deliver([event('a'), event('b')]);
  assert.deepEqual(
    stored.map((e) => e.vigil.id),
    ['a', 'b'],
  );
  assert.deepEqual(writer.stats(), { batches: 1, events: 2, failures: 0 });
  await writer.stop();
  assert.equal(state.stopped, true);
});

test('a failed append rejects the delivery so the bus redelivers it', async () => {
  const { bus, deliver } = fakeBus();
  let failing = true;
  const { events, stored } = fakeStore(() => failing);
  const writer = await startEventWriter({ bus, events, logger: silentLogger, topic: 'events.other' });
  await assert.rejects(deliver([event('a')]), /disk full/);
  assert.equal(writer.stats().failures, 1);
  failing = false;
  await deliver([event('a')], 2);
  assert.equal(stored.length, 1);
  assert.equal(writer.topic, 'events.other');
});
