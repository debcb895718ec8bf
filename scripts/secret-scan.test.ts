import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanForSecrets, formatFindings } from './secret-scan.ts';

const root = join(import.meta.dirname, '..');

test('scanForSecrets finds a secret as-is, URL-encoded or base64, with source and line, never the value', () => {
  const secrets = [
    { kind: 'password', value: 'Tr0ub4dor&3 horse' },
    { kind: 'api key', value: 'vigil_ak_0123456789abcdef' },
    { kind: 'totp seed', value: 'JBSWY3DPEHPK3PXP' },
  ];
  const findings = scanForSecrets(
    [
      { source: 'test output', text: 'ok 1\nlogin failed for Tr0ub4dor%263%20horse\n' },
      { source: 'log server.log', text: `{"a":1}\n{"b":2}\n{"auth":"Bearer vigil_ak_0123456789abcdef"}` },
      { source: 'log other.log', text: Buffer.from('JBSWY3DPEHPK3PXP').toString('base64') },
      { source: 'clean', text: 'nothing to see; vigil_ak_… redacted' },
    ],
    secrets,
  );
  assert.deepEqual(findings, [
    { kind: 'password', source: 'test output', line: 2, encoding: 'URL-encoded' },
    { kind: 'api key', source: 'log server.log', line: 3, encoding: 'as-is' },
    { kind: 'totp seed', source: 'log other.log', line: 1, encoding: 'base64' },
  ]);
  const message = formatFindings(findings);
  for (const s of secrets) assert.ok(!message.includes(s.value));
  assert.match(message, /a password \(URL-encoded\) in test output, line 2/);
});

for (const where of ['output', 'log'] as const) {
  test(`run-tests fails the run when a registered secret appears in the ${where === 'log' ? "spawned server's log" : 'test output'}`, () => {
    const planted = `planted-${randomBytes(12).toString('hex')}`;
    const run = spawnSync(
      process.execPath,
      ['scripts/run-tests.ts', 'scripts/fixtures/leaky-output.fixture.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        // NODE_TEST_CONTEXT would make the nested runner think it is inside this test and skip its files.
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')),
          PLANTED_SECRET: planted,
          PLANTED_WHERE: where,
        },
        timeout: 60_000,
      },
    );
    assert.equal(run.status, 1, run.stdout + run.stderr);
    // The test itself passed: the scan is what failed the run, and the runner's summary is intact.
    assert.match(run.stdout, /ℹ pass 1\n/);
    assert.match(run.stdout, /ℹ fail 0\n/);
    const report = run.stderr.slice(run.stderr.indexOf('secret scan:'));
    assert.match(report, /secret scan: 1 registered secret value\(s\)/);
    assert.match(
      report,
      where === 'log'
        ? /a planted password \(as-is\) in log fake-server-\d+-1\.log, line 1/
        : /a planted password \(as-is\) in test output/,
    );
    assert.ok(!report.includes(planted), 'the report never prints the secret');
    assert.doesNotMatch(report, /session id/, 'secrets that did not leak are not reported');
  });
}
