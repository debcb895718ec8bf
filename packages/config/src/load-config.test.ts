import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVigilError } from '@vigil/core';
import { loadConfig, resolveConfig } from './load-config.ts';

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function configError(fn: () => unknown): { message: string; problems: unknown } {
  try {
    fn();
  } catch (err) {
    assert.ok(isVigilError(err));
    assert.equal(err.code, 'CONFIG_INVALID');
    assert.equal(err.kind, 'user');
    return { message: err.message, problems: err.details?.['problems'] };
  }
  assert.fail('expected CONFIG_INVALID');
}

test('defaults: embedded on 127.0.0.1:8080 with ./var resolved from cwd', () => {
  const config = loadConfig({ cwd: '/srv/vigil' });
  assert.equal(config.mode, 'embedded');
  assert.equal(config.server.host, '127.0.0.1');
  assert.equal(config.server.port, 8080);
  assert.equal(config.dataDir, '/srv/vigil/var');
  assert.equal(config.log.level, 'info');
  // Plain HTTP on loopback by default; HTTPS only when asked for, non-loopback plain HTTP refused.
  assert.deepEqual(config.server.tls, { selfSigned: false });
  assert.equal(config.server.allowInsecureHttp, false);
});

test('precedence: file < env < flag, with the source of each key', () => {
  const file = tempFile(
    'vigil.json',
    JSON.stringify({ server: { port: 9001, host: '0.0.0.0' }, log: { level: 'debug' } }),
  );
  const { config, sources } = resolveConfig({
    cwd: '/x',
    env: { VIGIL_CONFIG: file, VIGIL_PORT: '9002', VIGIL_PG_URL: 'postgres://u:p@db/vigil' },
    flags: { port: '9003' },
  });
  assert.equal(config.server.port, 9003);
  assert.equal(config.server.host, '0.0.0.0');
  assert.equal(config.log.level, 'debug');
  assert.equal(config.postgres.url, 'postgres://u:p@db/vigil');
  assert.equal(sources['server.port'], 'flag --port');
  assert.equal(sources['server.host'], `file ${file}`);
  assert.equal(sources['postgres.url'], 'env VIGIL_PG_URL');
  assert.equal(sources['mode'], 'default');
});

test('every invalid value is listed with its key and source', () => {
  const file = tempFile('bad.json', JSON.stringify({ server: { prot: 1 }, mode: 'cluster' }));
  const { message, problems } = configError(() =>
    loadConfig({ file, env: { VIGIL_PORT: 'eighty', VIGIL_LOG_LEVEL: 'loud' }, flags: { host: '' } }),
  );
  assert.match(message, /server\.prot: unknown setting \(source: file .*bad\.json\)/);
  assert.match(
    message,
    /mode: must be one of embedded, distributed, got "cluster" \(source: file .*bad\.json\)/,
  );
  assert.match(message, /server\.port: must be an integer, got "eighty" \(source: env VIGIL_PORT\)/);
  assert.match(message, /log\.level: must be one of .* \(source: env VIGIL_LOG_LEVEL\)/);
  assert.match(message, /server\.host: must not be empty \(source: flag --host\)/);
  assert.equal((problems as unknown[]).length, 5);
});

test('out-of-range numbers name the bounds', () => {
  const { message } = configError(() => loadConfig({ env: { VIGIL_PORT: '70000' } }));
  assert.equal(
    message,
    'invalid configuration: server.port: must be between 0 and 65535, got 70000 (source: env VIGIL_PORT)',
  );
});

test('an invalid secret is reported without echoing it', () => {
  const { message } = configError(() => loadConfig({ env: { VIGIL_PG_URL: 'mysql://root:hunter2@db' } }));
  assert.match(message, /postgres\.url: must be a postgres:\/\/ URL/);
  assert.doesNotMatch(message, /hunter2/);
});

test('malformed JSON names the file, line and column', () => {
  const file = tempFile('broken.json', '{\n  "server": {\n    "port": 80,\n  }\n}\n');
  const { message } = configError(() => loadConfig({ file }));
  assert.match(message, /^config file is not valid JSON \(.*broken\.json:4:3\): /);
  const other = tempFile('token.json', '{ "postgres": { "url": postgres://u:secret@x } }');
  const second = configError(() => loadConfig({ file: other }));
  assert.match(second.message, /token\.json:1:24\): Unexpected token/);
  assert.doesNotMatch(second.message, /secret/);
});

test('a missing config file is a clear error', () => {
  const { message } = configError(() => loadConfig({ file: '/nonexistent/vigil.json' }));
  assert.equal(message, 'cannot read config file (/nonexistent/vigil.json): no such file');
});

test('a config file must be an object', () => {
  const { message } = configError(() => loadConfig({ file: tempFile('a.json', '[1]') }));
  assert.match(message, /must hold a JSON object .*got an array/);
});
