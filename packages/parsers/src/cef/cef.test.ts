import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import { detectFormat } from '../detect/detect-format.ts';
import { parseCefExtension, splitCefHeader } from './cef-escape.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const lines = readFileSync(new URL('../../fixtures/cef.log', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const parse = (i: number) => parseRecord(lines[i] ?? '', { receivedAt });

test('CEF header and extension map to ECS; raw keeps CEF names', () => {
  assert.equal(detectFormat(lines[0] ?? ''), 'cef');
  const e = parse(0);
  assert.equal(e.parse_error, undefined);
  assert.equal(readField(e, 'event.dataset'), 'cef');
  assert.equal(readField(e, 'observer.vendor'), 'Security');
  assert.equal(readField(e, 'observer.product'), 'threatmanager');
  assert.equal(readField(e, 'event.code'), '100');
  assert.equal(readField(e, 'event.severity'), 10);
  assert.equal(readField(e, 'source.ip'), '10.0.0.1');
  assert.equal(readField(e, 'source.port'), 1232);
  assert.equal(readField(e, 'destination.ip'), '2.1.2.2');
  assert.equal(e.raw?.['deviceEventClassId'], '100');
  assert.equal(e.raw?.['spt'], '1232');
});

test('suser, outcome, msg with spaces and rt time', () => {
  const e = parse(1);
  assert.equal(readField(e, 'source.user.name'), 'admin');
  assert.equal(readField(e, 'event.outcome'), 'success');
  assert.equal(readField(e, 'event.reason'), 'User signed in from 2001:db8::5');
  assert.equal(e['@timestamp'], '2024-03-04T10:15:00.000Z');
});

test('escapes: \\= in values, \\\\ and \\| ; numeric proto; act/request/app', () => {
  const e = parse(2);
  assert.equal(readField(e, 'event.action'), 'deny');
  assert.equal(readField(e, 'url.original'), 'https://evil.example/x?a=b');
  assert.equal(readField(e, 'event.reason'), 'file path C:\\temp\\a|b.txt');
  assert.equal(readField(e, 'network.transport'), 'tcp');
  assert.equal(readField(e, 'network.protocol'), 'smb');
  assert.equal(readField(e, 'destination.port'), 445);
  assert.equal(readField(e, 'destination.bytes'), 180);
});

test('CEF inside syslog: header fields from syslog, \\| in the header name', () => {
  assert.equal(detectFormat(lines[3] ?? ''), 'cef');
  const e = parse(3);
  assert.equal(e.parse_error, undefined);
  assert.equal(readField(e, 'host.name'), 'waf01');
  assert.equal(readField(e, 'log.syslog.priority'), 134);
  assert.equal(readField(e, 'event.reason'), 'SQL Injection | Union');
  assert.equal(readField(e, 'http.request.method'), 'POST');
  assert.equal(readField(e, 'user_agent.original'), 'Mozilla/5.0 (X11; Linux x86_64)');
  assert.equal(readField(e, 'destination.user.name'), 'svc_web');
  assert.equal(e.raw?.['cs1'], 'Default SQLi');
  assert.equal(e.raw?.['cs1Label'], 'Policy');
  assert.equal(readField(e, 'event.dataset'), 'cef');
});

test('escape helpers', () => {
  assert.deepEqual(splitCefHeader('a\\|b|c\\\\|d|rest', 3), { fields: ['a|b', 'c\\', 'd'], rest: 'rest' });
  assert.deepEqual(parseCefExtension('k1=a b c k2=x\\=y k3=\\\\n'), { k1: 'a b c', k2: 'x=y', k3: '\\n' });
});

test('malformed CEF is kept with the failing part named', () => {
  const short = parseRecord('CEF:0|Vendor|Product|1.0|100', { receivedAt, format: 'cef' });
  assert.equal(short.parse_error, 'cef: header has 5 of 7 fields');
  assert.equal(short.message, 'CEF:0|Vendor|Product|1.0|100');
  const none = parseRecord('no marker here', { receivedAt, format: 'cef' });
  assert.equal(none.parse_error, 'cef: no "CEF:" marker in the line');
  const inSyslog = parseRecord('<134>Mar  4 10:16:00 waf01 CEF:0|a|b', { receivedAt, format: 'cef' });
  assert.equal(inSyslog.parse_error, 'cef: header has 3 of 7 fields');
  assert.equal(readField(inSyslog, 'host.name'), 'waf01');
});
