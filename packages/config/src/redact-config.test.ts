import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './load-config.ts';
import { redactConfig, redactUrl } from './redact-config.ts';
import { configReference } from './config-reference.ts';
import { configKeys } from './config-keys.ts';

test('redactConfig hides URL passwords and secret values, keeps the rest', () => {
  const config = loadConfig({
    env: {
      VIGIL_PG_URL: 'postgres://vigil:s3cret-pw@db:5432/vigil',
      VIGIL_NATS_URL: 'nats://user:natspass@nats:4222',
      VIGIL_METRICS_TOKEN: 'metrics-token-0123456789',
    },
  });
  const redacted = redactConfig(config);
  const text = JSON.stringify(redacted);
  for (const secret of ['s3cret-pw', 'natspass', 'metrics-token-0123456789'])
    assert.doesNotMatch(text, new RegExp(secret));
  assert.equal(redacted.postgres.url, 'postgres://vigil:[redacted]@db:5432/vigil');
  assert.equal(redacted.server.metricsToken, '[redacted]');
  assert.equal(redacted.server.port, 8080);
  // The original is untouched.
  assert.equal(config.postgres.url, 'postgres://vigil:s3cret-pw@db:5432/vigil');
});

test('redactUrl leaves password-less URLs alone and hides unparsable ones', () => {
  assert.equal(redactUrl('nats://127.0.0.1:4222'), 'nats://127.0.0.1:4222');
  assert.equal(redactUrl('not a url with secret'), '[redacted]');
});

test('the reference lists every key with its environment variable', () => {
  const reference = configReference();
  for (const key of configKeys) {
    assert.ok(reference.includes(`| \`${key.path}\` |`), key.path);
    if (key.env) assert.ok(reference.includes(key.env), key.env);
  }
  assert.match(reference, /`VIGIL_PORT` \| `--port` \| integer \| `8080`/);
});
