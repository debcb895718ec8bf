import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCredentialFields } from './register-test-secret.ts';

test('credential fields of a body are registered; other fields and short values are not', () => {
  const previous = process.env['VIGIL_TEST_SECRETS_DIR'];
  const dir = mkdtempSync(join(tmpdir(), 'vigil-web-registry-'));
  process.env['VIGIL_TEST_SECRETS_DIR'] = dir;
  try {
    registerCredentialFields({
      username: 'someone-long-name',
      newPassword: 'New-Passw0rd-22',
      token: 'vigil_ak_issued-token-value',
      recoveryCodes: ['recovery-aaaa-1111', 'recovery-bbbb-2222'],
      secret: 'short',
    });
    registerCredentialFields(['not-an-object-password']);
    const values = readdirSync(dir)
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => (JSON.parse(l) as { value: string }).value)
      .sort();
    assert.deepEqual(values, [
      'New-Passw0rd-22',
      'recovery-aaaa-1111',
      'recovery-bbbb-2222',
      'vigil_ak_issued-token-value',
    ]);
  } finally {
    if (previous === undefined) delete process.env['VIGIL_TEST_SECRETS_DIR'];
    else process.env['VIGIL_TEST_SECRETS_DIR'] = previous;
    rmSync(dir, { recursive: true, force: true });
  }
});
