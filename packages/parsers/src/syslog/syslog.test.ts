import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import { parseSyslogHeader } from './syslog-header.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const lines = readFileSync(new URL('../../fixtures/syslog.log', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const parse = (line: string) => parseRecord(line, { receivedAt, format: 'syslog' });

test('RFC 3164 without year: the arrival year, priority split into facility and severity', () => {
  const e = parse(lines[0] ?? '');
  assert.equal(e.parse_error, undefined);
  assert.equal(e['@timestamp'], '2026-10-11T22:14:15.000Z');
  assert.equal(readField(e, 'log.syslog.priority'), 34);
  assert.deepEqual(readField(e, 'log.syslog.facility'), { code: 4, name: 'auth' });
  assert.deepEqual(readField(e, 'log.syslog.severity'), { code: 2, name: 'critical' });
  assert.equal(readField(e, 'host.name'), 'mymachine');
  assert.equal(readField(e, 'process.name'), 'su');
  assert.equal(readField(e, 'process.pid'), undefined);
  assert.equal(e.message, lines[0]);
  assert.equal(e.raw?.['msg'], "'su root' failed for lonvick on /dev/pts/8");
  // su is an auth program: its failure is an authentication event.
  assert.equal(readField(e, 'event.dataset'), 'system.auth');
  assert.equal(readField(e, 'event.outcome'), 'failure');
  assert.equal(readField(e, 'user.name'), 'lonvick');
});

test('RFC 3164 with PID, and with an explicit year', () => {
  const e = parse(lines[1] ?? '');
  assert.equal(readField(e, 'process.name'), 'myproc');
  assert.equal(readField(e, 'process.pid'), 8710);
  assert.equal(readField(e, 'log.syslog.procid'), '8710');
  assert.equal(readField(e, 'host.name'), '10.0.0.99');
  assert.deepEqual(readField(e, 'host.ip'), ['10.0.0.99']);
  assert.deepEqual(readField(e, 'related.ip'), ['10.0.0.99']);
  assert.equal(readField(e, 'event.dataset'), 'syslog');
  assert.equal(e.raw?.['msg'], "%% It's time to make the do-nuts.");
  const withYear = parse(lines[2] ?? '');
  assert.equal(withYear['@timestamp'], '2024-08-24T05:34:00.000Z');
  assert.equal(readField(withYear, 'host.name'), 'edge-fw-1');
  assert.equal(readField(withYear, 'process.name'), 'kernel');
  assert.deepEqual(readField(withYear, 'log.syslog.facility'), { code: 20, name: 'local4' });
});

test('RFC 3164 December line received in January belongs to last year', () => {
  const e = parseRecord('<13>Dec 31 23:59:58 h app: x', { receivedAt: Date.parse('2027-01-01T00:00:05Z') });
  assert.equal(e['@timestamp'], '2026-12-31T23:59:58.000Z');
});

test('RFC 5424 with structured data, MSGID and fractional times with offsets', () => {
  const e = parse(lines[3] ?? '');
  assert.equal(e.parse_error, undefined);
  assert.equal(e['@timestamp'], '2003-10-11T22:14:15.003Z');
  assert.equal(readField(e, 'log.syslog.version'), '1');
  assert.equal(readField(e, 'log.syslog.msgid'), 'ID47');
  assert.equal(readField(e, 'log.syslog.appname'), 'evntslog');
  assert.deepEqual(readField(e, 'log.syslog.structured_data'), {
    'exampleSDID@32473': { iut: '3', eventSource: 'Application', eventID: '1011' },
  });
  assert.equal(e.raw?.['msg'], 'An application event log entry...');
  const offset = parse(lines[4] ?? '');
  assert.equal(offset['@timestamp'], '2003-08-24T12:14:15.000Z');
  assert.equal(readField(offset, 'process.pid'), 8710);
  assert.equal(readField(offset, 'log.syslog.structured_data'), undefined);
});

test('RFC 5424 sshd message is parsed further as Linux auth, SD elements kept', () => {
  const e = parse(lines[5] ?? '');
  assert.equal(readField(e, 'event.dataset'), 'system.auth');
  assert.equal(readField(e, 'event.outcome'), 'failure');
  assert.equal(readField(e, 'user.name'), 'test');
  assert.equal(readField(e, 'source.ip'), '192.0.2.200');
  assert.equal(readField(e, 'source.port'), 60022);
  assert.deepEqual(readField(e, 'log.syslog.structured_data.origin'), {
    ip: '192.0.2.8',
    software: 'rsyslogd',
  });
  assert.equal(e['@timestamp'], '2024-05-02T09:04:59.120Z');
});

test('an auth MSG with leading spaces (rsyslog re-framed 3164 as 5424) is still recognised', () => {
  const e = parse(
    '<38>1 2024-05-02T09:04:59.120Z host1 sshd 4242 - -  Failed password for root from 198.51.100.7 port 51000 ssh2',
  );
  assert.equal(readField(e, 'event.dataset'), 'system.auth');
  assert.equal(readField(e, 'event.outcome'), 'failure');
  assert.equal(readField(e, 'user.name'), 'root');
  assert.equal(readField(e, 'source.ip'), '198.51.100.7');
});

test('SD-PARAM escapes \\" \\\\ \\] are unescaped', () => {
  const h = parseSyslogHeader('<14>1 2024-01-01T00:00:00Z h a - - [x@1 k="a\\"b\\\\c\\]d"] m', receivedAt);
  assert.ok(typeof h !== 'string');
  assert.deepEqual(h.structuredData, { 'x@1': { k: 'a"b\\c]d' } });
  assert.equal(h.msg, 'm');
});

test('malformed syslog keeps the line with a precise error', () => {
  const cases: [string, string][] = [
    ['<999>Oct 11 22:14:15 host app: x', 'syslog: priority 999 out of range 0-191'],
    ['hello world', 'syslog: line starts with neither <PRI> nor a timestamp'],
    [
      '<14>1 2024-01-01T00:00:00Z h a - - [x@1 k="v] m',
      'syslog: unterminated SD-PARAM value in [x@1] at offset 42',
    ],
    ['<14>1 2024-01-01T00:00:00Z h a - - [x@1 k=v] m', 'syslog: malformed SD-PARAM in [x@1] at offset 40'],
    ['<14>1 yesterday h a - - - m', 'syslog: RFC 5424 timestamp "yesterday" is not ISO-8601'],
  ];
  for (const [line, error] of cases) {
    const e = parse(line);
    assert.equal(e.parse_error, error, line);
    assert.equal(e.message, line);
    assert.equal(e['@timestamp'], new Date(receivedAt).toISOString());
  }
});
