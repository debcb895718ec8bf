import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@vigil/config';
import type { VigilEvent } from '@vigil/core';
import { startServer } from '../../start-server.ts';
import { quietLogger } from '../testing/ingest-fixture.ts';
import { selfSignedCert } from '../testing/self-signed-cert.ts';

function hasLogger(): boolean {
  return spawnSync('logger', ['--help'], { stdio: 'ignore' }).status === 0;
}

test('syslog over UDP, TCP (octet counting and newline) and TLS, plus the real logger command, lands in storage', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-syslog-'));
  const { cert, key } = selfSignedCert(dir);
  const config = loadConfig({
    env: {
      VIGIL_DATA_DIR: dir,
      VIGIL_PORT: '0',
      VIGIL_WEB_DIST_DIR: '/nonexistent/dist',
      VIGIL_SYSLOG_UDP_PORT: '0',
      VIGIL_SYSLOG_TCP_PORT: '0',
      VIGIL_SYSLOG_TLS_PORT: '0',
      VIGIL_SYSLOG_TLS_CERT_FILE: cert,
      VIGIL_SYSLOG_TLS_KEY_FILE: key,
      VIGIL_SYSLOG_WORKSPACE: 'ws-s',
      VIGIL_SYSLOG_ALLOW_UNAUTHENTICATED: 'true',
      VIGIL_SYSLOG_DATA_SPACE: 'net',
    },
  });
  const server = await startServer(config, { logger: quietLogger });
  try {
    const { udp, tcp, tls } = server.syslog;
    assert.ok(udp && tcp && tls, 'all three listeners bound');

    const client = createSocket('udp4');
    await new Promise<void>((r) =>
      client.send(
        "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
        udp.port,
        '127.0.0.1',
        () => r(),
      ),
    );
    client.close();

    const m1 = '<165>1 2026-01-01T00:00:01.000Z fw1 app 77 ID47 [exampleSDID@32473 iut="3"] octet one';
    const m2 = '<13>Jan  1 00:00:02 web2 nginx: newline two';
    const sock = connectTcp(tcp.port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    sock.write(`${Buffer.byteLength(m1)} ${m1}`);
    sock.end(`${m2}\n`);

    const t = connectTls({ port: tls.port, host: '127.0.0.1', rejectUnauthorized: false });
    await new Promise<void>((r) => t.once('secureConnect', () => r()));
    const m3 = '<14>1 2026-01-01T00:00:03Z tlshost app - - - over tls';
    t.end(`${Buffer.byteLength(m3)} ${m3}`);

    let expected = 4;
    if (hasLogger()) {
      const run = (args: string[]) =>
        spawnSync('logger', ['--server', '127.0.0.1', ...args], { stdio: 'ignore' }).status;
      assert.equal(
        run([
          '--port',
          String(tcp.port),
          '--tcp',
          '--rfc5424',
          '--octet-count',
          '-t',
          'lg',
          'via logger tcp 5424',
        ]),
        0,
      );
      assert.equal(
        run(['--port', String(tcp.port), '--tcp', '--rfc3164', '-t', 'lg', 'via logger tcp 3164']),
        0,
      );
      assert.equal(
        run(['--port', String(udp.port), '--udp', '--rfc5424', '-t', 'lg', 'via logger udp 5424']),
        0,
      );
      expected += 3;
    }

    let events: VigilEvent[] = [];
    for (let i = 0; i < 100 && events.length < expected; i++) {
      await sleep(50);
      events = (
        await server.storage.events.query({
          workspace: 'ws-s',
          from: 0,
          to: Date.UTC(9000, 0, 1),
          limit: 100,
          order: 'asc',
        })
      ).events;
    }
    assert.equal(events.length, expected, JSON.stringify(events.map((e) => e.message)));
    const by = (text: string) => events.find((e) => String(e.message).includes(text));
    assert.equal(by('lonvick')?.vigil.source, 'syslog-udp');
    assert.equal(by('lonvick')?.vigil.data_space, 'net');
    assert.equal(by('octet one')?.vigil.source, 'syslog-tcp');
    assert.equal((by('octet one')?.['host'] as { name?: string }).name, 'fw1');
    assert.equal(by('newline two')?.vigil.source, 'syslog-tcp');
    assert.equal(by('over tls')?.vigil.source, 'syslog-tls');
    assert.equal(events.filter((e) => e.vigil.parse_error !== undefined).length, 0);
    if (expected > 4) {
      assert.ok(by('via logger tcp 5424') && by('via logger tcp 3164') && by('via logger udp 5424'));
    }
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(
      metrics,
      /vigil_ingest_received_total\{workspace="ws-s",data_space="net",source="syslog-tcp"\} [1-9]/,
    );
    assert.match(metrics, /vigil_syslog_listener_up\{listener="tls"\} 1/);
  } finally {
    await server.close();
  }
});
