import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { isVigilError, type Bus, type Delivery, type MeteredBus } from '@vigil/core';

/** A bus under test plus how to clean up after it (e.g. delete the JetStream streams it created). */
export interface BusFixture {
  bus: MeteredBus;
  dispose?(): Promise<void>;
}

/** Creates a fresh, isolated bus whose topics hold at most `capacity` messages. */
export type BusFactory = (options: { capacity: number }) => Promise<BusFixture>;

export interface BusContractOptions {
  /** node:test skip value (e.g. from skipUnless()). */
  skip?: boolean | string;
}

const WAIT_MS = 20_000;
// Short enough for redelivery-after-crash to happen quickly in tests (JetStream's minimum is 1 s in practice).
const FAST = { ackWaitMs: 1_000, retryDelayMs: 50 };

/** Polls `condition` until it holds; fails with `what` after a generous timeout (never a timing assertion). */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise a test resolves by hand, to hold a handler "in flight". */
function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

async function withBus(factory: BusFactory, capacity: number, body: (bus: MeteredBus) => Promise<void>) {
  const fixture = await factory({ capacity });
  try {
    await body(fixture.bus);
  } finally {
    await fixture.bus.close();
    await fixture.dispose?.();
  }
}

async function pending(bus: Bus, topic: string): Promise<number> {
  return (await bus.pressure(topic)).pending;
}

function statsOf(bus: MeteredBus, topic: string) {
  return bus.stats().find((s) => s.topic === topic);
}

/** Registers the bus port's behaviour as node:test cases, to run against every adapter. */
export function busContract(name: string, factory: BusFactory, options: BusContractOptions = {}): void {
  suite(`bus contract: ${name}`, { skip: options.skip ?? false }, () => {
    test('delivers a published batch intact, also when published before the first subscriber', async () => {
      await withBus(factory, 16, async (bus) => {
        const batch = [{ a: 1, s: 'é"\n', nested: { list: [1, null, true] } }, { b: 'two' }];
        await bus.publish('contract.early', batch);
        const seen: Delivery<unknown>[] = [];
        await bus.subscribe('contract.early', 'reader', (d) => {
          seen.push(d);
          return Promise.resolve();
        });
        // Batches travel as JSON, in both adapters: a Date arrives as its ISO string.
        await bus.publish('contract.early', [{ at: new Date(Date.UTC(2026, 0, 2)) }]);
        await waitFor('two deliveries', () => seen.length === 2);
        assert.deepEqual(seen[0]?.batch, batch);
        assert.deepEqual(seen[1]?.batch, [{ at: '2026-01-02T00:00:00.000Z' }]);
        assert.equal(seen[0]?.topic, 'contract.early');
        assert.equal(seen[0]?.attempt, 1);
        assert.equal(typeof seen[0]?.id, 'string');
        assert.notEqual(seen[0]?.id, seen[1]?.id);
        await waitFor('acks to drain the topic', async () => (await pending(bus, 'contract.early')) === 0);
        const stats = statsOf(bus, 'contract.early');
        assert.equal(stats?.published, 2);
        assert.equal(stats?.acked, 2);
      });
    });

    test('each consumer name receives every message', async () => {
      await withBus(factory, 16, async (bus) => {
        const got = { a: [] as string[], b: [] as string[] };
        for (const consumer of ['a', 'b'] as const) {
          await bus.subscribe<number>('contract.fanout', consumer, (d) => {
            got[consumer].push(d.id);
            return Promise.resolve();
          });
        }
        for (let i = 0; i < 5; i++) await bus.publish('contract.fanout', [i]);
        await waitFor('both consumers to receive 5', () => got.a.length === 5 && got.b.length === 5);
        assert.deepEqual([...got.a].sort(), [...got.b].sort());
      });
    });

    test('subscribers sharing a consumer name share the work', async () => {
      await withBus(factory, 32, async (bus) => {
        const got: string[][] = [[], []];
        for (const list of got) {
          await bus.subscribe('contract.shared', 'workers', (d) => {
            list.push(d.id);
            return Promise.resolve();
          });
        }
        for (let i = 0; i < 12; i++) await bus.publish('contract.shared', [i]);
        await waitFor('12 deliveries', () => got[0]!.length + got[1]!.length === 12);
        const all = [...got[0]!, ...got[1]!];
        assert.equal(new Set(all).size, 12, 'no message went to both subscribers');
      });
    });

    test('acks only after the handler resolved: a slow handler holds its message', async () => {
      await withBus(factory, 16, async (bus) => {
        const hold = gate();
        let calls = 0;
        await bus.subscribe('contract.slow', 'slow', async () => {
          calls += 1;
          await hold.promise;
        });
        await bus.publish('contract.slow', ['x']);
        await waitFor('the handler to start', () => calls === 1);
        assert.equal(await pending(bus, 'contract.slow'), 1);
        hold.open();
        await waitFor('the ack', async () => (await pending(bus, 'contract.slow')) === 0);
        assert.equal(calls, 1);
      });
    });

    test('a handler running longer than ackWaitMs keeps its message (no duplicate delivery)', async () => {
      await withBus(factory, 16, async (bus) => {
        const attempts: number[] = [];
        await bus.subscribe(
          'contract.long',
          'patient',
          async (d) => {
            attempts.push(d.attempt);
            await pause(2_500); // 2.5 × ackWaitMs: the adapter must keep the message claimed meanwhile
          },
          FAST,
        );
        await bus.publish('contract.long', ['x']);
        await waitFor(
          'the ack',
          async () => attempts.length > 0 && (await pending(bus, 'contract.long')) === 0,
        );
        assert.deepEqual(attempts, [1]);
      });
    });

    test('a rejected delivery is redelivered with attempt 2', async () => {
      await withBus(factory, 16, async (bus) => {
        const seen: Delivery<string>[] = [];
        await bus.subscribe<string>(
          'contract.retry',
          'retry',
          (d) => {
            seen.push(d);
            return d.attempt === 1 ? Promise.reject(new Error('transient')) : Promise.resolve();
          },
          FAST,
        );
        await bus.publish('contract.retry', ['payload']);
        await waitFor('the redelivery', () => seen.length === 2);
        assert.equal(seen[1]?.attempt, 2);
        assert.equal(seen[1]?.id, seen[0]?.id);
        assert.deepEqual(seen[1]?.batch, ['payload']);
        await waitFor('the ack', async () => (await pending(bus, 'contract.retry')) === 0);
        assert.equal(statsOf(bus, 'contract.retry')?.redelivered, 1);
      });
    });

    test('after abort() mid-handler another subscriber of the same name receives the message', async () => {
      await withBus(factory, 16, async (bus) => {
        const stuck = gate();
        const first: Delivery<string>[] = [];
        const crashed = await bus.subscribe<string>(
          'contract.crash',
          'durable',
          async (d) => {
            first.push(d);
            await stuck.promise;
          },
          FAST,
        );
        await bus.publish('contract.crash', ['survives']);
        await waitFor('the first delivery', () => first.length === 1);
        await crashed.abort();
        const second: Delivery<string>[] = [];
        await bus.subscribe<string>(
          'contract.crash',
          'durable',
          (d) => {
            second.push(d);
            return Promise.resolve();
          },
          FAST,
        );
        await waitFor('the redelivery to the new subscriber', () => second.length === 1);
        assert.equal(second[0]?.id, first[0]?.id);
        assert.equal(second[0]?.attempt, 2);
        assert.deepEqual(second[0]?.batch, ['survives']);
        stuck.open(); // the crashed handler finishing late must not disturb anything
        await waitFor('the ack', async () => (await pending(bus, 'contract.crash')) === 0);
        assert.equal(first.length, 1);
      });
    });

    test('never runs more than maxInFlight handlers at once', async () => {
      await withBus(factory, 32, async (bus) => {
        const release = gate();
        let running = 0;
        let peak = 0;
        let done = 0;
        await bus.subscribe(
          'contract.inflight',
          'bounded',
          async () => {
            running += 1;
            peak = Math.max(peak, running);
            await release.promise;
            running -= 1;
            done += 1;
          },
          { maxInFlight: 2 },
        );
        for (let i = 0; i < 8; i++) await bus.publish('contract.inflight', [i]);
        await waitFor('two handlers running', () => running === 2);
        await pause(200); // give a misbehaving bus the chance to start a third
        assert.equal(running, 2);
        release.open();
        await waitFor('all 8 handled', () => done === 8);
        assert.equal(peak, 2);
      });
    });

    test('publish beyond capacity rejects with BUS_BACKPRESSURE and loses nothing accepted', async () => {
      await withBus(factory, 3, async (bus) => {
        for (let i = 0; i < 3; i++) await bus.publish('contract.full', [i]);
        await assert.rejects(bus.publish('contract.full', [3]), (err: unknown) => {
          assert.ok(isVigilError(err));
          assert.equal(err.code, 'BUS_BACKPRESSURE');
          assert.equal(err.kind, 'operational');
          assert.ok((err.retryAfterSeconds ?? 0) > 0);
          return true;
        });
        const pressure = await bus.pressure('contract.full');
        assert.deepEqual(pressure, { pending: 3, capacity: 3, full: true });
        const got: number[] = [];
        await bus.subscribe<number>('contract.full', 'drain', (d) => {
          got.push(...d.batch);
          return Promise.resolve();
        });
        await waitFor('the 3 accepted messages', () => got.length === 3);
        assert.deepEqual([...got].sort(), [0, 1, 2]);
        await waitFor('room again', async () => !(await bus.pressure('contract.full')).full);
        await bus.publish('contract.full', [4]);
        await waitFor('the later message', () => got.length === 4);
        assert.equal(statsOf(bus, 'contract.full')?.rejected, 1);
      });
    });

    test('after maxDeliver failed attempts a message is dead-lettered, not redelivered forever', async () => {
      await withBus(factory, 16, async (bus) => {
        const attempts: number[] = [];
        let healthy = 0;
        await bus.subscribe<string>(
          'contract.poison',
          'strict',
          (d) => {
            if (d.batch[0] !== 'poison') {
              healthy += 1;
              return Promise.resolve();
            }
            attempts.push(d.attempt);
            return Promise.reject(new Error('always fails'));
          },
          { ...FAST, maxDeliver: 2 },
        );
        await bus.publish('contract.poison', ['poison']);
        await waitFor('the dead letter', () => statsOf(bus, 'contract.poison')?.deadLettered === 1);
        await waitFor(
          'the poison to leave the topic',
          async () => (await pending(bus, 'contract.poison')) === 0,
        );
        await bus.publish('contract.poison', ['fine']);
        await waitFor('the next message', () => healthy === 1);
        await pause(300); // a bus that kept retrying would deliver attempt 3 by now (retry delay 50 ms)
        assert.deepEqual(attempts, [1, 2]);
      });
    });

    test('a message whose every attempt crashed its consumer is dead-lettered', async () => {
      await withBus(factory, 16, async (bus) => {
        const attempts: number[] = [];
        const stuck = gate();
        const options = { ...FAST, maxDeliver: 2 };
        await bus.publish('contract.crashloop', ['crasher']);
        for (let round = 1; round <= 2; round++) {
          const subscription = await bus.subscribe<string>(
            'contract.crashloop',
            'victim',
            async (d) => {
              attempts.push(d.attempt);
              await stuck.promise;
            },
            options,
          );
          await waitFor(`attempt ${round}`, () => attempts.length === round);
          await subscription.abort();
        }
        await bus.subscribe('contract.crashloop', 'victim', () => Promise.resolve(), options);
        await waitFor('the dead letter', () => statsOf(bus, 'contract.crashloop')?.deadLettered === 1);
        await waitFor('the topic to drain', async () => (await pending(bus, 'contract.crashloop')) === 0);
        assert.deepEqual(attempts, [1, 2]);
        stuck.open();
      });
    });

    test('stop() and close() wait for in-flight handlers, which then ack', async () => {
      await withBus(factory, 16, async (bus) => {
        const hold = gate();
        let started1 = false;
        let finished = false;
        const subscription = await bus.subscribe('contract.stop', 'graceful', async () => {
          started1 = true;
          await hold.promise;
          finished = true;
        });
        await bus.publish('contract.stop', ['x']);
        await waitFor('the handler to start', () => started1);
        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await pause(100);
        assert.equal(stopped, false, 'stop() resolved while a handler was still running');
        hold.open();
        await stopping;
        assert.equal(finished, true);
        assert.equal(await pending(bus, 'contract.stop'), 0);

        const hold2 = gate();
        let started = false;
        let finished2 = false;
        await bus.subscribe('contract.stop', 'closing', async () => {
          started = true;
          await hold2.promise;
          finished2 = true;
        });
        await bus.publish('contract.stop', ['y']);
        await waitFor('the second handler to start', () => started);
        const closing = bus.close();
        await pause(50);
        hold2.open();
        await closing;
        assert.equal(finished2, true);
      });
    });

    test('invalid topic or consumer names are user errors', async () => {
      await withBus(factory, 16, async (bus) => {
        const isUserError = (code: string) => (err: unknown) =>
          isVigilError(err) && err.kind === 'user' && err.code === code;
        await assert.rejects(bus.publish('Bad Topic', [1]), isUserError('BUS_INVALID_TOPIC'));
        await assert.rejects(bus.publish('a..b', [1]), isUserError('BUS_INVALID_TOPIC'));
        await assert.rejects(bus.publish('events.>', [1]), isUserError('BUS_INVALID_TOPIC'));
        await assert.rejects(
          bus.subscribe('a*', 'c', () => Promise.resolve()),
          isUserError('BUS_INVALID_TOPIC'),
        );
        await assert.rejects(
          bus.subscribe('ok', 'has.dot', () => Promise.resolve()),
          isUserError('BUS_INVALID_CONSUMER'),
        );
        await assert.rejects(bus.pressure(''), isUserError('BUS_INVALID_TOPIC'));
        await assert.rejects(bus.publish('ok', [1n]), isUserError('BUS_INVALID_BATCH'));
        await assert.rejects(
          bus.publish('ok', 'text' as unknown as string[]),
          isUserError('BUS_INVALID_BATCH'),
        );
        await bus.ping();
      });
    });
  });
}
