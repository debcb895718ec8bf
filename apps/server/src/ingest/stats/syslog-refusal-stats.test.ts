import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { parseMachineToken } from '@vigil/identity';
import { addUser, login } from '../../auth/testing/auth-fixture.ts';
import { ingestFixture } from '../testing/ingest-fixture.ts';
import { createSyslogGate } from '../syslog/syslog-gate.ts';
import { syslogRig } from '../syslog/syslog-test-rig.ts';

test('syslog refusals appear in GET …/sources/stats by listener and reason; listeners route names ports', async () => {
  const f = await ingestFixture({
    env: { VIGIL_SYSLOG_UDP_PORT: '5599', VIGIL_SYSLOG_TCP_ENABLED: 'false' },
  });
  const gate = createSyslogGate({ verifier: f.ingest.verifier, runtime: f.ingest.syslog });
  const routes = await gate({ listener: 'tcp', address: '192.0.2.7' }, [
    { text: '<13>1 2026-01-01T00:00:00Z h app - - - no token here', truncated: false },
    {
      text: '<13>1 2026-01-01T00:00:00Z h app - - [vigil@32473 token="vgi_bogus"] bad token',
      truncated: false,
    },
    { text: '<13>1 2026-01-01T00:00:00Z h app - - - again', truncated: false },
  ]);
  assert.deepEqual(routes, []);
  f.ingest.syslog.listenerBound('udp', 40123);
  f.ingest.listeners.set('udp', true);

  await addUser(f.rt, 'ana', 'Stats-Passw0rd!', [['owner', 'ws-a']]);
  const session = await login(f.app, 'ana', 'Stats-Passw0rd!');
  const res = await f.app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/sources/stats',
    headers: session.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  const refusals = res.json<{ syslogRefusals: { listener: string; reason: string; count: number }[] }>()
    .syslogRefusals;
  assert.deepEqual(
    refusals.map((r) => [r.listener, r.reason, r.count]),
    [
      ['tcp', 'invalid_token', 1],
      ['tcp', 'unauthenticated', 2],
    ],
  );
  const metrics = await f.app.inject({ method: 'GET', url: '/metrics' });
  assert.ok(metrics.body.includes('vigil_syslog_refused_total{listener="tcp",reason="unauthenticated"} 2'));

  const listeners = await f.app.inject({
    method: 'GET',
    url: '/api/v1/workspaces/ws-a/syslog-listeners',
    headers: session.headers,
  });
  assert.equal(listeners.statusCode, 200, listeners.body);
  const body = listeners.json<{ host: string; listeners: Record<string, unknown>[] }>();
  assert.equal(body.host, f.config.ingest.syslog.host ?? f.config.server.host);
  assert.deepEqual(body.listeners[0], { transport: 'udp', enabled: true, port: 40123, up: true });
  assert.deepEqual(body.listeners[1], { transport: 'tcp', enabled: false, port: 5514, up: false });
  const anon = await f.app.inject({ method: 'GET', url: '/api/v1/workspaces/ws-a/syslog-listeners' });
  assert.equal(anon.statusCode, 401);
  await f.close();
});

test('refusals of a revoked token are attributed to its source, in its workspace only; forged ones are not', async () => {
  const rig = await syslogRig();
  try {
    const { a } = rig.fx.tokens;
    const t = rig.listeners.addresses.tcp;
    assert.ok(t);
    const parsed = parseMachineToken(a);
    assert.ok(parsed);
    await rig.fx.rt.stores.machineTokens.revoke(parsed.id, Date.now());
    const forged = `${a.slice(0, -4)}AAAA`;
    await tcp(
      t.port,
      `${a} <13>Jan  1 00:00:00 h app: revoked one\n${a} <13>Jan  1 00:00:00 h app: revoked two\n` +
        `${forged} <13>Jan  1 00:00:00 h app: forged\n`,
    );
    for (let i = 0; i < 50 && (await rig.refused('tcp', 'invalid_token')) < 3; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await rig.refused('tcp', 'invalid_token'), 3);
    await addUser(rig.fx.rt, 'ana', 'Stats-Passw0rd!', [
      ['owner', 'ws-a'],
      ['owner', 'ws-b'],
    ]);
    const session = await login(rig.fx.app, 'ana', 'Stats-Passw0rd!');
    const stats = async (ws: string) => {
      const res = await rig.fx.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${ws}/sources/stats`,
        headers: session.headers,
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ syslogRefusalsBySource: Record<string, unknown>[] }>().syslogRefusalsBySource;
    };
    const mine = await stats('ws-a');
    assert.equal(mine.length, 1);
    assert.deepEqual(
      { ...mine[0], bytes: undefined },
      { source: 'syslog-tcp:shipper', listener: 'tcp', reason: 'invalid_token', count: 2, bytes: undefined },
    );
    assert.ok(Number(mine[0]?.['bytes']) > 0);
    assert.deepEqual(await stats('ws-b'), []);
  } finally {
    await rig.close();
  }
});

function tcp(port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    socket.on('error', reject);
    socket.on('close', () => resolve());
  });
}
