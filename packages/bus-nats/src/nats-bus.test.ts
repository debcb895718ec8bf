import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { busContract, natsUrl, skipUnless, waitFor } from '@vigil/testkit';
import { connectNatsBus } from './nats-bus.ts';
import { redactNatsUrl } from './redact-nats-url.ts';

const url = natsUrl();
const skip = skipUnless(url, 'VIGIL_NATS_URL');
// Unique per run (and per fixture below), so runs never see each other's streams.
const runId = `T${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
let fixtures = 0;

/** Deletes every stream whose name starts with the prefix. */
async function deleteStreams(prefix: string): Promise<void> {
  const nc = await connect({ servers: url ?? [] });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

busContract(
  'nats-jetstream',
  async ({ capacity }) => {
    const prefix = `${runId}-${++fixtures}`;
    const bus = await connectNatsBus({ url: url!, streamPrefix: prefix, maxPendingMessages: capacity });
    return { bus, dispose: () => deleteStreams(prefix) };
  },
  { skip },
);

test('an unreachable server is BUS_UNAVAILABLE naming the URL without credentials', async () => {
  await assert.rejects(
    connectNatsBus({ url: 'nats://alice:s3cret@127.0.0.1:1', connectTimeoutMs: 2_000 }),
    (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.equal((err as { code?: string }).code, 'BUS_UNAVAILABLE');
      assert.equal((err as { kind?: string }).kind, 'operational');
      assert.match(err.message, /127\.0\.0\.1:1/);
      assert.doesNotMatch(err.message, /s3cret|alice/);
      return true;
    },
  );
});

test('credentials are redacted from server URLs', () => {
  assert.equal(redactNatsUrl('nats://alice:s3cret@h:4222'), 'nats://***@h:4222');
  assert.equal(redactNatsUrl('nats://tok@h1:4222, tls://u:p@h2'), 'nats://***@h1:4222,tls://***@h2');
  assert.equal(redactNatsUrl('nats://127.0.0.1:4222'), 'nats://127.0.0.1:4222');
});

test('a batch over the server max payload is a user error', { skip }, async () => {
  const prefix = `${runId}-big`;
  const bus = await connectNatsBus({ url: url!, streamPrefix: prefix });
  after(() => deleteStreams(prefix));
  try {
    await assert.rejects(bus.publish('big', ['x'.repeat(2 * 1024 * 1024)]), {
      code: 'BUS_MESSAGE_TOO_LARGE',
    });
  } finally {
    await bus.close();
  }
});

test('messages survive a reconnect of the consumer process', { skip }, async () => {
  const prefix = `${runId}-durable`;
  after(() => deleteStreams(prefix));
  const publisher = await connectNatsBus({ url: url!, streamPrefix: prefix });
  await publisher.publish('durable', [1]);
  await publisher.close();
  const consumer = await connectNatsBus({ url: url!, streamPrefix: prefix });
  try {
    const got = await new Promise<unknown[]>((resolve) => {
      void consumer.subscribe('durable', 'late', (d) => {
        resolve(d.batch);
        return Promise.resolve();
      });
    });
    assert.deepEqual(got, [1]);
  } finally {
    await consumer.close();
  }
});

test('publish re-creates a stream deleted behind its back', { skip }, async () => {
  const prefix = `${runId}-deleted`;
  after(() => deleteStreams(prefix));
  const bus = await connectNatsBus({ url: url!, streamPrefix: prefix });
  try {
    await bus.publish('gone', [1]);
    await deleteStreams(prefix);
    await bus.publish('gone', [2]);
    assert.equal((await bus.pressure('gone')).pending, 1);
  } finally {
    await bus.close();
  }
});

test(
  'consumerMaxAckPending lets subscribers of one name in several workers each fill their slots',
  { skip },
  async () => {
    const prefix = `${runId}-scale`;
    after(() => deleteStreams(prefix));
    const workers = [
      await connectNatsBus({ url: url!, streamPrefix: prefix, consumerMaxAckPending: 4 }),
      await connectNatsBus({ url: url!, streamPrefix: prefix, consumerMaxAckPending: 4 }),
    ];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = [0, 0];
    try {
      for (const [i, bus] of workers.entries()) {
        await bus.subscribe(
          'work',
          'shared',
          async () => {
            running[i]! += 1;
            await held;
          },
          { maxInFlight: 2 },
        );
      }
      for (let i = 0; i < 6; i++) await workers[0]!.publish('work', [i]);
      await waitFor('both workers to run 2 each', () => running[0] === 2 && running[1] === 2);
    } finally {
      release();
      for (const bus of workers) await bus.close();
    }
  },
);
