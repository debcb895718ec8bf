import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { addUser, login } from '../../auth/testing/auth-fixture.ts';
import { makeTestPki, type TestCert } from './make-test-pki.ts';
import { syslogRig } from './syslog-test-rig.ts';

const PASSWORD = 'Syslog-Sources-1!';

/** Sends one octet-counted message over TLS with a client certificate; resolves how the connection ended. */
async function send(port: number, client: TestCert | undefined, message: string): Promise<'sent' | 'closed'> {
  const socket = connect({
    port,
    host: '127.0.0.1',
    rejectUnauthorized: false,
    ...(client ? { cert: readFileSync(client.cert), key: readFileSync(client.key) } : {}),
  });
  socket.on('error', () => {});
  await new Promise<void>((r) => socket.once('secureConnect', () => r()));
  const closed = new Promise<'closed'>((r) => socket.once('close', () => r('closed')));
  // TLS 1.3: the server checks the client certificate after the handshake; give it a moment.
  const verdict = await Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 300))]);
  if (verdict === 'closed') return 'closed';
  await new Promise<void>((r) => socket.end(`${Buffer.byteLength(message)} ${message}`, () => r()));
  await closed;
  return 'sent';
}

test('TLS client certificates: pinned and CA-issued certificates authenticate their source, unknown ones are refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-mtls-'));
  const pki = makeTestPki(dir);
  const rig = await syslogRig({
    VIGIL_SYSLOG_UDP_ENABLED: 'false',
    VIGIL_SYSLOG_TCP_ENABLED: 'false',
    VIGIL_SYSLOG_TLS_CERT_FILE: pki.server.cert,
    VIGIL_SYSLOG_TLS_KEY_FILE: pki.server.key,
  });
  const { app, rt } = rig.fx;
  try {
    await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
    const session = await login(app, 'owner', PASSWORD);
    const api = (method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1/workspaces/ws-a/syslog-sources${path}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
    const pinnedFp = new X509Certificate(pki.pinned.pem).fingerprint256;
    const pinned = await api('POST', '', { name: 'pinned', certificateSha256: pinnedFp });
    assert.equal(pinned.statusCode, 201, pinned.body);
    assert.equal(pinned.json<{ source: string }>().source, 'syslog-tls:pinned');
    const fleet = await api('POST', '', { name: 'fleet', caCertificate: pki.ca.pem });
    assert.equal(fleet.statusCode, 201, fleet.body);
    assert.equal(fleet.json<{ match: string }>().match, 'issuer');

    const tls = rig.listeners.addresses.tls;
    assert.ok(tls);
    const m = (text: string) => `<14>1 2026-01-01T00:00:00Z host app - - - ${text}`;
    assert.equal(await send(tls.port, pki.pinned, m('from pinned')), 'sent');
    assert.equal(await send(tls.port, pki.issued, m('from fleet')), 'sent');
    assert.equal(await send(tls.port, pki.stranger, m('from stranger')), 'closed');
    // Without a certificate, each message needs a token; this one has none.
    assert.equal(await send(tls.port, undefined, m('no certificate, no token')), 'sent');

    const events = await rig.events('ws-a', 2);
    assert.deepEqual(events.map((e) => [e.vigil.source, String(e.message).split(' - - - ')[1]]).sort(), [
      ['syslog-tls:fleet', 'from fleet'],
      ['syslog-tls:pinned', 'from pinned'],
    ]);
    assert.equal(await rig.refused('tls', 'unknown_certificate'), 1);
    assert.equal(await rig.refused('tls', 'unauthenticated'), 1);

    // Removing a source refuses its certificate from the next connection on.
    const id = pinned.json<{ id: string }>().id;
    assert.equal((await api('DELETE', `/${id}`)).statusCode, 204);
    assert.equal(await send(tls.port, pki.pinned, m('after removal')), 'closed');
    assert.equal(await rig.refused('tls', 'unknown_certificate'), 2);
    const list = await api('GET', '');
    assert.deepEqual(
      list.json<{ sources: { name: string }[] }>().sources.map((s) => s.name),
      ['fleet'],
    );
    const audit = await rt.stores.audit.find({ limit: 1000 });
    const mine = audit
      .filter((r) => r.resource === `syslog_source:${id}`)
      .map((r) => [r.event_type, r.user_id]);
    assert.deepEqual(mine, [
      ['syslog_source.created', 'u-owner'],
      ['syslog_source.deleted', 'u-owner'],
    ]);
  } finally {
    await rig.close();
  }
});

test('the syslog sources API names the field and the reason of bad input, and writes nothing then', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-mtls-'));
  const pki = makeTestPki(dir);
  const rig = await syslogRig({
    VIGIL_SYSLOG_UDP_ENABLED: 'false',
    VIGIL_SYSLOG_TCP_ENABLED: 'false',
    VIGIL_SYSLOG_TLS_ENABLED: 'false',
  });
  const { app, rt } = rig.fx;
  try {
    await addUser(rt, 'owner', PASSWORD, [['owner', 'ws-a']]);
    await addUser(rt, 'other', PASSWORD, [['owner', 'ws-b']]);
    const session = await login(app, 'owner', PASSWORD);
    const post = async (payload: object, ws = 'ws-a', headers = session.headers) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${ws}/syslog-sources`,
        headers,
        payload,
      });
      return {
        status: res.statusCode,
        body: res.json<{ error?: { code: string; details?: { field?: string } } }>(),
      };
    };
    const fp = new X509Certificate(pki.pinned.pem).fingerprint256;
    const field = (r: Awaited<ReturnType<typeof post>>) => r.body.error?.details?.field;
    const neither = await post({ name: 'x' });
    assert.equal(neither.status, 400);
    assert.equal(field(neither), 'certificateSha256');
    const both = await post({ name: 'x', certificateSha256: fp, caCertificate: pki.ca.pem });
    assert.equal(both.status, 400);
    const notPem = await post({ name: 'x', caCertificate: 'hello' });
    assert.equal(notPem.status, 400);
    assert.equal(field(notPem), 'caCertificate');
    const notCa = await post({ name: 'x', caCertificate: pki.issued.pem });
    assert.equal(notCa.status, 400);
    assert.equal(field(notCa), 'caCertificate');
    const badFp = await post({ name: 'x', certificateSha256: 'abc' });
    assert.equal(badFp.status, 400);
    const badSpace = await post({ name: 'x', certificateSha256: fp, dataSpace: 'nope' });
    assert.equal(badSpace.status, 400);
    assert.equal(field(badSpace), 'dataSpace');
    assert.equal((await post({ name: 'x', certificateSha256: fp })).status, 201);
    // The same certificate cannot authenticate a second source, in this workspace or another.
    const again = await post({ name: 'y', certificateSha256: fp.replaceAll(':', '').toLowerCase() });
    assert.equal(again.status, 409);
    const otherSession = await login(app, 'other', PASSWORD);
    assert.equal(
      (await post({ name: 'z', certificateSha256: fp }, 'ws-b', otherSession.headers)).status,
      409,
    );
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/workspaces/ws-a/syslog-sources',
      headers: session.headers,
    });
    assert.equal(list.json<{ sources: unknown[] }>().sources.length, 1);
    // Another workspace's owner sees none of them.
    const foreign = await app.inject({
      method: 'GET',
      url: '/api/v1/workspaces/ws-a/syslog-sources',
      headers: otherSession.headers,
    });
    assert.equal(foreign.statusCode, 403);
  } finally {
    await rig.close();
  }
});
