import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecord } from '../parse-record.ts';
import { splitRecords } from '../split-records.ts';
import { readField } from '../ecs/set-field.ts';

const receivedAt = Date.parse('2026-01-01T00:00:00Z');
const fixture = readFileSync(new URL('../../fixtures/winlogbeat.json', import.meta.url), 'utf8');
const [logon, failed, sysmon] = splitRecords(fixture).map((r) => parseRecord(r, { receivedAt }));

test('Winlogbeat 4624: winlog.event_data mapped, Winlogbeat ECS kept, raw has vendor names', () => {
  assert.ok(logon);
  assert.equal(logon.parse_error, undefined);
  assert.equal(logon['@timestamp'], '2024-03-12T09:15:27.123Z');
  assert.equal(readField(logon, 'event.code'), '4624');
  assert.equal(readField(logon, 'event.dataset'), 'windows.security');
  assert.equal(readField(logon, 'event.outcome'), 'success');
  assert.equal(readField(logon, 'user.name'), 'alice');
  assert.equal(readField(logon, 'user.domain'), 'CORP');
  assert.equal(readField(logon, 'source.ip'), '203.0.113.45');
  assert.equal(readField(logon, 'source.port'), undefined, 'port 0 is not a port');
  assert.equal(readField(logon, 'winlog.logon.type'), 'RemoteInteractive');
  assert.equal(readField(logon, 'host.os.family'), 'windows');
  assert.equal(readField(logon, 'agent.type'), 'winlogbeat');
  assert.equal(logon.raw?.['TargetUserName'], 'alice');
  assert.equal(logon.raw?.['EventID'], '4624');
  assert.equal(logon.raw?.['Channel'], 'Security');
  assert.match(String(logon.message), /^An account was successfully logged on/);
});

test('Winlogbeat 4625 with a numeric event_id is a failed logon with failure codes', () => {
  assert.ok(failed);
  assert.equal(readField(failed, 'event.code'), '4625');
  assert.equal(readField(failed, 'event.outcome'), 'failure');
  assert.equal(readField(failed, 'event.action'), 'logon-failed');
  assert.equal(readField(failed, 'user.name'), 'administrator');
  assert.equal(readField(failed, 'source.ip'), '198.51.100.66');
  assert.equal(readField(failed, 'source.port'), 50122);
  assert.equal(readField(failed, 'winlog.logon.failure.status'), '0xc000006d');
});

test('Winlogbeat Sysmon 1 maps image, command line and parent', () => {
  assert.ok(sysmon);
  assert.equal(readField(sysmon, 'event.dataset'), 'windows.sysmon');
  assert.equal(readField(sysmon, 'process.name'), 'powershell.exe');
  assert.equal(readField(sysmon, 'process.pid'), 6120);
  assert.equal(readField(sysmon, 'process.parent.name'), 'WINWORD.EXE');
  assert.equal(readField(sysmon, 'user.name'), 'bob');
  assert.equal(
    readField(sysmon, 'process.hash.sha256'),
    'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
  );
  assert.equal(sysmon.raw?.['CommandLine'], 'powershell.exe -nop -w hidden -enc SQBFAFgA');
});
