import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServer } from '../testing/fake-runtime.ts';

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
  return dir;
}

test('serves the built console with an SPA fallback for non-API GETs', async () => {
  const { app } = await testServer({ env: { VIGIL_WEB_DIST_DIR: builtConsole() } });
  const index = await app.inject({ method: 'GET', url: '/' });
  assert.equal(index.statusCode, 200);
  assert.match(String(index.headers['content-type']), /text\/html/);
  assert.match(index.body, /id="root"/);
  const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
  assert.equal(asset.statusCode, 200);
  assert.equal(asset.body, 'console.log(1)');
  assert.match(String(asset.headers['cache-control']), /immutable/);
  const deepLink = await app.inject({ method: 'GET', url: '/alerts/42?tab=events' });
  assert.equal(deepLink.statusCode, 200);
  assert.match(deepLink.body, /id="root"/);
  const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone.js' });
  assert.equal(missingAsset.statusCode, 404);
  const api = await app.inject({ method: 'GET', url: '/api/v1/not-a-route' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json<{ error: { code: string } }>().error.code, 'NOT_FOUND');
  const traversal = await app.inject({ method: 'GET', url: '/..%2F..%2Fetc%2Fpasswd' });
  assert.doesNotMatch(traversal.body, /root:/);
  await app.close();
});

test('without a built console, / explains how to build it', async () => {
  const { app } = await testServer({ env: { VIGIL_WEB_DIST_DIR: join(tmpdir(), 'vigil-no-such-dist') } });
  const res = await app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/html/);
  assert.match(res.body, /npm run build:web/);
  await app.close();
});
