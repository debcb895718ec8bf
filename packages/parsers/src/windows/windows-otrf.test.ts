import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import type { ParsedEvent } from '../parsed-event.ts';

const receivedAt = Date.parse('2026-01-01T00:00:00Z');
const dir = sharedData('logs', 'windows');

function load(file: string): ParsedEvent[] {
  const lines = gunzipSync(readFileSync(join(dir, file)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.map((line) => parseRecord(line, { receivedAt }));
}

const f = (e: ParsedEvent, path: string): unknown => readField(e, path);

test('every OTRF flat-shape recording parses without errors, with channel datasets and event time', () => {
  const files = readdirSync(dir).filter((n) => n.endsWith('.jsonl.gz'));
  assert.equal(files.length, 6);
  let total = 0;
  for (const file of files) {
    const events = load(file);
    total += events.length;
    for (const e of events) {
      assert.equal(e.parse_error, undefined, `${file}: ${e.parse_error ?? ''}`);
      assert.match(String(f(e, 'event.dataset')), /^windows\.(security|sysmon|powershell|system|eventlog)$/);
      assert.equal(typeof f(e, 'event.code'), 'string');
      assert.equal(f(e, 'event.code'), f(e, 'winlog.event_id'));
      assert.notEqual(
        e['@timestamp'],
        new Date(receivedAt).toISOString(),
        'event time comes from the record',
      );
      assert.ok(e.raw && 'EventID' in e.raw, 'raw keeps vendor field names');
    }
  }
  assert.equal(total, 286 + 3390 + 1364 + 2067 + 1041 + 738);
});

test('Sysmon 1 from the Empire VBS launcher recording maps process and parent', () => {
  const events = load('otrf-empire_launcher_vbs.jsonl.gz');
  const e = events.find((x) => f(x, 'event.code') === '1' && f(x, 'process.name') === 'wscript.exe');
  assert.ok(e);
  assert.equal(f(e, 'event.dataset'), 'windows.sysmon');
  assert.deepEqual(f(e, 'event.category'), ['process']);
  assert.deepEqual(f(e, 'event.type'), ['start']);
  assert.equal(f(e, 'process.executable'), 'C:\\Windows\\System32\\wscript.exe');
  assert.equal(f(e, 'process.pid'), 2440);
  assert.match(String(f(e, 'process.command_line')), /launcher\.vbs/);
  assert.equal(f(e, 'process.parent.name'), 'explorer.exe');
  assert.equal(f(e, 'process.parent.pid'), 5728);
  assert.equal(
    f(e, 'process.hash.sha256'),
    'f42201b5d890a96302f90102b16d7c31cfcc3b67c801ba7c6f6be223f16d7011',
  );
  assert.equal(f(e, 'user.name'), 'pgustavo');
  assert.equal(f(e, 'user.domain'), 'THESHIRE');
  assert.equal(f(e, 'host.name'), 'WORKSTATION5.theshire.local');
  assert.equal(e['@timestamp'], '2020-09-04T20:09:55.035Z', 'UtcTime is the Sysmon event time');
  assert.equal(e.raw?.['Image'], 'C:\\Windows\\System32\\wscript.exe');
  assert.equal(e.raw?.['Message'], undefined, 'the rendered message moves to `message`');
  assert.match(String(e.message), /^Process Create/);
});

test('Security 4688 and 4624 map the subject, target and network fields', () => {
  const events = load('otrf-empire_launcher_vbs.jsonl.gz');
  const proc = events.find((x) => f(x, 'event.code') === '4688' && f(x, 'process.name') === 'wscript.exe');
  assert.ok(proc);
  assert.equal(f(proc, 'event.action'), 'created-process');
  assert.equal(f(proc, 'event.outcome'), 'success');
  assert.equal(f(proc, 'process.pid'), 0x988, 'hex NewProcessId');
  assert.equal(f(proc, 'process.parent.executable'), 'C:\\Windows\\explorer.exe');
  assert.equal(f(proc, 'user.name'), 'pgustavo');
  const logon = events.find((x) => f(x, 'event.code') === '4624');
  assert.ok(logon);
  assert.deepEqual(f(logon, 'event.category'), ['authentication', 'session']);
  assert.equal(f(logon, 'event.outcome'), 'success');
  assert.equal(f(logon, 'user.name'), 'MORDORDC$');
  assert.equal(f(logon, 'winlog.logon.type'), 'Network');
  assert.equal(f(logon, 'source.ip'), '::1');
  assert.equal(f(logon, 'source.port'), 63704);
});

test('Sysmon 3, 10, 11, 13, 22 and Security 4672/5156 in the covenant/schtask/psexec recordings', () => {
  const events = [
    ...load('otrf-covenant_sharpsc_create_dcerpc_smb_svcctl.jsonl.gz'),
    ...load('otrf-schtask_create.jsonl.gz'),
    ...load('otrf-cmd_psexec_lsa_secrets_dump.jsonl.gz'),
  ];
  const byCode = (code: string) =>
    events.filter((x) => f(x, 'event.code') === code && f(x, 'event.dataset') !== undefined);
  const net = byCode('3').find((x) => f(x, 'winlog.channel') === 'Microsoft-Windows-Sysmon/Operational');
  assert.ok(net);
  assert.deepEqual(f(net, 'event.category'), ['network']);
  assert.ok(f(net, 'destination.ip') !== undefined && typeof f(net, 'destination.port') === 'number');
  const access = byCode('10')[0];
  assert.ok(access);
  assert.equal(f(access, 'event.action'), 'process-accessed');
  assert.match(String(f(access, 'process.executable')), /\.exe$/i);
  const file = byCode('11')[0];
  assert.ok(file);
  assert.deepEqual(f(file, 'event.category'), ['file']);
  assert.equal(typeof f(file, 'file.path'), 'string');
  const reg = byCode('13')[0];
  assert.ok(reg);
  assert.deepEqual(f(reg, 'event.category'), ['registry']);
  assert.match(String(f(reg, 'registry.path')), /^HK/);
  const dns = byCode('22')[0];
  assert.ok(dns);
  assert.equal(typeof f(dns, 'dns.question.name'), 'string');
  const special = byCode('4672')[0];
  assert.ok(special);
  assert.equal(f(special, 'event.action'), 'logged-in-special');
  assert.equal(typeof f(special, 'user.name'), 'string');
  const wfp = byCode('5156')[0];
  assert.ok(wfp);
  assert.equal(f(wfp, 'network.transport'), 'tcp');
  assert.equal(typeof f(wfp, 'destination.ip'), 'string');
  const service = byCode('4697')[0];
  assert.ok(service);
  assert.equal(f(service, 'event.action'), 'service-installed');
  assert.equal(typeof f(service, 'service.name'), 'string');
});

test('PowerShell 4103 takes the host application command line and user from ContextInfo', () => {
  const e = load('otrf-empire_launcher_vbs.jsonl.gz').find((x) => f(x, 'event.code') === '4103');
  assert.ok(e);
  assert.equal(f(e, 'event.dataset'), 'windows.powershell');
  assert.equal(f(e, 'event.action'), 'pipeline-executed');
  assert.match(
    String(f(e, 'process.command_line')),
    /^C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe -noP/,
  );
  assert.equal(f(e, 'user.name'), 'pgustavo');
  assert.equal(f(e, 'powershell.command.name'), 'New-Object');
});
