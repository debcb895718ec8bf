import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { commands, findCommand } from './command-registry.ts';
import { main } from './main.ts';
import { testCliIo } from './testing/test-cli-io.ts';

function captureIO(env: Record<string, string> = {}) {
  return testCliIo({ env, cwd: '/tmp' });
}

test('vigil --help lists every registered command', async () => {
  const { io, out } = captureIO();
  assert.equal(await main(['--help'], io), EXIT_OK);
  for (const command of commands)
    assert.ok(
      out.stdout.includes(`  ${command.name}  `) || out.stdout.includes(`  ${command.name} `),
      command.name,
    );
});

test('every command has --help, also as `vigil help <cmd>`', async () => {
  for (const command of commands) {
    const a = captureIO();
    assert.equal(await main([...command.name.split(' '), '--help'], a.io), EXIT_OK);
    assert.match(a.out.stdout, new RegExp(`^Usage: vigil ${command.name}`));
    const b = captureIO();
    assert.equal(await main(['help', ...command.name.split(' ')], b.io), EXIT_OK);
    assert.equal(b.out.stdout, a.out.stdout);
  }
});

test('no arguments, unknown commands and a bare group are usage errors', async () => {
  for (const argv of [[], ['nope'], ['help', 'nope'], ['config'], ['--frob']]) {
    const { io, out } = captureIO();
    assert.equal(await main(argv, io), EXIT_USAGE, argv.join(' '));
    assert.ok(out.stderr.length > 0);
  }
});

test('nested names resolve longest first', () => {
  const a: Command = { name: 'sigma', summary: '', usage: '', run: () => Promise.resolve(0) };
  const b: Command = { name: 'sigma check', summary: '', usage: '', run: () => Promise.resolve(0) };
  assert.equal(findCommand([a, b], ['sigma', 'check', 'x'])?.command, b);
  assert.deepEqual(findCommand([a, b], ['sigma', 'check', 'x'])?.args, ['x']);
  assert.equal(findCommand([a, b], ['sigma', 'other'])?.command, a);
});

test('config print redacts secrets', async () => {
  const { io, out } = captureIO({
    VIGIL_PG_URL: 'postgres://vigil:hunter2@db/vigil',
    VIGIL_METRICS_TOKEN: 'tok-0123456789abcdef',
  });
  assert.equal(await main(['config', 'print'], io), EXIT_OK);
  assert.match(
    out.stdout,
    /postgres\.url\s+"postgres:\/\/vigil:\[redacted\]@db\/vigil"\s+\(env VIGIL_PG_URL\)/,
  );
  assert.doesNotMatch(out.stdout, /hunter2|tok-0123/);
  const json = captureIO({ VIGIL_PG_URL: 'postgres://vigil:hunter2@db/vigil' });
  assert.equal(await main(['config', 'print', '--json', '--port', '9000'], json.io), EXIT_OK);
  const parsed = JSON.parse(json.out.stdout) as { server: { port: number }; postgres: { url: string } };
  assert.equal(parsed.server.port, 9000);
  assert.equal(parsed.postgres.url, 'postgres://vigil:[redacted]@db/vigil');
});

test('errors print one line without a stack unless VIGIL_DEBUG=1', async () => {
  const quiet = captureIO({ VIGIL_PORT: 'x' });
  assert.equal(await main(['config', 'print'], quiet.io), EXIT_FAILURE);
  assert.equal(
    quiet.out.stderr,
    'vigil: invalid configuration: server.port: must be an integer, got "x" (source: env VIGIL_PORT)\n',
  );
  const debug = captureIO({ VIGIL_PORT: 'x', VIGIL_DEBUG: '1' });
  assert.equal(await main(['config', 'print'], debug.io), EXIT_FAILURE);
  assert.match(debug.out.stderr, /^\s+at /m);
});

test('version prints the version', async () => {
  const { io, out } = captureIO();
  assert.equal(await main(['version', '--json'], io), EXIT_OK);
  assert.match(out.stdout, /"version":"\d+\.\d+\.\d+"/);
});
