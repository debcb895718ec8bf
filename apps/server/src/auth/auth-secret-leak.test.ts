// DESIGN §4/§7: no password, session id, token, TOTP seed or recovery code reaches a log line, an
// error response or an audit record. Drives every auth path (success and failure) with known secrets
// and scans everything produced, with findLeakedSecrets (raw, JSON-escaped, URL-encoded, base64).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { base32Decode, findLeakedSecrets, totp } from '@vigil/identity';
import { addUser, authFixture, COOKIE, sessionCookie } from './testing/auth-fixture.ts';

test('auth flows leak no secret into logs, error responses or audit records', async () => {
  const { app, rt, clock, logs } = await authFixture();
  const secrets: string[] = [];
  const errors: string[] = [];
  const call = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const res = await app.inject(options);
    if (res.statusCode >= 400) errors.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${res.body}`);
    const cookie = sessionCookie(res);
    if (cookie) secrets.push(cookie);
    return res;
  };
  const { token: setupToken } = await rt.firstRun.issue();
  const ownerPassword = 'Owner-Secret-Pass-77';
  const weakPassword = 'correcthorsebattery';
  secrets.push(setupToken, ownerPassword, weakPassword);
  await call({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { token: `${setupToken.slice(1)}x`, username: 'owner', password: ownerPassword },
  });
  await call({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { token: setupToken, username: 'owner', password: weakPassword },
  });
  await call({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { token: setupToken, username: 'owner', password: ownerPassword },
  });

  const wrongPassword = 'Not-The-Right-One-1';
  secrets.push(wrongPassword);
  for (let i = 0; i < 6; i++)
    await call({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'owner', password: wrongPassword },
    });
  await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: wrongPassword, password: wrongPassword },
  });
  clock.advance(20 * 60_000);
  const login = await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'owner', password: ownerPassword },
  });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = sessionCookie(login) ?? '';
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  secrets.push(cookie);
  let headers = { cookie: `${COOKIE}=${cookie}`, 'x-csrf-token': csrf };

  await call({
    method: 'POST',
    url: '/api/v1/workspaces/default/archive',
    headers: { cookie: `${COOKIE}=${cookie}` },
  });
  await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${COOKIE}=${cookie.slice(0, -1)}A` } });

  const enrol = await call({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers });
  const seed = enrol.json<{ secret: string }>().secret;
  secrets.push(seed);
  await call({ method: 'POST', url: '/api/v1/me/mfa/confirm', headers, payload: { code: '999999' } });
  const confirm = await call({
    method: 'POST',
    url: '/api/v1/me/mfa/confirm',
    headers,
    payload: { code: totp(base32Decode(seed), clock.now()) },
  });
  const recovery = confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
  secrets.push(...recovery);
  headers = {
    cookie: `${COOKIE}=${sessionCookie(confirm) ?? ''}`,
    'x-csrf-token': confirm.json<{ csrfToken: string }>().csrfToken,
  };
  await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'owner', password: ownerPassword, totp: '000000' },
  });
  await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'owner', password: ownerPassword, totp: recovery[1] ?? '' },
  });
  await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'owner', password: ownerPassword, totp: recovery[1] ?? '' },
  });

  const key = await call({
    method: 'POST',
    url: '/api/v1/workspaces/default/api-keys',
    headers,
    payload: { name: 'ci', role: 'viewer' },
  });
  const apiKey = key.json<{ token: string }>().token;
  const ingest = await call({
    method: 'POST',
    url: '/api/v1/workspaces/default/ingest-tokens',
    headers,
    payload: { name: 'fw' },
  });
  const ingestToken = ingest.json<{ token: string }>().token;
  secrets.push(apiKey, ingestToken);
  await call({
    method: 'GET',
    url: '/api/v1/workspaces/default/audit',
    headers: { authorization: `Bearer ${apiKey}` },
  });
  await call({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${apiKey.slice(0, -1)}A` },
  });
  await call({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${ingestToken}` } });
  await addUser(rt, 'member', 'Member-Pass-123', [['viewer', 'default']]);
  const tempPassword = 'Temporary-Reset-42';
  secrets.push(tempPassword, 'Member-Pass-123');
  await call({
    method: 'POST',
    url: '/api/v1/workspaces/default/users/u-member/password-reset',
    headers,
    payload: { temporaryPassword: tempPassword },
  });
  await call({
    method: 'POST',
    url: '/api/v1/me/password',
    headers,
    payload: { currentPassword: wrongPassword, newPassword: 'x' },
  });
  await call({
    method: 'POST',
    url: '/api/v1/me/password',
    headers,
    payload: { currentPassword: ownerPassword, newPassword: 'owner' },
  });
  const audit = await call({ method: 'GET', url: '/api/v1/workspaces/default/audit/export', headers });

  assert.ok(errors.length >= 15, `the failure paths ran (${errors.length})`);
  assert.ok(logs.length > 20, 'the log was written');
  const records = JSON.stringify(await rt.stores.audit.find({ limit: 1000 }));
  assert.ok(records.includes('auth.login_failed') && records.includes('auth.mfa_failed'));
  assert.deepEqual(findLeakedSecrets(logs.join('\n'), secrets), [], 'log');
  assert.deepEqual(findLeakedSecrets(errors.join('\n'), secrets), [], 'error responses');
  assert.deepEqual(findLeakedSecrets(records, secrets), [], 'audit records');
  assert.deepEqual(findLeakedSecrets(audit.body, secrets), [], 'audit export');
  await app.close();
});
