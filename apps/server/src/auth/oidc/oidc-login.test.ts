// SSO against a real OpenID provider started in the test (`oidc-provider`), driven by Chromium through
// its login and consent pages: authorization code + PKCE, ID-token checks, group → role mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import Provider from 'oidc-provider';
import { chromium } from 'playwright-core';
import { addUser, authFixture } from '../testing/auth-fixture.ts';
import { parseRoleMap } from './oidc-client.ts';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_SECRET = 'oidc-test-client-secret-0123456789';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test(
  'OIDC sign-in maps groups to roles, re-syncs them at every sign-in and refuses a forged state',
  { skip: !existsSync(CHROMIUM) && 'needs Chromium' },
  async () => {
    let groups = ['soc', 'unrelated'];
    const idp = createServer();
    const idpPort = await listen(idp);
    const issuer = `http://127.0.0.1:${idpPort}`;
    const vigilPort = await freePort();
    const callback = `http://127.0.0.1:${vigilPort}/api/v1/auth/oidc/callback`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'vigil',
          client_secret: CLIENT_SECRET,
          redirect_uris: [callback],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      findAccount: (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: () => ({ sub: id, preferred_username: id, name: 'Alice SSO', groups }),
      }),
      claims: { openid: ['sub'], profile: ['preferred_username', 'name'], groups: ['groups'] },
      conformIdTokenClaims: false,
      cookies: { keys: ['oidc-test-cookie-key'] },
      features: { devInteractions: { enabled: true } },
    });
    idp.on('request', provider.callback());

    const { app, rt, clock } = await authFixture({
      oidc: {
        issuer,
        clientId: 'vigil',
        clientSecret: CLIENT_SECRET,
        redirectUrl: callback,
        groupsClaim: 'groups',
        roleMap: parseRoleMap('soc=ws-a:analyst;leads=ws-a:admin;soc=ws-missing:viewer'),
      },
    });
    clock.set(Date.now()); // ID tokens carry real times
    await addUser(rt, 'local-admin', 'Local-Admin-Pass-1', [['owner', 'ws-a']]);
    // A Vigil group bound to the provider's "soc" group: SSO keeps its membership, its role flows to members.
    await rt.stores.groups.create({
      id: 'g-soc',
      workspaceId: 'ws-a',
      name: 'SOC',
      ssoGroup: 'soc',
      createdAt: 0,
    });
    await rt.stores.roleGrants.grant({
      principalId: 'group:g-soc',
      roleId: 'responder',
      workspaceId: 'ws-a',
      grantedBy: 'test',
      grantedAt: 0,
    });
    await app.listen({ host: '127.0.0.1', port: vigilPort });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`http://127.0.0.1:${vigilPort}/api/v1/auth/oidc/login`);
      await page.locator('input[name="login"]').fill('alice');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]').click(); // consent
      await page.waitForURL(`http://127.0.0.1:${vigilPort}/`);
      const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
      const { user, grants } = me as {
        user: { id: string; username: string };
        grants: { workspaceId: string; roleId: string }[];
      };
      assert.match(user.id, /^oidc-/);
      assert.equal(user.username, 'alice');
      assert.deepEqual(grants.map((g) => `${g.workspaceId}:${g.roleId}`).sort(), [
        'ws-a:analyst',
        'ws-a:responder',
      ]);
      assert.deepEqual(
        (await rt.stores.groups.listMembers('ws-a', 'g-soc')).map((m) => [m.userId, m.addedBy]),
        [[user.id, 'oidc']],
      );
      const stored = await rt.stores.users.get(user.id);
      assert.equal(stored?.passwordHash, undefined, 'SSO accounts have no password');

      // The IdP drops the group: the next sign-in takes the role back (grants made by people stay).
      groups = [];
      await page.goto(`http://127.0.0.1:${vigilPort}/api/v1/auth/oidc/login`);
      await page.waitForURL(`http://127.0.0.1:${vigilPort}/`);
      const after = (await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()))) as {
        grants: unknown[];
      };
      assert.deepEqual(after.grants, []);
      assert.deepEqual(await rt.stores.groups.listMembers('ws-a', 'g-soc'), [], 'SSO membership taken back');

      const forged = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/oidc/callback?code=abc&state=forged',
      });
      assert.equal(forged.statusCode, 401);
      assert.equal(forged.json<{ error: { code: string } }>().error.code, 'SSO_FAILED');
      const types = (await rt.stores.audit.find({ limit: 1000 })).map(
        (r) => `${r.event_type}:${JSON.stringify(r.details?.['method'] ?? r.details?.['by'] ?? '')}`,
      );
      for (const t of [
        'auth.login:"oidc"',
        'user.created:"oidc"',
        'role.granted:"oidc"',
        'role.revoked:"oidc"',
        'group.member_added:"oidc"',
        'group.member_removed:"oidc"',
        'auth.login_failed:"oidc"',
      ])
        assert.ok(types.includes(t), t);
    } finally {
      await browser.close();
      await app.close();
      await new Promise((resolve) => idp.close(resolve));
    }
  },
);
