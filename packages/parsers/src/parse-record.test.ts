import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecord } from './parse-record.ts';
import type { DetectedFormat, FormatName } from './parsed-event.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const formats: FormatName[] = [
  'auto',
  'json',
  'windows',
  'syslog',
  'cef',
  'leef',
  'kv',
  'linux-auth',
  'auditd',
  'web-access',
  'cloudtrail',
  'cts',
  'text',
];

/** Deterministic pseudo-random generator (tests must not be flaky). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const seeds = [
  '<34>Oct 11 22:14:15 mymachine su: x',
  '<165>1 2003-10-11T22:14:15.003Z h a - - [x@1 k="v"] m',
  'CEF:0|a|b|c|d|e|5|src=1.2.3.4 msg=a\\=b',
  'LEEF:2.0|a|b|c|d|^|src=1.2.3.4^usrName=x',
  'type=SYSCALL msg=audit(1.0:1): a0="x" proctitle=6869',
  '1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12 "-" "curl"',
  '{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Image":"C:\\\\a.exe"}',
  '{"Event":{"System":{"EventID":4624,"Channel":"Security"},"EventData":{"IpAddress":"1.2.3.4"}}}',
  '{"eventVersion":"1.08","eventSource":"s3","eventName":"x","userIdentity":{"arn":"a/b"}}',
  '{"trace_name":"login","trace_id":"1","user":{"domain":{}},"code":"200"}',
  'a=1 b="2 3" c=\'4\'',
];

test('parseRecord never throws: mutated inputs of every format, with every format option', () => {
  const rand = rng(42);
  const alphabet = [
    '"',
    "'",
    '\\',
    '|',
    '=',
    '{',
    '}',
    '[',
    ']',
    ' ',
    '\n',
    ':',
    '<',
    '>',
    '\u0000',
    'é',
    '😀',
    '0',
    'x',
    '\t',
    '^',
  ];
  let runs = 0;
  for (let i = 0; i < 3000; i++) {
    const base = seeds[i % seeds.length] ?? '';
    const chars = [...base];
    const edits = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(rand() * (chars.length + 1));
      const op = rand();
      if (op < 0.4) chars.splice(at, 1);
      else if (op < 0.8) chars.splice(at, 0, alphabet[Math.floor(rand() * alphabet.length)] ?? 'x');
      else chars.length = at;
    }
    const input = chars.join('');
    const format = formats[Math.floor(rand() * formats.length)] ?? 'auto';
    const e = parseRecord(input, { receivedAt, format });
    runs++;
    assert.equal(typeof e['@timestamp'], 'string');
    assert.ok(!Number.isNaN(Date.parse(e['@timestamp'])));
    if (e.parse_error !== undefined) {
      // A trailing newline is framing, not content.
      assert.ok(
        e.message === input || e.message === input.replace(/\r?\n$/, ''),
        'a failed text record keeps the input',
      );
      assert.match(e.parse_error, /^[a-z-]+: /, 'errors name the parser');
    }
  }
  assert.equal(runs, 3000);
});

test('parseRecord survives hostile objects (wrong types everywhere)', () => {
  const objects: Record<string, unknown>[] = [
    { Event: { System: { EventID: null, Provider: 5 }, EventData: 'x' } },
    {
      Event: {
        System: { EventID: [1], TimeCreated: { '#attributes': { SystemTime: 42 } } },
        EventData: { Data: [{}, null, 3] },
      },
    },
    { winlog: { event_id: {}, event_data: [] } },
    { EventID: 4624, Channel: 5, IpAddress: { a: 1 }, TargetUserName: ['x'] },
    { eventVersion: 1, eventSource: null, eventName: 7, userIdentity: 'x', sourceIPAddress: 3 },
    { trace_name: 'x', trace_id: 1, user: [], code: {}, time: 'never' },
    { remote_addr: 5, status: 'abc', request: null },
    { message: 5, '@timestamp': {} },
  ];
  for (const obj of objects) {
    for (const format of [
      'auto',
      'windows',
      'cloudtrail',
      'cts',
      'web-access',
      'json',
      'syslog',
    ] satisfies FormatName[]) {
      const e = parseRecord(obj, { receivedAt, format });
      assert.equal(typeof e['@timestamp'], 'string', `${format} ${JSON.stringify(obj)}`);
    }
  }
});

test('a text format given an object parses its message field', () => {
  const e = parseRecord(
    { message: '<13>Feb  5 17:32:18 host app[1]: hi', source: 'fluent' },
    { receivedAt, format: 'syslog' },
  );
  assert.equal(e.parse_error, undefined);
  assert.equal(e.raw?.['source'], 'fluent');
  assert.equal(e.raw?.['app_name'], 'app');
  const none = parseRecord({ x: 1 }, { receivedAt, format: 'kv' });
  assert.equal(none.parse_error, 'kv: expected text, got a JSON object without "message"');
});

test('an object format given text that is not JSON names the format', () => {
  const formatsWithJson: DetectedFormat[] = ['windows', 'cloudtrail', 'cts'];
  for (const format of formatsWithJson) {
    const e = parseRecord('not json', { receivedAt, format });
    assert.match(String(e.parse_error), new RegExp(`^${format}: invalid JSON: `));
    assert.equal(e.message, 'not json');
  }
});

test('plain text lines are kept as message without an error', () => {
  const e = parseRecord('hello world', { receivedAt });
  assert.equal(e.parse_error, undefined);
  assert.equal(e.message, 'hello world');
  assert.equal(e['@timestamp'], '2026-11-23T12:00:00.000Z');
});
