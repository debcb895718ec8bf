import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { metricTotal, prepareDataDir, startVigil, stopVigil } from './reliability-server.ts';
import type { RunningVigil } from './reliability-server.ts';
import { selfSignedCert } from '../testing/self-signed-cert.ts';

/** A port that was free a moment ago (the server binds it right after). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const INVALID_UTF8 = Buffer.from([
  0x7b, 0x22, 0x6d, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d, 0x0a,
]);
const NESTED = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const NESTED_OBJECT = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
const MB_LINE = JSON.stringify({ message: 'x'.repeat(1_048_576) });

interface Answer {
  status: number;
  body: string;
}

describe('malformed input of every protocol gets a clear error or a parse-error event, never a crash', () => {
  let dir: string;
  let vigil: RunningVigil;
  let token: string;
  const ports = { udp: 0, tcp: 0, tls: 0 };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-malformed-'));
    token = await prepareDataDir(dir);
    const { cert, key } = selfSignedCert(dir);
    ports.udp = await freePort();
    ports.tcp = await freePort();
    ports.tls = await freePort();
    vigil = await startVigil(dir, {
      VIGIL_SYSLOG_UDP_ENABLED: 'true',
      VIGIL_SYSLOG_TCP_ENABLED: 'true',
      VIGIL_SYSLOG_TLS_ENABLED: 'true',
      VIGIL_SYSLOG_UDP_PORT: String(ports.udp),
      VIGIL_SYSLOG_TCP_PORT: String(ports.tcp),
      VIGIL_SYSLOG_TLS_PORT: String(ports.tls),
      VIGIL_SYSLOG_TLS_CERT_FILE: cert,
      VIGIL_SYSLOG_TLS_KEY_FILE: key,
      // Token-less syslog from loopback is accepted (the malformed messages below carry no token).
      VIGIL_SYSLOG_ALLOW_UNAUTHENTICATED: 'true',
    });
  });
  after(async () => {
    await stopVigil(vigil);
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (
    path: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const res = await fetch(`${vigil.base}${path}`, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  };
  const bearer = () => ({ authorization: `Bearer ${token}` });

  /** Announces a body of `length` bytes, sends its first 64 KiB and returns the server's early answer. */
  const announceHugeBody = (path: string, length: number, headers: Record<string, string>) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${vigil.base}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(length) },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`no answer to a ${length}-byte body within 15 s`));
      }, 15_000);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.write(Buffer.alloc(64 * 1024, 0x61));
    });

  /** The server answers, is healthy and still stores a good event. */
  async function stillHealthy(): Promise<void> {
    assert.equal(vigil.child.exitCode, null, vigil.output());
    assert.equal((await fetch(`${vigil.base}/healthz`)).status, 200);
    const ok = await post('/api/v1/workspaces/default/ingest', '{"message":"still fine"}', bearer());
    assert.equal(ok.status, 200, ok.body);
  }

  /** A 2xx that reports parse errors, or a 4xx with an error body: never 5xx, never a dropped connection. */
  function clear(answer: Answer, what: string): void {
    assert.ok(answer.status < 500, `${what}: ${answer.status} ${answer.body.slice(0, 300)}`);
    if (answer.status >= 400) assert.ok(answer.body.length > 0, `${what}: an error body`);
  }

  test('native ingest: truncated, invalid UTF-8, 1 MB line, deep nesting, bad gzip, 100 MB body', async () => {
    const url = '/api/v1/workspaces/default/ingest';
    const truncated = await post(url, '{"message":"a"}\n{"message": "b', bearer());
    assert.equal(truncated.status, 200, truncated.body);
    assert.equal((JSON.parse(truncated.body) as { failed: number }).failed, 1);
    clear(await post(url, INVALID_UTF8, bearer()), 'invalid UTF-8');
    const long = await post(url, MB_LINE, bearer());
    assert.equal(long.status, 200, long.body);
    clear(await post(url, NESTED, bearer()), 'nested arrays');
    clear(await post(url, NESTED_OBJECT, bearer()), 'nested objects');
    const gzip = await post(url, 'not gzip at all', { ...bearer(), 'content-encoding': 'gzip' });
    assert.equal(gzip.status, 400, gzip.body);
    assert.match(gzip.body, /INVALID_BODY_ENCODING/);
    // 100 MB: refused on its Content-Length (413) before the body is read. Only the first 64 KiB are sent:
    // a sender that kept writing would race the server's close (a reset can discard the 413 in flight).
    const huge = await announceHugeBody(url, 100 * 1024 * 1024, bearer());
    assert.equal(huge.status, 413, huge.body);
    assert.ok(huge.body.length > 0, '100 MB body: an error body');
    await stillHealthy();
  });

  test('HEC: truncated envelope, invalid UTF-8, deep nesting, empty body', async () => {
    const headers = { authorization: `Splunk ${token}` };
    const truncated = await post('/services/collector/event', '{"event":"a"}{"event": "b', headers);
    clear(truncated, 'HEC truncated');
    assert.match(truncated.body, /"code"/);
    clear(await post('/services/collector/event', INVALID_UTF8, headers), 'HEC invalid UTF-8');
    clear(await post('/services/collector/event', `{"event":${NESTED}}`, headers), 'HEC nested');
    clear(await post('/services/collector/raw', NESTED_OBJECT, headers), 'HEC raw nested');
    const empty = await post('/services/collector/event', '', headers);
    assert.equal(empty.status, 400);
    await stillHealthy();
  });

  test('Elasticsearch _bulk: truncated action, missing source, bad JSON, deep nesting', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' };
    const auth = { ...headers, authorization: `ApiKey ${Buffer.from(`id:${token}`).toString('base64')}` };
    clear(await post('/es/_bulk', '{"index":{}}\n{"message":"ok"}\n{"index":', auth), 'bulk truncated');
    clear(await post('/es/_bulk', '{"index":{}}\n', auth), 'bulk missing source');
    clear(await post('/es/_bulk', '{"index":{}}\n{not json}\n', auth), 'bulk bad json');
    clear(await post('/es/_bulk', `{"index":{}}\n${NESTED}\n`, auth), 'bulk nested');
    clear(await post('/es/_bulk', INVALID_UTF8, auth), 'bulk invalid UTF-8');
    await stillHealthy();
  });

  test('OTLP logs: truncated JSON, wrong shapes, protobuf, deep nesting', async () => {
    const headers = { ...bearer(), 'content-type': 'application/json' };
    for (const [what, body] of [
      ['truncated', '{"resourceLogs":[{"scopeLogs":['],
      ['wrong type', '{"resourceLogs":5}'],
      ['wrong record', '{"resourceLogs":[{"scopeLogs":[{"logRecords":[7,"x",null]}]}]}'],
      ['nested', `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"arrayValue":${NESTED}}}]}]}]}`],
    ] as const) {
      const answer = await post('/v1/logs', body, headers);
      clear(answer, `OTLP ${what}`);
    }
    const proto = await post('/v1/logs', Buffer.from([0x0a, 0x02, 0x08]), {
      ...bearer(),
      'content-type': 'application/x-protobuf',
    });
    assert.equal(proto.status, 415);
    await stillHealthy();
  });

  test('syslog TCP, UDP and TLS: broken framing, invalid UTF-8, 1 MB lines, garbage handshakes', async () => {
    const before = await metricTotal(vigil, 'vigil_ingest_received_total');
    const tcp = async (payload: Buffer | string) => {
      const socket: Socket = connect(ports.tcp, '127.0.0.1');
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.end(payload, resolve));
      await sleep(50);
      socket.destroy();
    };
    await tcp('50 <13>1 2026-03-01T00:00:00Z host app - - - short');
    await tcp('99999999999999999999 <13>oversized octet count\n');
    await tcp(
      Buffer.concat([Buffer.from('<13>Mar  1 00:00:00 host app: '), INVALID_UTF8, Buffer.from('\n')]),
    );
    await tcp(`<13>Mar  1 00:00:00 host app: ${'y'.repeat(1_048_576)}\n`);
    await tcp('\n\n\n<>\n<999999>\n');

    const udp = createSocket('udp4');
    for (const datagram of [Buffer.alloc(0), INVALID_UTF8, Buffer.from('<13'), Buffer.alloc(60_000, 0xff)]) {
      await new Promise<void>((resolve) => udp.send(datagram, ports.udp, '127.0.0.1', () => resolve()));
    }
    udp.close();

    // Plain text to the TLS port is a failed handshake: that connection is closed, nothing else.
    const plain: Socket = connect(ports.tls, '127.0.0.1');
    plain.on('error', () => {});
    plain.write('<13>this is not TLS\n');
    await sleep(100);
    plain.destroy();
    const secure = tlsConnect({ port: ports.tls, host: '127.0.0.1', rejectUnauthorized: false });
    secure.on('error', () => {});
    await new Promise<void>((resolve) => secure.once('secureConnect', resolve));
    await new Promise<void>((resolve) => secure.end('7 <13>ab', resolve));
    await sleep(300);
    secure.destroy();

    // The malformed syslog records were received (kept with parse errors where they could not be parsed).
    let received = before;
    for (let i = 0; i < 50 && received <= before; i++) {
      await sleep(100);
      received = await metricTotal(vigil, 'vigil_ingest_received_total');
    }
    assert.ok(received > before, 'syslog records were received and counted');
    await stillHealthy();
  });
});
