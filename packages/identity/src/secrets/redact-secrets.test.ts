import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLeakedSecrets, redactSecrets } from './redact-secrets.ts';

test('redactSecrets removes raw, JSON-escaped, URL-encoded and base64 spellings', () => {
  const secret = 'p@ss "word"/x';
  const text = [
    `raw=${secret}`,
    `json=${JSON.stringify({ s: secret })}`,
    `url=${encodeURIComponent(secret)}`,
    `b64=${Buffer.from(secret).toString('base64')}`,
  ].join('\n');
  const redacted = redactSecrets(text, [secret]);
  assert.deepEqual(findLeakedSecrets(redacted, [secret]), []);
  assert.equal((redacted.match(/\[REDACTED\]/g) ?? []).length, 4);
  assert.deepEqual(findLeakedSecrets(text, [secret, 'absent-token']), [secret]);
});

test('redactSecrets ignores empty secrets and leaves other text alone', () => {
  assert.equal(redactSecrets('nothing to see', ['', 'zzz-token']), 'nothing to see');
  assert.equal(redactSecrets('token=abc123;', ['abc123']), 'token=[REDACTED];');
});
