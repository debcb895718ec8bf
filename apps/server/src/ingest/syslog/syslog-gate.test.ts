import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userError } from '@vigil/core';
import { MemoryIngestTokenVerifier } from '@vigil/ingest';
import { createSyslogGate, parseCidrs } from './syslog-gate.ts';
import { SyslogRuntime } from './syslog-runtime.ts';

const verifier = new MemoryIngestTokenVerifier().add('vigil_it_good', {
  workspace: 'ws-a',
  dataSpace: 'net',
  tokenId: '1',
  name: 'fw',
});
const frame = (text: string, truncated = false) => ({ text, truncated });

test('routes each message by its own credential and counts the refused ones by reason', async () => {
  const runtime = new SyslogRuntime();
  const gate = createSyslogGate({
    verifier,
    runtime,
    unauthenticated: { workspace: 'legacy', dataSpace: 'default', peers: parseCidrs('10.1.0.0/16, ::1/128') },
  });
  const certified = { workspace: 'ws-c', dataSpace: 'default', source: 'syslog-tls:relay' };
  const badToken = 'vigil_it_bad <13>Jan  1 00:00:00 h a: bad token ü';
  const routes = await gate({ listener: 'tls', address: '::ffff:10.1.2.3', source: certified }, [
    frame('vigil_it_good <13>Jan  1 00:00:00 h a: token wins', true),
    frame('<13>Jan  1 00:00:00 h a: certificate'),
    frame(badToken),
  ]);
  assert.deepEqual(routes, [
    {
      source: { workspace: 'ws-a', dataSpace: 'net', source: 'syslog-tls:fw' },
      frames: [frame('<13>Jan  1 00:00:00 h a: token wins', true)],
    },
    { source: certified, frames: [frame('<13>Jan  1 00:00:00 h a: certificate')] },
  ]);
  // Legacy mode: allowed peers (IPv4-mapped or not) only.
  const legacy = await gate({ listener: 'udp', address: '::ffff:10.1.9.9' }, [frame('<13>x')]);
  assert.deepEqual(legacy[0]?.source, { workspace: 'legacy', dataSpace: 'default', source: 'syslog-udp' });
  assert.deepEqual(await gate({ listener: 'udp', address: '10.2.0.1' }, [frame('<13>y')]), []);
  assert.deepEqual(await gate({ listener: 'udp', address: '::1' }, [frame('<13>z')]), [
    { source: { workspace: 'legacy', dataSpace: 'default', source: 'syslog-udp' }, frames: [frame('<13>z')] },
  ]);
  assert.deepEqual(
    runtime.refusals().sort((a, b) => a.reason.localeCompare(b.reason)),
    [
      { listener: 'tls', reason: 'invalid_token', count: 1, bytes: Buffer.byteLength(badToken) },
      { listener: 'udp', reason: 'unauthenticated', count: 1, bytes: 5 },
    ],
  );
});

test('without legacy mode nothing unauthenticated passes, whatever the peer', async () => {
  const runtime = new SyslogRuntime();
  const gate = createSyslogGate({ verifier, runtime });
  assert.deepEqual(
    await gate({ listener: 'tcp', address: '127.0.0.1' }, [frame('<13>a'), frame('<13>b')]),
    [],
  );
  assert.equal(runtime.refusals()[0]?.count, 2);
});

test('CIDR lists are validated entry by entry', () => {
  assert.ok(parseCidrs('127.0.0.0/8,::1/128').check('127.0.0.5', 'ipv4'));
  for (const bad of ['10.0.0.0/33', 'fe80::/129', 'host/8', '10.0.0.0']) {
    assert.throws(() => parseCidrs(bad), new RegExp(bad.replace(/[./]/g, '\\$&')));
  }
});

test('a token of an archived workspace, or a verifier failure, refuses the message with its reason', async () => {
  const runtime = new SyslogRuntime();
  const gate = createSyslogGate({
    runtime,
    verifier: {
      verify: (token) =>
        Promise.reject(
          token === 'vigil_it_archived'
            ? userError('WORKSPACE_ARCHIVED', 'archived', { status: 409 })
            : new Error('store down'),
        ),
    },
  });
  const routes = await gate({ listener: 'tcp', address: '127.0.0.1' }, [
    frame('vigil_it_archived <13>a'),
    frame('vigil_it_other <13>b'),
  ]);
  assert.deepEqual(routes, []);
  assert.deepEqual(
    runtime
      .refusals()
      .map((r) => [r.reason, r.count])
      .sort(),
    [
      ['verify_failed', 1],
      ['workspace_not_writable', 1],
    ],
  );
});
