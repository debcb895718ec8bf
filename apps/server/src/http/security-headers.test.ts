// Security headers on every kind of response: JSON, the console's HTML, static assets and errors;
// HSTS only when the server speaks TLS.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { authFixture } from '../auth/testing/auth-fixture.ts';

const dist = mkdtempSync(join(tmpdir(), 'vigil-headers-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Vigil</title><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1);');
after(() => rmSync(dist, { recursive: true, force: true }));

/** One request per response kind the server produces. */
const KINDS: {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  payload?: unknown;
  status: number;
  type: RegExp;
}[] = [
  { name: 'JSON', method: 'GET', url: '/healthz', status: 200, type: /application\/json/ },
  { name: 'console HTML', method: 'GET', url: '/', status: 200, type: /text\/html/ },
  { name: 'console deep link', method: 'GET', url: '/alerts', status: 200, type: /text\/html/ },
  { name: 'static asset', method: 'GET', url: '/assets/app.js', status: 200, type: /javascript/ },
  { name: '401 error', method: 'GET', url: '/api/v1/me', status: 401, type: /application\/json/ },
  { name: '404 error', method: 'GET', url: '/api/v1/no-such-route', status: 404, type: /application\/json/ },
  {
    name: '400 validation error',
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 1 },
    status: 400,
    type: /application\/json/,
  },
];

async function responses(app: FastifyInstance) {
  const out = [];
  for (const kind of KINDS) {
    const res = await app.inject({
      method: kind.method,
      url: kind.url,
      ...(kind.payload === undefined ? {} : { payload: kind.payload as object }),
    });
    assert.equal(res.statusCode, kind.status, `${kind.name}: ${res.body.slice(0, 200)}`);
    assert.match(String(res.headers['content-type']), kind.type, kind.name);
    out.push({ kind: kind.name, headers: res.headers });
  }
  return out;
}

test('no-sniff, framing refused (CSP frame-ancestors and X-Frame-Options) on every response kind; no HSTS over plain HTTP', async () => {
  const { app } = await authFixture({ env: { VIGIL_WEB_DIST_DIR: dist } });
  try {
    for (const { kind, headers } of await responses(app)) {
      assert.equal(headers['x-content-type-options'], 'nosniff', kind);
      assert.match(String(headers['content-security-policy']), /frame-ancestors 'none'/, kind);
      assert.equal(headers['x-frame-options'], 'DENY', kind);
      assert.equal(headers['strict-transport-security'], undefined, `${kind}: HSTS without TLS`);
    }
  } finally {
    await app.close();
  }
});

test('HSTS on every response kind when the server speaks TLS', async () => {
  const { app } = await authFixture({
    env: { VIGIL_WEB_DIST_DIR: dist, VIGIL_TLS_SELF_SIGNED: 'true' },
    tls: true,
  });
  try {
    for (const { kind, headers } of await responses(app)) {
      assert.match(String(headers['strict-transport-security']), /max-age=\d{7,}/, kind);
      assert.equal(headers['x-content-type-options'], 'nosniff', kind);
    }
  } finally {
    await app.close();
  }
});
