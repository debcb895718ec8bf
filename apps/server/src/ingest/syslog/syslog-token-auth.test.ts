import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { parseMachineToken } from '@vigil/identity';
import { syslogRig } from './syslog-test-rig.ts';

const hasLogger = spawnSync('logger', ['--help'], { stdio: 'ignore' }).status === 0;

function logger(args: string[]): number | null {
  return spawnSync('logger', ['--server', '127.0.0.1', ...args], { stdio: 'ignore' }).status;
}

async function udp(port: number, text: string): Promise<void> {
  const client = createSocket('udp4');
  await new Promise<void>((r) => client.send(text, port, '127.0.0.1', () => r()));
  client.close();
}

async function tcp(port: number, payload: string): Promise<void> {
  const sock = connect(port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  await new Promise<void>((r) => sock.end(payload, () => r()));
}

test(
  'syslog authenticated by an ingest token in the message: real logger (RFC 5424 --sd-id) over UDP and TCP, and a token prefix',
  { skip: hasLogger ? false : 'logger (bsdutils) is not installed' },
  async () => {
    const rig = await syslogRig();
    const { a, b } = rig.fx.tokens;
    try {
      const { udp: u, tcp: t } = rig.listeners.addresses;
      assert.ok(u && t);
      const sd = (token: string) => ['--sd-id', 'vigil@32473', '--sd-param', `token="${token}"`];
      assert.equal(
        logger(['--port', String(u.port), '--udp', '--rfc5424', ...sd(a), '-t', 'lg', 'tok udp']),
        0,
      );
      assert.equal(
        logger([
          '--port',
          String(t.port),
          '--tcp',
          '--rfc5424',
          '--octet-count',
          ...sd(a),
          '-t',
          'lg',
          'tok tcp',
        ]),
        0,
      );
      assert.equal(
        logger(['--port', String(t.port), '--tcp', '--rfc5424', ...sd(b), '-t', 'lg', 'tok other ws']),
        0,
      );
      // RFC 3164 senders put the token before the PRI (e.g. an rsyslog string template).
      await tcp(t.port, `${a} <38>Jan  5 10:00:00 web1 sshd[42]: prefix 3164\n`);

      const events = await rig.events('ws-a', 3);
      const by = (text: string) => events.find((e) => String(e.message).includes(text));
      assert.equal(events.length, 3, JSON.stringify(events.map((e) => e.message)));
      assert.equal(by('tok udp')?.vigil.source, 'syslog-udp:shipper');
      assert.equal(by('tok tcp')?.vigil.source, 'syslog-tcp:shipper');
      assert.equal(by('prefix 3164')?.vigil.source, 'syslog-tcp:shipper');
      assert.equal((by('prefix 3164')?.['host'] as { name?: string }).name, 'web1');
      for (const e of events) assert.equal(e.vigil.parse_error, undefined);
      // The other token's message went to its own workspace, nowhere else.
      const other = await rig.events('ws-b', 1);
      assert.deepEqual(
        other.map((e) => [e.vigil.source, String(e.message).endsWith('tok other ws')]),
        [['syslog-tcp:other', true]],
      );
      // Structured data other than the token element is kept.
      assert.match(String(by('tok udp')?.message), /\[timeQuality /);
      // Per-source counters.
      const row = rig.fx.ingest.stats.snapshot('ws-a').find((r) => r.source === 'syslog-tcp:shipper');
      assert.equal(row?.received, 2);
      assert.ok((row?.bytes ?? 0) > 0);
      // The token is stored nowhere and logged nowhere.
      const stored = JSON.stringify([...events, ...other]);
      assert.ok(!stored.includes(a) && !stored.includes(b), 'no token in stored events');
      assert.ok(!stored.includes('vigil@32473'), 'the token element is removed');
      assert.ok(!rig.logs.join('').includes(a), 'no token in the logs');
    } finally {
      await rig.close();
    }
  },
);

test('missing, invalid and revoked tokens are refused and counted; nothing is stored or logged', async () => {
  const rig = await syslogRig();
  const { a } = rig.fx.tokens;
  try {
    const { udp: u, tcp: t } = rig.listeners.addresses;
    assert.ok(u && t);
    const forged = `${a.slice(0, -4)}AAAA`;
    await udp(u.port, '<13>1 2026-01-01T00:00:00Z h app - - - no token at all');
    await udp(u.port, `<13>1 2026-01-01T00:00:00Z h app - - [vigil@32473 token="${forged}"] forged`);
    await tcp(t.port, '<13>Jan  1 00:00:00 h app: no token over tcp\n');
    await tcp(t.port, `${forged} <13>Jan  1 00:00:00 h app: forged prefix\n`);
    // A valid token in the same batch still gets through (refusal is per message).
    await tcp(
      t.port,
      `<13>Jan  1 00:00:00 h app: unauthenticated line\n${a} <13>Jan  1 00:00:00 h app: good line\n`,
    );
    const events = await rig.events('ws-a', 1);
    assert.deepEqual(
      events.map((e) => e.message),
      ['<13>Jan  1 00:00:00 h app: good line'],
    );
    const parsed = parseMachineToken(a);
    assert.ok(parsed);
    await rig.fx.rt.stores.machineTokens.revoke(parsed.id, Date.now());
    await udp(u.port, `<13>1 2026-01-01T00:00:00Z h app - - [vigil@32473 token="${a}"] after revocation`);
    await tcp(t.port, `${a} <13>Jan  1 00:00:00 h app: after revocation tcp\n`);
    for (let i = 0; i < 50 && (await rig.refused('tcp', 'invalid_token')) < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal((await rig.events('ws-a', 1)).length, 1, 'nothing more stored');
    assert.equal(await rig.refused('udp', 'unauthenticated'), 1);
    assert.equal(await rig.refused('udp', 'invalid_token'), 2);
    assert.equal(await rig.refused('tcp', 'unauthenticated'), 2);
    assert.equal(await rig.refused('tcp', 'invalid_token'), 2);
    const logs = rig.logs.join('');
    assert.ok(!logs.includes(a) && !logs.includes(forged), 'no token in the logs');
  } finally {
    await rig.close();
  }
});

test('allowUnauthenticated routes token-less messages from allowed peers to the configured default only', async () => {
  const rig = await syslogRig({
    VIGIL_SYSLOG_ALLOW_UNAUTHENTICATED: 'true',
    VIGIL_SYSLOG_WORKSPACE: 'legacy',
    VIGIL_SYSLOG_UNAUTHENTICATED_CIDRS: '10.0.0.0/8',
  });
  try {
    const { udp: u } = rig.listeners.addresses;
    assert.ok(u);
    // 127.0.0.1 is not in 10.0.0.0/8: refused.
    await udp(u.port, '<13>1 2026-01-01T00:00:00Z h app - - - not an allowed peer');
    for (let i = 0; i < 50 && (await rig.refused('udp', 'unauthenticated')) < 1; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await rig.refused('udp', 'unauthenticated'), 1);
    assert.equal((await rig.fx.stored('legacy')).length, 0);
  } finally {
    await rig.close();
  }
  const open = await syslogRig({
    VIGIL_SYSLOG_ALLOW_UNAUTHENTICATED: 'true',
    VIGIL_SYSLOG_WORKSPACE: 'legacy',
  });
  try {
    const { udp: u } = open.listeners.addresses;
    assert.ok(u);
    await udp(u.port, '<13>1 2026-01-01T00:00:00Z h app - - - loopback is allowed by default');
    // A bad token is still refused: it never falls back to the default.
    await udp(u.port, '<13>1 2026-01-01T00:00:00Z h app - - [vigil@32473 token="vigil_it_x"] bad token');
    const events = await open.events('legacy', 1);
    assert.deepEqual(
      events.map((e) => [e.vigil.source, e.vigil.data_space]),
      [['syslog-udp', 'default']],
    );
    assert.equal(await open.refused('udp', 'invalid_token'), 1);
  } finally {
    await open.close();
  }
});
