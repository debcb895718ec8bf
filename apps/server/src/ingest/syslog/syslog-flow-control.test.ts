import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInProcessBus, EVENTS_STORE_TOPIC, silentLogger } from '@vigil/core';
import { createIngestPipeline, SourceStats } from '@vigil/ingest';
import { startTcpSyslogListener } from './tcp-syslog-listener.ts';
import { startUdpSyslogListener } from './udp-syslog-listener.ts';
import type { SyslogGate } from './syslog-gate.ts';
import { SyslogRuntime } from './syslog-runtime.ts';

const source = { workspace: 'w', dataSpace: 'd', source: 'syslog-test' };
/** Flow control is independent of authentication: every frame goes to one source. */
const gate: SyslogGate = (_peer, frames) => Promise.resolve([{ source, frames: [...frames] }]);

test('TCP: a full queue pauses reading and nothing is lost once it drains', async () => {
  const bus = createInProcessBus({ capacity: 1 });
  await bus.publish(EVENTS_STORE_TOPIC, [{ filler: true }]);
  const stats = new SourceStats();
  const pipeline = createIngestPipeline({ bus, stats });
  const listener = await startTcpSyslogListener({
    host: '127.0.0.1',
    port: 0,
    gate,
    runtime: new SyslogRuntime(),
    pipeline,
    logger: silentLogger,
    maxBytes: 1024,
  });
  const sock = connect(listener.address.port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  sock.end('<13>Jan  1 00:00:00 h a: one\n<13>Jan  1 00:00:00 h a: two\n');
  await sleep(200);
  assert.ok((bus.stats()[0]?.rejected ?? 0) > 0, 'the publisher met backpressure and waited');
  assert.equal(stats.snapshot()[0]?.dropped, 0);
  const seen: unknown[] = [];
  await bus.subscribe(EVENTS_STORE_TOPIC, 'drain', (d) => {
    seen.push(...d.batch);
    return Promise.resolve();
  });
  for (let i = 0; i < 50 && seen.length < 3; i++) await sleep(20);
  assert.equal(seen.length, 3);
  assert.equal(stats.snapshot()[0]?.accepted, 2);
  await listener.close();
  await bus.close();
});

test('UDP: overflow is counted as dropped, never silent', async () => {
  const bus = createInProcessBus({ capacity: 1 });
  await bus.publish(EVENTS_STORE_TOPIC, [{ filler: true }]);
  const stats = new SourceStats();
  const pipeline = createIngestPipeline({ bus, stats });
  const listener = await startUdpSyslogListener({
    host: '127.0.0.1',
    port: 0,
    gate,
    pipeline,
    logger: silentLogger,
    batchMax: 10,
    maxBytes: 1024,
    drop: (n, b) => stats.drop(source, n, b),
  });
  const client = createSocket('udp4');
  for (let i = 0; i < 5; i++) {
    await new Promise<void>((r) =>
      client.send(`<13>Jan  1 00:00:00 h a: m${i}`, listener.address.port, '127.0.0.1', () => r()),
    );
  }
  client.close();
  for (let i = 0; i < 50 && (stats.snapshot()[0]?.dropped ?? 0) < 5; i++) await sleep(20);
  const row = stats.snapshot()[0];
  assert.equal(row?.received, 5);
  assert.equal(row?.dropped, 5);
  await listener.close();
  await bus.close();
});
