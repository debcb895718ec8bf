import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { main } from '../main.ts';
import { cliEnv, startCli } from '../testing/spawn-cli.ts';
import { testCliIo } from '../testing/test-cli-io.ts';

function io(stdin: string, env: Record<string, string> = {}) {
  return testCliIo({ stdin, env: { VIGIL_LOG_LEVEL: 'error', ...env } });
}

const PASSWORD = 'Cli-Setup-Passw0rd';

test('vigil setup creates the owner once, then audit verify passes and catches tampering', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-setup-'));
  const usage = io('');
  assert.equal(await main(['setup', '--admin', 'root', '--data-dir', dataDir], usage.io), EXIT_USAGE);
  assert.match(usage.out.stderr, /--password-stdin is required/);

  const weak = io('rootroot\n');
  assert.equal(
    await main(['setup', '--admin', 'root', '--password-stdin', '--data-dir', dataDir], weak.io),
    EXIT_FAILURE,
  );
  assert.match(weak.out.stderr, /password does not meet the policy/);
  assert.ok(!weak.out.stderr.includes('rootroot'), 'the password is never echoed');

  const ok = io(`${PASSWORD}\n`);
  assert.equal(
    await main(['setup', '--admin', 'root', '--password-stdin', '--data-dir', dataDir], ok.io),
    EXIT_OK,
    ok.out.stderr,
  );
  assert.match(ok.out.stdout, /root owns workspace "default"/);
  assert.equal(statSync(join(dataDir, 'master.key')).mode & 0o777, 0o600);

  const again = io(`${PASSWORD}\n`);
  assert.equal(
    await main(['setup', '--admin', 'other', '--password-stdin', '--data-dir', dataDir], again.io),
    EXIT_FAILURE,
  );
  assert.match(again.out.stderr, /already set up/);

  const token = io('');
  assert.equal(
    await main(
      ['tokens', 'create', '--workspace', 'default', '--name', 'fw-1', '--data-dir', dataDir],
      token.io,
    ),
    EXIT_OK,
    token.out.stderr,
  );
  assert.match(token.out.stdout, /^vigil_it_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n$/);
  const badSpace = io('');
  assert.equal(
    await main(
      [
        'tokens',
        'create',
        '--workspace',
        'default',
        '--data-space',
        'nope',
        '--name',
        'x',
        '--data-dir',
        dataDir,
      ],
      badSpace.io,
    ),
    EXIT_FAILURE,
  );

  const verified = io('');
  assert.equal(
    await main(['audit', 'verify', '--data-dir', dataDir], verified.io),
    EXIT_OK,
    verified.out.stdout + verified.out.stderr,
  );
  assert.match(verified.out.stdout, /audit log intact: [5-9] records/);

  // An attacker with database access rewrites a record (after removing the append-only triggers).
  const db = new DatabaseSync(join(dataDir, 'vigil.db'));
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare("UPDATE audit_log SET user_id = 'someone-else' WHERE seq = 2").run();
  db.close();
  const tampered = io('');
  assert.equal(await main(['audit', 'verify', '--data-dir', dataDir], tampered.io), EXIT_FAILURE);
  assert.match(tampered.out.stdout, /TAMPERED/);
  assert.match(tampered.out.stdout, /seq 2: modified/);
});

test('vigil serve prints a one-time setup link on first run, and none once set up', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-serve-setup-'));
  const cli = startCli(['serve', '--port', '0', '--data-dir', dataDir], cliEnv());
  const line = await cli.waitForLine(/^Finish set-up/);
  const m =
    /^Finish set-up \(one-time link\): (http:\/\/127\.0\.0\.1:\d+)\/setup#token=([A-Za-z0-9_-]{43})$/.exec(
      line,
    );
  assert.ok(m, line);
  const [, base = '', token = ''] = m;
  const res = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username: 'owner', password: PASSWORD }),
  });
  assert.equal(res.status, 201);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'owner', password: PASSWORD }),
  });
  assert.equal(login.status, 200);
  const noSession = await fetch(`${base}/api/v1/workspaces/default`);
  assert.equal(noSession.status, 401);
  cli.child.kill('SIGTERM');
  const first = await cli.exited;
  assert.equal(first.code, 0, first.stderr);
  assert.ok(!first.stderr.includes(token), 'the token is printed once, never logged');

  const second = startCli(['serve', '--port', '0', '--data-dir', dataDir], cliEnv());
  await second.waitForLine(/^Vigil is running at /);
  second.child.kill('SIGTERM');
  const result = await second.exited;
  assert.doesNotMatch(result.stdout, /Finish set-up/);
});

test('vigil keys rotate re-wraps stored secrets under a new key, then retires the old one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-rotate-'));
  assert.equal(
    await main(
      ['setup', '--admin', 'root', '--password-stdin', '--data-dir', dataDir],
      io(`${PASSWORD}\n`).io,
    ),
    EXIT_OK,
  );
  const keyFile = join(dataDir, 'master.key');
  const before = readFileSync(keyFile, 'utf8').trim().split('\n');
  assert.equal(before.length, 1);
  const rotated = io('');
  assert.equal(
    await main(['keys', 'rotate', '--data-dir', dataDir], rotated.io),
    EXIT_OK,
    rotated.out.stderr,
  );
  assert.match(rotated.out.stdout, /re-wrapped: audit-signing-key 1, mfa-seeds 0, attachments 0/);
  const after = readFileSync(keyFile, 'utf8').trim().split('\n');
  assert.equal(after.length, 2);
  assert.equal(after[1], before[0], 'the old key stays as previous');
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  const retired = io('');
  assert.equal(
    await main(['keys', 'rotate', '--retire-previous', '--data-dir', dataDir], retired.io),
    EXIT_OK,
  );
  assert.deepEqual(readFileSync(keyFile, 'utf8').trim().split('\n'), [after[0]]);
  // Everything still opens with the new key alone: the signing key is needed to create a token.
  const token = io('');
  assert.equal(
    await main(
      ['tokens', 'create', '--workspace', 'default', '--name', 'after-rotation', '--data-dir', dataDir],
      token.io,
    ),
    EXIT_OK,
    token.out.stderr,
  );
  const verified = io('');
  assert.equal(await main(['audit', 'verify', '--data-dir', dataDir], verified.io), EXIT_OK);
});
