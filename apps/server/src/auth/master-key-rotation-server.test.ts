// Key rotation against a running `vigil serve` (in-process startServer on a real data dir): rotate as
// `vigil keys rotate` does from another process, and TOTP sign-in and attachment download keep working
// without a restart; then retire the previous key and they still work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '@vigil/core';
import { loadConfig } from '@vigil/config';
import { SecretBox, base32Decode, hotp, totpStep } from '@vigil/identity';
import { registerTestSecret } from '@vigil/testkit';
import { openCasesStores } from '../alerts/open-cases-stores.ts';
import { createLogger } from '../logging/create-logger.ts';
import { startServer } from '../start-server.ts';
import { loadMasterKeyring, masterKeyFilePath, writeMasterKeyFile } from './master-key-source.ts';
import { rewrapStoredSecrets, rotatedKeyring } from './rotate-master-key.ts';
import { sealedValueOwners } from './sealed-value-owners.ts';
import { withIdentityStores } from './with-identity.ts';

const PASSWORD = 'Rotation-Owner-Pass-7';
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

test('a running server keeps TOTP sign-in and attachment downloads working through rotate and retire-previous', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-rotation-server-'));
  dirs.push(dataDir);
  const config = loadConfig({
    env: {
      VIGIL_DATA_DIR: dataDir,
      VIGIL_PORT: '0',
      VIGIL_SYSLOG_UDP_ENABLED: 'false',
      VIGIL_SYSLOG_TCP_ENABLED: 'false',
      VIGIL_SYSLOG_TLS_ENABLED: 'false',
    },
  });
  const server = await startServer(config, { logger: quiet });
  try {
    const call = async (
      method: string,
      path: string,
      init: { cookie?: string; csrf?: string; json?: unknown; body?: string; type?: string } = {},
    ) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.type ? { 'content-type': init.type } : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
        },
        ...(init.json !== undefined
          ? { body: JSON.stringify(init.json) }
          : init.body !== undefined
            ? { body: init.body }
            : {}),
      });
      return {
        status: res.status,
        text: await res.text(),
        cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      };
    };
    const token = new URLSearchParams(new URL(server.setupLink ?? '').hash.slice(1)).get('token');
    assert.equal(
      (await call('POST', '/api/v1/setup', { json: { token, username: 'root', password: PASSWORD } })).status,
      201,
    );
    const signIn = async (totp?: string) => {
      const res = await call('POST', '/api/v1/auth/login', {
        json: { username: 'root', password: PASSWORD, ...(totp === undefined ? {} : { totp }) },
      });
      assert.equal(res.status, 200, res.text);
      return { cookie: res.cookie, csrf: (JSON.parse(res.text) as { csrfToken: string }).csrfToken };
    };
    let s = await signIn();
    const incident = await call('POST', '/api/v1/workspaces/default/incidents', {
      ...s,
      json: { title: 'Evidence for rotation', severity: 'low' },
    });
    assert.equal(incident.status, 201, incident.text);
    const base = `/api/v1/workspaces/default/incidents/${(JSON.parse(incident.text) as { id: string }).id}/attachments`;
    const upload = async (name: string, body: string) => {
      const res = await call('POST', `${base}?name=${name}`, { ...s, type: 'text/plain', body });
      assert.equal(res.status, 201, res.text);
      return (JSON.parse(res.text) as { id: string }).id;
    };
    const download = async (id: string) => {
      const res = await call('GET', `${base}/${id}/content`, s);
      assert.equal(res.status, 200, res.text);
      return res.text;
    };
    const first = await upload('notes.txt', 'triage notes before rotation');

    const enrol = await call('POST', '/api/v1/me/mfa/enrol', s);
    assert.equal(enrol.status, 200, enrol.text);
    const secret = (JSON.parse(enrol.text) as { secret: string }).secret;
    registerTestSecret('TOTP seed', secret);
    const seed = base32Decode(secret);
    // Three codes of consecutive steps around now (the server accepts ±1 step), so none is a replay.
    const step0 = totpStep(Date.now());
    const code = (offset: number) => hotp(seed, step0 + offset);
    assert.equal(
      (await call('POST', '/api/v1/me/mfa/confirm', { ...s, json: { code: code(-1) } })).status,
      200,
    );

    // `vigil keys rotate`, from another process's point of view: own stores over the same data dir.
    const path = masterKeyFilePath(config);
    const before = loadMasterKeyring(config, { create: false });
    const ring = rotatedKeyring(before);
    for (const k of [ring.current, ...ring.previous])
      registerTestSecret('master key', Buffer.from(k.key).toString('base64'));
    writeMasterKeyFile(path, ring);
    const rewrap = () =>
      withIdentityStores(config, silentLogger, async (stores, storage) => {
        const cases = await openCasesStores(config, silentLogger);
        try {
          return await rewrapStoredSecrets(
            ring,
            sealedValueOwners({
              identity: stores,
              metadata: storage.metadata,
              attachments: cases.attachments,
            }),
          );
        } finally {
          await cases.close();
        }
      });
    assert.deepEqual(await rewrap(), { 'audit-signing-key': 1, 'mfa-seeds': 1, attachments: 1 });

    // No restart: the server meets values under a key it never loaded and reloads the key file.
    s = await signIn(code(0));
    assert.equal(await download(first), 'triage notes before rotation');
    const second = await upload('later.txt', 'sealed after rotation');
    const cases = await openCasesStores(config, silentLogger);
    try {
      const stored = await cases.attachments.content('default', second);
      assert.equal(
        SecretBox.keyIdOf(stored ?? ''),
        ring.current.id,
        'new values are sealed under the new key',
      );
    } finally {
      await cases.close();
    }

    // `--retire-previous`: everything re-wrapped, the old key leaves the file, SIGHUP reloads it now.
    await rewrap();
    writeMasterKeyFile(path, { current: ring.current, previous: [] });
    process.kill(process.pid, 'SIGHUP');
    await new Promise((resolve) => setTimeout(resolve, 50));
    s = await signIn(code(1));
    assert.equal(await download(first), 'triage notes before rotation');
    assert.equal(await download(second), 'sealed after rotation');
  } finally {
    await server.close();
  }
});
