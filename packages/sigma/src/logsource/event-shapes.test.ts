import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadRules } from '../engine/load-rules.ts';
import { eventTime } from './event-time.ts';
import { routeKeys } from './route-event.ts';
import { eventView } from './event-view.ts';

const rule = `title: Whoami
id: 11111111-2222-3333-4444-555555555555
logsource:
    product: windows
    category: process_creation
detection:
    sel:
        Image|endswith: '\\whoami.exe'
        CommandLine|contains: '/all'
        Computer|startswith: 'ws'
    condition: sel
level: medium
`;
const { ruleset } = loadRules([{ path: 'r.yml', text: rule }]);

const evtx = {
  Event: {
    System: {
      Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } },
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: 'WS01.corp',
      TimeCreated: { '#attributes': { SystemTime: '2024-01-02T03:04:05.000Z' } },
    },
    EventData: { Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' },
  },
};
const winlogbeat = {
  '@timestamp': '2024-01-02T03:04:05.000Z',
  winlog: {
    channel: 'Microsoft-Windows-Sysmon/Operational',
    event_id: '1',
    computer_name: 'ws01.corp',
    event_data: { Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' },
  },
};
const flat = {
  EventID: '1',
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  Hostname: 'WS01.corp',
  Image: 'C:\\Windows\\System32\\whoami.exe',
  CommandLine: 'whoami /all',
  UtcTime: '2024-01-02 03:04:05.000',
};
const security4688 = {
  EventID: 4688,
  Channel: 'Security',
  Computer: 'ws01',
  NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
  CommandLine: 'whoami /all',
};
const vigilEcs = {
  '@timestamp': '2024-01-02T03:04:05.000Z',
  event: { dataset: 'windows.sysmon', code: '1' },
  host: { name: 'ws01' },
  process: { executable: 'C:\\Windows\\System32\\whoami.exe', command_line: 'whoami /all' },
  winlog: { channel: 'Microsoft-Windows-Sysmon/Operational', event_id: 1 },
  raw: { EventID: 1, Image: 'C:\\Windows\\System32\\whoami.exe' },
  vigil: { id: 'x', workspace: 'default', data_space: 'default', received_at: '2024-01-02T03:04:06.000Z' },
};

describe('event shapes', () => {
  test('evtx-rs, Winlogbeat, flat, Security 4688 and Vigil ECS+raw events match the same rule', () => {
    for (const [name, ev] of Object.entries({ evtx, winlogbeat, flat, security4688, vigilEcs })) {
      assert.deepEqual(
        ruleset.match(ev).map((r) => r.id),
        ['11111111-2222-3333-4444-555555555555'],
        name,
      );
    }
  });
  test('logsource routing: other channels and EventIDs do not match', () => {
    assert.equal(ruleset.match({ ...flat, EventID: 3 }).length, 0);
    assert.equal(ruleset.match({ ...flat, Channel: 'Security' }).length, 0);
    assert.equal(ruleset.match({ ...security4688, EventID: 4624 }).length, 0);
  });
  test('non-objects, nulls and odd values match nothing and do not throw', () => {
    for (const ev of [null, 42, 'text', [], [flat], { Channel: 42 }, { Event: { System: null } }]) {
      assert.deepEqual(ruleset.match(ev), []);
    }
  });
  test('deeply nested and huge events are handled', () => {
    let deep: Record<string, unknown> = { x: 'whoami /all' };
    for (let i = 0; i < 10000; i++) deep = { n: deep };
    assert.deepEqual(ruleset.match({ ...flat, Deep: deep, Image: 'x' }), []);
    const huge = { ...flat, CommandLine: `${'a'.repeat(5_000_000)} /all` };
    assert.equal(ruleset.match(huge).length, 1);
  });
  test('evtx EventData with Data arrays and #text values; spaces in names', () => {
    const v = eventView({
      Event: {
        System: { EventID: { '#text': 4688, '#attributes': { Qualifiers: 0 } }, Channel: 'Security' },
        EventData: {
          Data: [{ '#attributes': { Name: 'NewProcessName' }, '#text': 'c:\\a.exe' }],
          'Threat Name': 'EICAR',
        },
      },
    });
    assert.equal(v?.fields['EventID'], 4688);
    assert.equal(v?.fields['NewProcessName'], 'c:\\a.exe');
    assert.equal(v?.fields['ThreatName'], 'EICAR');
  });
  test('route keys of cloud and web events', () => {
    const keys = (ev: Record<string, unknown>): string[] =>
      routeKeys(eventView(ev) ?? { fields: {}, doc: {}, ecs: false });
    assert.deepEqual(keys({ eventSource: 's3.amazonaws.com', eventName: 'GetObject' }), [
      'ls:aws||cloudtrail',
    ]);
    assert.deepEqual(keys({ event: { dataset: 'okta.system' } }), ['ls:okta||okta']);
    assert.deepEqual(keys({ 'cs-method': 'GET', 'c-uri': '/x' }), ['ls:|webserver|']);
    assert.ok(keys({ type: 'EXECVE', a0: 'ls' }).includes('ls:linux||auditd'));
  });
  test('CloudTrail records route by their own fields; dotted fields read nested values', () => {
    const ct = loadRules([
      {
        path: 'ct.yml',
        text: 'title: root\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n    sel:\n        eventSource: signin.amazonaws.com\n        userIdentity.type: Root\n    condition: sel\n',
      },
    ]).ruleset;
    const rec = {
      eventVersion: '1.08',
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'Root' },
    };
    assert.equal(ct.match(rec).length, 1);
    assert.equal(ct.match({ ...rec, userIdentity: { type: 'IAMUser' } }).length, 0);
    assert.equal(
      ct.match({ ...flat, eventSource: 'signin.amazonaws.com', 'userIdentity.type': 'Root' }).length,
      0,
    );
  });
  test('web access events from Vigil parsers match webserver rules through the ECS mapping', () => {
    const web = loadRules([
      {
        path: 'web.yml',
        text: "title: traversal\nlogsource: {category: webserver}\ndetection:\n    sel:\n        cs-method: GET\n        c-uri|contains: '/../'\n    condition: sel\n",
      },
    ]).ruleset;
    const ev = {
      '@timestamp': '2024-01-01T00:00:00Z',
      event: { dataset: 'apache.access' },
      http: { request: { method: 'GET' } },
      url: { original: '/a/../../etc/passwd' },
      message: 'GET /a/../../etc/passwd HTTP/1.1',
    };
    assert.equal(web.match(ev).length, 1);
    assert.equal(web.match({ ...ev, url: { original: '/index.html' } }).length, 0);
  });
  test('eventTime reads every common time field', () => {
    const t = Date.parse('2024-01-02T03:04:05.000Z');
    assert.equal(eventTime(evtx), t);
    assert.equal(eventTime(winlogbeat), t);
    assert.equal(eventTime(flat), t);
    assert.equal(eventTime({ eventTime: '2024-01-02T03:04:05Z' }), t);
    assert.equal(eventTime({ TimeCreated: t }), t);
    assert.equal(eventTime({ EventTime: t / 1000 }), t);
    assert.equal(eventTime({ nothing: 1 }), undefined);
    assert.equal(eventTime('x'), undefined);
  });
});
