import assert from 'node:assert/strict';
import { test } from 'node:test';
import { senderHost, syslogExamples } from './syslog-examples.ts';

const listeners = (host: string, tlsClientCertificates: boolean) => ({
  host,
  clientCertificates: tlsClientCertificates,
  listeners: [
    { transport: 'udp' as const, enabled: true, port: 40001, up: true },
    { transport: 'tcp' as const, enabled: true, port: 40002, up: true },
    { transport: 'tls' as const, enabled: false, port: 6514, up: false },
  ],
});

test('a wildcard bind address becomes the host the browser used; IPv6 gets brackets', () => {
  assert.equal(senderHost('0.0.0.0', 'siem.example.org'), 'siem.example.org');
  assert.equal(senderHost('::', 'siem.example.org'), 'siem.example.org');
  assert.equal(senderHost('10.1.2.3', 'siem.example.org'), '10.1.2.3');
  assert.equal(senderHost('fd00::5', 'x'), '[fd00::5]');
});

test('examples use the listener ports and host, and only the enabled listeners', () => {
  const examples = syslogExamples(listeners('0.0.0.0', false), 'siem.example.org');
  assert.deepEqual(
    examples.map((e) => e.id),
    ['logger-udp', 'logger-tcp', 'rsyslog-tcp'],
  );
  const udp = examples[0]?.text ?? '';
  assert.match(udp, /--server siem\.example\.org --port 40001 --udp --rfc5424/);
  assert.match(udp, /--sd-id vigil@32473 --sd-param 'token="vigil_it_…"'/);
  assert.match(examples[1]?.text ?? '', /--port 40002 --tcp --octet-count/);
  assert.match(examples[2]?.text ?? '', /target="siem\.example\.org" port="40002" protocol="tcp"/);
});

test('the TLS example appears only when the TLS listener takes client certificates', () => {
  const info = listeners('fd00::5', true);
  const on = { ...info, listeners: info.listeners.map((l) => ({ ...l, enabled: true })) };
  const tls = syslogExamples(on, 'x').find((e) => e.id === 'rsyslog-tls');
  assert.match(tls?.text ?? '', /target="fd00::5" port="6514"/);
  assert.equal(
    syslogExamples({ ...on, clientCertificates: false }, 'x').some((e) => e.id === 'rsyslog-tls'),
    false,
  );
  assert.deepEqual(syslogExamples({ ...on, listeners: [] }, 'x'), []);
});
