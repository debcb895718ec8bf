import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { main } from '../main.ts';
import { testCliIo } from '../testing/test-cli-io.ts';

function io(stdin: string) {
  return testCliIo({ stdin, env: { VIGIL_LOG_LEVEL: 'error' } });
}

const PASSWORD = 'Cli-Roles-Passw0rd';

test('vigil roles grant-platform/revoke-platform: platform admins only, two-person rule, audited', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-roles-'));
  const run = async (args: string[], stdin = `${PASSWORD}\n`) => {
    const r = io(stdin);
    const code = await main([...args, '--data-dir', dataDir], r.io);
    return { code, ...r.out };
  };
  assert.equal((await run(['setup', '--admin', 'root', '--password-stdin'])).code, EXIT_OK);
  // A second account with the same password hash (no CLI creates plain accounts; the API does).
  const db = new DatabaseSync(join(dataDir, 'vigil.db'));
  db.exec(`INSERT INTO users (id, username, username_key, password_hash, disabled, must_change_password,
             mfa_enabled, created_at, updated_at)
           SELECT 'u-carol', 'carol', 'carol', password_hash, 0, 0, 0, created_at, updated_at FROM users`);
  db.close();
  const grant = (user: string, role: string, as = 'root', stdin?: string) =>
    run(['roles', 'grant-platform', '--user', user, '--role', role, '--as', as, '--password-stdin'], stdin);

  assert.equal(
    (await run(['roles', 'grant-platform', '--user', 'carol', '--role', 'operator'])).code,
    EXIT_USAGE,
  );
  const wrong = await grant('carol', 'security-manager', 'root', 'Not-The-Passw0rd\n');
  assert.equal(wrong.code, EXIT_FAILURE);
  assert.match(wrong.stderr, /Invalid username, password or code/);
  const notAdmin = await grant('carol', 'security-manager', 'carol');
  assert.equal(notAdmin.code, EXIT_FAILURE, 'carol is no platform admin');
  assert.match(notAdmin.stderr, /platform\.roles\.manage/);
  const ok = await grant('carol', 'security-manager');
  assert.equal(ok.code, EXIT_OK, ok.stderr);
  assert.match(ok.stdout, /carol now holds platform role security-manager/);
  const clash = await grant('carol', 'operator');
  assert.equal(clash.code, EXIT_FAILURE);
  assert.match(clash.stderr, /cannot hold both operator and security-manager/);
  const revoked = await run([
    'roles',
    'revoke-platform',
    '--user',
    'carol',
    '--role',
    'security-manager',
    '--as',
    'root',
    '--password-stdin',
  ]);
  assert.equal(revoked.code, EXIT_OK, revoked.stderr);
  assert.equal((await grant('carol', 'operator')).code, EXIT_OK);

  const check = new DatabaseSync(join(dataDir, 'vigil.db'));
  const rows = check
    .prepare(
      "SELECT event_type, result, resource FROM audit_log WHERE event_type LIKE 'platform_role.%' ORDER BY seq",
    )
    .all()
    .map((r) => `${String(r['event_type'])}:${String(r['result'])}:${String(r['resource'])}`);
  const grants = check.prepare("SELECT role_id FROM role_grants WHERE principal_id = 'u-carol'").all();
  check.close();
  assert.deepEqual(rows, [
    'platform_role.granted:failure:user:u-carol:security-manager',
    'platform_role.granted:success:user:u-carol:security-manager',
    'platform_role.granted:failure:user:u-carol:operator',
    'platform_role.revoked:success:user:u-carol:security-manager',
    'platform_role.granted:success:user:u-carol:operator',
  ]);
  assert.deepEqual(
    grants.map((g) => g['role_id']),
    ['operator'],
  );
  assert.equal((await run(['audit', 'verify'], '')).code, EXIT_OK);
});
