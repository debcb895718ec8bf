import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { createAuditdCoalescer } from './auditd-coalescer.ts';
import { parseRecords } from '../parse-records.ts';
import { parseRecord } from '../parse-record.ts';
import { readField } from '../ecs/set-field.ts';
import type { ParsedEvent } from '../parsed-event.ts';

const receivedAt = Date.parse('2026-11-23T12:00:00Z');
const dir = sharedData('logs', 'linux', 'auditd');

/** The go-libaudit test files are YAML maps of raw record blocks; the records are the `type=` lines. */
function recordLines(file: string): string[] {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('type='));
}

function coalesce(lines: string[]): ParsedEvent[] {
  const c = createAuditdCoalescer();
  return [...lines.flatMap((l) => c.push(l, receivedAt)), ...c.flush()];
}

test('every go-libaudit sample coalesces into one event per serial, without errors', () => {
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const lines = recordLines(file);
    const serials = new Set(lines.map((l) => /msg=audit\([\d.]+:(\d+)\)/.exec(l)?.[1]));
    const events = coalesce(lines);
    assert.equal(events.length, serials.size, file);
    for (const e of events) {
      assert.equal(e.parse_error, undefined);
      assert.equal(readField(e, 'event.dataset'), 'auditd');
      assert.ok(Array.isArray(e.raw?.['records']));
    }
  }
});

test('SYSCALL+EXECVE+CWD+PATH+PROCTITLE → one process event with args and decoded proctitle', () => {
  const events = coalesce(recordLines('ubuntu-16.10-linux-4.8.0.yaml'));
  const e = events.find((x) => readField(x, 'event.sequence') === 8972);
  assert.ok(e);
  assert.equal(readField(e, 'event.action'), 'execve');
  assert.deepEqual(readField(e, 'event.category'), ['process']);
  assert.deepEqual(readField(e, 'process.args'), ['uname', '-a']);
  assert.equal(readField(e, 'process.title'), 'uname -a');
  assert.equal(readField(e, 'process.executable'), '/bin/uname');
  assert.equal(readField(e, 'process.working_directory'), '/home/andrew_kroh');
  assert.equal(readField(e, 'process.pid'), 10043);
  assert.equal(readField(e, 'user.audit.id'), '1001');
  assert.equal(readField(e, 'event.outcome'), 'success');
  assert.equal(e['@timestamp'], '2017-04-21T05:28:42.985Z');
  assert.equal(e.raw?.['type'], 'SYSCALL');
  assert.deepEqual(e.raw?.['record_types'], ['SYSCALL', 'EXECVE', 'CWD', 'PATH', 'PROCTITLE']);
});

test('user-space USER_LOGIN failure: acct, addr, exe from the msg payload', () => {
  const events = coalesce(recordLines('rhel-7-linux-3.10.0.yaml'));
  const e = events.find((x) => readField(x, 'event.sequence') === 42120);
  assert.ok(e);
  assert.deepEqual(readField(e, 'event.category'), ['authentication']);
  assert.equal(readField(e, 'event.outcome'), 'failure');
  assert.equal(readField(e, 'user.name'), 'root');
  assert.equal(readField(e, 'source.ip'), '46.160.144.250');
  assert.equal(readField(e, 'process.executable'), '/usr/sbin/sshd');
});

test('hex-encoded key with 0x01 separators and enriched fields', () => {
  const docker = coalesce(recordLines('ubuntu-17.04-linux-4.10.0.yaml')).find(
    (x) => readField(x, 'event.sequence') === 124507,
  );
  assert.ok(docker);
  assert.deepEqual(readField(docker, 'tags'), ['exec', '64bit']);
  const chrony = coalesce(recordLines('ubuntu-21.10-linux-5.13.yaml'))[1];
  assert.ok(chrony);
  assert.equal(readField(chrony, 'user.name'), '_chrony');
  assert.equal(readField(chrony, 'auditd.syscall'), 'clock_adjtime');
});

test('enriched records: interpreted fields after the 0x1D separator', () => {
  const line =
    'type=SYSCALL msg=audit(1643150881.711:884): arch=c000003e syscall=305 success=yes pid=20294 uid=112 ' +
    'comm="chronyd" exe="/usr/sbin/chronyd" key=(null)\u001dARCH=x86_64 SYSCALL=clock_adjtime AUID="unset" UID="_chrony"';
  const e = parseRecord(line, { receivedAt, format: 'auditd' });
  assert.equal(e.parse_error, undefined);
  assert.equal(readField(e, 'user.name'), '_chrony');
  assert.equal(readField(e, 'auditd.syscall'), 'clock_adjtime');
  assert.equal(readField(e, 'auditd.key'), undefined);
  assert.equal(readField(e, 'user.audit.name'), undefined);
});

test('interleaved serials are grouped; EOE closes a group at once', () => {
  const c = createAuditdCoalescer();
  const out: ParsedEvent[] = [];
  out.push(
    ...c.push(
      'type=SYSCALL msg=audit(1700000000.100:10): syscall=59 success=yes pid=1 exe="/bin/a"',
      receivedAt,
    ),
  );
  out.push(
    ...c.push(
      'type=SYSCALL msg=audit(1700000000.101:11): syscall=59 success=no pid=2 exe="/bin/b"',
      receivedAt,
    ),
  );
  out.push(...c.push('type=CWD msg=audit(1700000000.100:10): cwd="/tmp"', receivedAt));
  out.push(...c.push('type=EOE msg=audit(1700000000.100:10): ', receivedAt));
  assert.equal(out.length, 1);
  assert.equal(readField(out[0], 'process.working_directory'), '/tmp');
  assert.equal(c.pending(), 1);
  // A record far later in audit time ages out the open group.
  out.push(
    ...c.push(
      'type=USER_LOGIN msg=audit(1700000100.000:12): pid=3 uid=0 msg=\'op=login acct="x" res=success\'',
      receivedAt,
    ),
  );
  assert.equal(out.length, 3);
  assert.equal(readField(out[1], 'event.outcome'), 'success');
  assert.equal(readField(out[2], 'process.executable'), '/bin/b');
  assert.deepEqual(c.flush(), []);
});

test('parseRecords coalesces an auditd text; a malformed line is kept with an error', () => {
  const text = recordLines('ubuntu-16.04-linux-4.13.0.yaml').join('\n');
  assert.equal(parseRecords(text, { receivedAt }).length, 2);
  const bad = parseRecord('type=SYSCALL msg=audit(abc): x=1', { receivedAt, format: 'auditd' });
  assert.equal(bad.parse_error, 'auditd: missing "type=… msg=audit(<time>:<serial>):" header');
  assert.equal(bad.message, 'type=SYSCALL msg=audit(abc): x=1');
  const c = createAuditdCoalescer();
  assert.equal(
    c.push('garbage', receivedAt)[0]?.parse_error,
    'auditd: missing "type=… msg=audit(<time>:<serial>):" header',
  );
});
