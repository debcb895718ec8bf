import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { silentLogger, type VigilEvent } from '@vigil/core';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { ingestFixture } from '../../../server/src/ingest/testing/ingest-fixture.ts';
import { main } from '../main.ts';
import type { CliIO } from '../command.ts';

function io(cwd: string, env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = {
    stdout: { write: (c: string) => (out.stdout += c) },
    stderr: { write: (c: string) => (out.stderr += c) },
    stdin: (async function* () {})(),
    env: { VIGIL_LOG_LEVEL: 'silent', ...env },
    cwd,
  };
  return { cli, out };
}

async function storedIn(dataDir: string, workspace: string): Promise<VigilEvent[]> {
  const storage = await openSqliteStorage({ dataDir, logger: silentLogger });
  try {
    const page = await storage.events.query({
      workspace,
      from: 0,
      to: Date.UTC(9000, 0, 1),
      limit: 10_000,
      order: 'asc',
    });
    return page.events;
  } finally {
    await storage.close();
  }
}

test('vigil ingest stores a gzip file locally through the pipeline, keeping parse failures', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-ingest-'));
  const lines = [
    JSON.stringify({ '@timestamp': '2026-01-05T10:00:00Z', message: 'Accepted password for bob' }),
    '{"broken": ',
    JSON.stringify({ '@timestamp': '2026-01-05T10:00:01Z', message: 'Failed password for root' }),
  ];
  writeFileSync(join(dir, 'auth.log.gz'), gzipSync(`${lines.join('\n')}\n`));
  const pretty = JSON.stringify(
    {
      Records: [
        {
          eventVersion: '1.08',
          eventName: 'ConsoleLogin',
          eventSource: 'signin.amazonaws.com',
          eventTime: '2026-01-01T00:00:00Z',
          awsRegion: 'us-east-1',
          sourceIPAddress: '1.2.3.4',
          userIdentity: { type: 'IAMUser', userName: 'alice' },
        },
      ],
    },
    null,
    2,
  );
  writeFileSync(join(dir, 'trail.json'), pretty);
  const { cli, out } = io(dir);
  const code = await main(
    [
      'ingest',
      'auth.log.gz',
      'trail.json',
      '--workspace',
      'default',
      '--data-space',
      'ops',
      '--data-dir',
      join(dir, 'var'),
    ],
    cli,
  );
  assert.equal(code, 0, out.stderr);
  assert.match(out.stdout, /files: 2; events: 4; parse failures: 1; seconds: \d/);
  const events = await storedIn(join(dir, 'var'), 'default');
  assert.equal(events.length, 4);
  assert.ok(events.every((e) => e.vigil.data_space === 'ops'));
  assert.equal(events.filter((e) => e.vigil.parse_error !== undefined).length, 1);
  assert.ok(events.some((e) => e.vigil.source === 'file:auth.log.gz'));
  assert.ok(events.some((e) => (e.raw as { eventName?: string } | undefined)?.eventName === 'ConsoleLogin'));
});

test('vigil ingest --server posts NDJSON batches with the ingest token', async () => {
  const f = await ingestFixture();
  await f.app.listen({ host: '127.0.0.1', port: 0 });
  const address = f.app.server.address() as { port: number };
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-remote-'));
  const ndjson = Array.from({ length: 50 }, (_, i) => JSON.stringify({ message: `m${i}`, n: i })).join('\n');
  writeFileSync(join(dir, 'events.ndjson'), ndjson);
  const { cli, out } = io(dir, { VIGIL_INGEST_TOKEN: f.tokens.a });
  const code = await main(
    ['ingest', 'events.ndjson', '--workspace', 'ws-a', '--server', `http://127.0.0.1:${address.port}`],
    cli,
  );
  assert.equal(code, 0, out.stderr);
  assert.match(out.stdout, /events: 50; parse failures: 0/);
  assert.equal((await f.stored('ws-a')).length, 50);
  const wrong = io(dir, { VIGIL_INGEST_TOKEN: f.tokens.b });
  assert.equal(
    await main(
      ['ingest', 'events.ndjson', '--workspace', 'ws-a', '--server', `http://127.0.0.1:${address.port}`],
      wrong.cli,
    ),
    1,
  );
  assert.match(wrong.out.stderr, /403/);
  await f.close();
});

test('vigil ingest usage errors exit 2; an unreadable file exits 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-usage-'));
  const a = io(dir);
  assert.equal(await main(['ingest', '--workspace', 'w'], a.cli), 2);
  assert.equal(await main(['ingest', 'x.log'], a.cli), 2);
  assert.equal(await main(['ingest', 'x.log', '--workspace', 'w', '--format', 'nope'], a.cli), 2);
  assert.equal(
    await main(['ingest', 'x.log', '--workspace', 'w', '--server', 'http://127.0.0.1:1'], a.cli),
    2,
  );
  const b = io(dir);
  assert.equal(
    await main(['ingest', 'missing.log', '--workspace', 'w', '--data-dir', join(dir, 'var')], b.cli),
    1,
  );
  assert.match(b.out.stderr, /cannot read missing\.log/);
});

test('vigil ingest --server resends a refused batch whole, with the same delivery id', async () => {
  const seen: { deliveryId: string | undefined; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        deliveryId: req.headers['x-vigil-delivery-id'] as string | undefined,
        body: gunzipSync(Buffer.concat(chunks)).toString('utf8'),
      });
      // The first answer is lost to a busy server (as after a commit timeout); the resend succeeds.
      if (seen.length === 1) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end('{"error":{"code":"INGEST_COMMIT_TIMEOUT","message":"slow"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"accepted":3,"failed":0,"errors":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-resend-'));
  writeFileSync(join(dir, 'e.ndjson'), '{"message":"a"}\n{"message":"b"}\n{"message":"c"}\n');
  const { cli, out } = io(dir, { VIGIL_INGEST_TOKEN: 'vigil_it_0000000000000000_x' });
  try {
    const code = await main(
      ['ingest', 'e.ndjson', '--workspace', 'ws-a', '--server', `http://127.0.0.1:${port}`],
      cli,
    );
    assert.equal(code, 0, out.stderr);
    assert.match(out.stdout, /events: 3; parse failures: 0/);
    assert.equal(seen.length, 2);
    assert.match(seen[0]?.deliveryId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(seen[1]?.deliveryId, seen[0]?.deliveryId);
    assert.equal(seen[1]?.body, seen[0]?.body);
  } finally {
    server.close();
  }
});
