import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { CliIO } from '../command.ts';
import { detectCommand } from './detect.ts';
import { sigmaCheckCommand } from './sigma-check.ts';

function fakeIo(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (err += c) },
    stdin: (async function* () {})(),
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-detect-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'rules/sub'), { recursive: true });
writeFileSync(
  join(dir, 'rules/sub/whoami.yml'),
  `title: Whoami
id: aaaaaaaa-0000-0000-0000-000000000001
logsource: {product: windows, category: process_creation}
detection:
    sel: {Image|endswith: '\\whoami.exe'}
    condition: sel
level: medium
`,
);
writeFileSync(
  join(dir, 'rules/failed-logon.yml'),
  `title: Failed logon
id: aaaaaaaa-0000-0000-0000-000000000002
name: failed_logon
logsource: {product: windows, service: security}
detection:
    sel: {EventID: 4625}
    condition: sel
level: low
---
title: Many failed logons
id: aaaaaaaa-0000-0000-0000-000000000003
correlation:
    type: event_count
    rules: [failed_logon]
    group-by: [TargetUserName]
    timespan: 10m
    condition: {gte: 3}
level: high
`,
);
writeFileSync(
  join(dir, 'bad.yml'),
  'title: broken\nlogsource: {product: windows}\ndetection:\n    sel: {A|nope: 1}\n    condition: sel\n',
);

const t0 = Date.parse('2024-05-01T10:00:00Z');
const flat = [
  {
    EventID: 1,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Image: 'C:\\Windows\\whoami.exe',
    UtcTime: '2024-05-01 10:00:00.000',
  },
  ...[1, 2, 3].map((i) => ({
    EventID: 4625,
    Channel: 'Security',
    TargetUserName: 'bob',
    '@timestamp': new Date(t0 + i * 1000).toISOString(),
  })),
  {
    EventID: 4625,
    Channel: 'Security',
    TargetUserName: 'eve',
    '@timestamp': new Date(t0 + 5000).toISOString(),
  },
];
writeFileSync(join(dir, 'events.jsonl'), flat.map((e) => JSON.stringify(e)).join('\n'));
writeFileSync(join(dir, 'events.jsonl.gz'), gzipSync(flat.map((e) => JSON.stringify(e)).join('\n')));
writeFileSync(join(dir, 'events.json'), JSON.stringify(flat, null, 2));
const evtx = {
  Event: {
    System: {
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      TimeCreated: { '#attributes': { SystemTime: '2024-05-01T10:00:00Z' } },
    },
    EventData: { Image: 'C:\\x\\WHOAMI.EXE' },
  },
};
writeFileSync(
  join(dir, 'evtx.json'),
  `${JSON.stringify(evtx, null, 2)}\n${JSON.stringify({ ...evtx, Event: { ...evtx.Event, EventData: { Image: 'x' } } }, null, 2)}\n`,
);

async function detect(args: string[]) {
  const io = fakeIo(dir);
  const code = await detectCommand.run(args, io);
  const lines = io
    .out()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, err: io.err() };
}

describe('vigil detect', () => {
  test('jsonl, gzip and JSON array inputs give the same matches; correlation hits; suppressed base rule', async () => {
    for (const input of ['events.jsonl', 'events.jsonl.gz', 'events.json']) {
      const r = await detect(['--rules', 'rules', '--input', input]);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(r.lines, [
        {
          rule_id: 'aaaaaaaa-0000-0000-0000-000000000001',
          rule_title: 'Whoami',
          level: 'medium',
          event_index: 0,
        },
        {
          rule_id: 'aaaaaaaa-0000-0000-0000-000000000003',
          rule_title: 'Many failed logons',
          level: 'high',
          correlation: true,
          type: 'event_count',
          group: { TargetUserName: 'bob' },
          event_indexes: [1, 2, 3],
        },
      ]);
      assert.match(r.err, /rules loaded: 3, rejected: 0; events: 5; matches: 2; seconds: /);
    }
  });
  test('concatenated pretty-printed evtx-rs documents', async () => {
    const r = await detect([
      '--rules',
      'rules/sub/whoami.yml',
      '--input',
      'evtx.json',
      '--format',
      'evtx-json',
    ]);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.lines.map((l) => l['event_index']),
      [0],
    );
  });
  test('rejected rules are listed on stderr; --strict exits 1', async () => {
    const loose = await detect(['--rules', 'rules', 'bad.yml', '--input', 'events.jsonl']);
    assert.equal(loose.code, 0);
    assert.match(loose.err, /rejected: bad\.yml:4: .*unknown value modifier 'nope'/);
    const strict = await detect(['--rules', 'rules', 'bad.yml', '--input', 'events.jsonl', '--strict']);
    assert.equal(strict.code, 1);
    assert.deepEqual(strict.lines, []);
  });
  test('usage errors exit 2; missing files exit 1; --help exits 0', async () => {
    assert.equal((await detect(['--input', 'events.jsonl'])).code, 2);
    assert.equal((await detect(['--rules', 'rules'])).code, 2);
    assert.equal((await detect(['--rules', 'rules', '--input', 'x', '--format', 'xml'])).code, 2);
    assert.equal((await detect(['--rules', 'rules', '--input', 'x', '--bogus'])).code, 2);
    assert.equal((await detect(['--rules', 'rules', '--input', 'x', '--lateness', '-1'])).code, 2);
    assert.equal((await detect(['--rules', 'missing-dir', '--input', 'events.jsonl'])).code, 1);
    assert.equal((await detect(['--rules', 'rules', '--input', 'missing.jsonl'])).code, 1);
    const io = fakeIo(dir);
    assert.equal(await detectCommand.run(['--help'], io), 0);
    assert.match(io.out(), /Usage: vigil detect/);
  });
  test('invalid events are counted and reported, the others still scanned', async () => {
    writeFileSync(join(dir, 'mixed.jsonl'), `not json\n${JSON.stringify(flat[0])}\n42\n`);
    const r = await detect(['--rules', 'rules', '--input', 'mixed.jsonl']);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.lines.map((l) => l['event_index']),
      [1],
    );
    assert.match(r.err, /event 0: invalid JSON/);
    assert.match(r.err, /events: 3 \(1 invalid\)/);
  });
});

test('invalid UTF-8 and odd JSON values do not stop the scan', async () => {
  const good = Buffer.from(`${JSON.stringify(flat[0])}\n`);
  const bad = Buffer.concat([
    Buffer.from('{"EventID": 1, "Image": "'),
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from('\\whoami.exe"}\n'),
  ]);
  writeFileSync(join(dir, 'binary.jsonl'), Buffer.concat([bad, Buffer.from('null\n[]\n"text"\n'), good]));
  const r = await detect(['--rules', 'rules', '--input', 'binary.jsonl']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(
    r.lines.map((l) => l['event_index']),
    [4],
  );
});

describe('vigil sigma check', () => {
  test('--json reports loaded and rejected', async () => {
    const io = fakeIo(dir);
    const code = await sigmaCheckCommand.run(['rules', 'bad.yml', '--json'], io);
    assert.equal(code, 1);
    const report = JSON.parse(io.out()) as { loaded: number; rejected: { file: string; reason: string }[] };
    assert.equal(report.loaded, 3);
    assert.equal(report.rejected.length, 1);
    assert.equal(report.rejected[0]?.file, 'bad.yml');
    assert.match(report.rejected[0]?.reason ?? '', /unknown value modifier/);
  });
  test('all valid: exit 0 with a text summary; usage errors exit 2', async () => {
    const io = fakeIo(dir);
    assert.equal(await sigmaCheckCommand.run(['rules'], io), 0);
    assert.match(io.out(), /loaded: 3, rejected: 0/);
    assert.equal(await sigmaCheckCommand.run([], fakeIo(dir)), 2);
    assert.equal(await sigmaCheckCommand.run(['--nope', 'rules'], fakeIo(dir)), 2);
  });
});
