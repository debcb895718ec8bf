import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecords } from '../parse-records.ts';
import { parseRecord } from '../parse-record.ts';
import { detectFormat } from '../detect/detect-format.ts';
import { readField } from '../ecs/set-field.ts';
import type { ParsedEvent } from '../parsed-event.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const text = readFileSync(new URL('../../fixtures/auth.log', import.meta.url), 'utf8');
const events = parseRecords(text, { receivedAt });
const at = (i: number): ParsedEvent => {
  const e = events[i];
  assert.ok(e, `event ${i}`);
  return e;
};
const f = (i: number, path: string): unknown => readField(at(i), path);

test('auth.log lines are detected as linux-auth and all parse into system.auth', () => {
  assert.equal(detectFormat(text.split('\n')[0] ?? ''), 'linux-auth');
  assert.equal(events.length, 13);
  for (const e of events) {
    assert.equal(e.parse_error, undefined);
    assert.equal(readField(e, 'event.dataset'), 'system.auth');
    assert.equal(readField(e, 'event.module'), 'system');
    assert.equal(readField(e, 'host.name'), 'bastion');
    assert.ok(readField(e, 'event.action'), String(e.message));
  }
});

test('sshd accepted / failed / invalid user', () => {
  assert.deepEqual(f(0, 'event.category'), ['authentication', 'session']);
  assert.equal(f(0, 'event.outcome'), 'success');
  assert.equal(f(0, 'user.name'), 'deploy');
  assert.equal(f(0, 'source.ip'), '198.51.100.23');
  assert.equal(f(0, 'source.port'), 53122);
  assert.equal(f(0, 'process.name'), 'sshd');
  assert.equal(f(0, 'process.pid'), 20311);
  assert.equal(f(0, 'system.auth.ssh.method'), 'publickey');
  assert.equal(
    f(0, 'system.auth.ssh.signature'),
    'ED25519 SHA256:Yc6Y3vQm0p2bq1m0G0m3VfXbq9oKX3d0W8w4bG3a2tE',
  );
  assert.equal(at(0)['@timestamp'], '2026-03-03T09:14:02.000Z');
  assert.equal(f(1, 'event.outcome'), 'failure');
  assert.equal(f(1, 'user.name'), 'root');
  assert.equal(f(1, 'source.ip'), '203.0.113.77');
  assert.equal(f(2, 'user.name'), 'oracle');
  assert.equal(f(2, 'system.auth.ssh.invalid_user'), true);
  assert.equal(f(3, 'event.action'), 'ssh_invalid_user');
  assert.equal(f(3, 'user.name'), 'admin');
  assert.equal(f(3, 'source.port'), 41936);
  assert.deepEqual(f(3, 'related.ip'), ['203.0.113.77']);
});

test('pam session and authentication failure', () => {
  assert.deepEqual(f(4, 'event.category'), ['session']);
  assert.deepEqual(f(4, 'event.type'), ['start']);
  assert.equal(f(4, 'user.name'), 'deploy');
  assert.equal(f(4, 'system.auth.pam.service'), 'sshd');
  assert.equal(f(11, 'event.outcome'), 'failure');
  assert.equal(f(11, 'user.name'), 'root');
  assert.equal(f(11, 'source.ip'), '203.0.113.77');
});

test('sudo command and sudo denial', () => {
  assert.equal(f(5, 'event.action'), 'sudo_command');
  assert.equal(f(5, 'event.outcome'), 'success');
  assert.equal(f(5, 'user.name'), 'deploy');
  assert.equal(f(5, 'user.effective.name'), 'root');
  assert.equal(f(5, 'process.command_line'), '/usr/bin/systemctl restart nginx');
  assert.equal(f(5, 'process.working_directory'), '/home/deploy');
  assert.equal(f(6, 'event.outcome'), 'failure');
  assert.equal(f(6, 'user.name'), 'guest');
  assert.equal(f(6, 'event.reason'), 'user NOT in sudoers');
});

test('su success and failure', () => {
  assert.equal(f(7, 'event.outcome'), 'success');
  assert.equal(f(7, 'user.name'), 'deploy');
  assert.equal(f(7, 'user.effective.name'), 'root');
  assert.equal(f(8, 'event.outcome'), 'failure');
  assert.equal(f(8, 'user.name'), 'guest');
});

test('useradd / userdel are iam events', () => {
  assert.deepEqual(f(9, 'event.category'), ['iam']);
  assert.deepEqual(f(9, 'event.type'), ['user', 'creation']);
  assert.equal(f(9, 'user.name'), 'backup2');
  assert.equal(f(9, 'user.id'), '1005');
  assert.equal(f(9, 'group.id'), '1005');
  assert.deepEqual(f(10, 'event.type'), ['user', 'deletion']);
  assert.equal(f(10, 'user.name'), 'backup2');
  assert.equal(f(12, 'event.action'), 'ssh_logout');
});

test('a bare auth message without syslog header still parses; an unknown one is an error', () => {
  const bare = parseRecord('Failed password for root from 192.0.2.1 port 22 ssh2', {
    receivedAt,
    format: 'linux-auth',
  });
  assert.equal(bare.parse_error, undefined);
  assert.equal(readField(bare, 'event.outcome'), 'failure');
  const bad = parseRecord('something else entirely', { receivedAt, format: 'linux-auth' });
  assert.equal(
    bad.parse_error,
    'linux-auth: line starts with neither <PRI> nor a timestamp and no known auth message matched',
  );
  assert.equal(bad.message, 'something else entirely');
});
