// Runs every colocated *.test.ts (and *.browser.test.ts) with Node's built-in test runner.
// Usage: node scripts/run-tests.ts [path-filter...]   e.g. `npm run test:unit -- packages/sigma`
// At the end, the whole output and spawned servers' logs are scanned for registered secrets (fails the run).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { formatFindings, readSecretRegistry, scanForSecrets } from './secret-scan.ts';

const root = join(import.meta.dirname, '..');
const skipDirs = new Set(['node_modules', 'dist', 'var', '.git']);
// Coverage output lives at the root only: source folders named `coverage/` (ATT&CK coverage) hold tests.
const skipRootDirs = new Set(['coverage']);

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name) && !(dir === root && skipRootDirs.has(entry.name)))
        collect(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) {
      out.push(relative(root, join(dir, entry.name)));
    }
  }
}

const files: string[] = [];
for (const top of ['packages', 'apps', 'scripts']) collect(join(root, top), files);
const filters = process.argv.slice(2);
// A filter naming an existing .ts file runs it even when it is not a *.test.ts (runner self-tests).
const explicit = filters.filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && existsSync(join(root, f)),
);
const selected = [
  ...files.filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p))),
  ...explicit,
].sort();
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}

// The run-wide secret registry (see @vigil/testkit registerTestSecret): test processes inherit it.
const secretsDir = mkdtempSync(join(tmpdir(), 'vigil-test-secrets-'));

// Many suites wait on sockets and databases, so run more files than cores.
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=3', '--test-reporter=spec', '--test-timeout=120000', ...selected],
  {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, VIGIL_TEST_SECRETS_DIR: secretsDir },
  },
);
// Streamed to the console as it comes, and kept for the secret scan.
const output: string[] = [];
child.stdout.on('data', (chunk: Buffer) => {
  output.push(chunk.toString('utf8'));
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk: Buffer) => {
  output.push(chunk.toString('utf8'));
  process.stderr.write(chunk);
});
const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));

const { secrets, logs } = readSecretRegistry(secretsDir);
const findings = scanForSecrets([{ source: 'test output', text: output.join('') }, ...logs], secrets);
rmSync(secretsDir, { recursive: true, force: true });
if (findings.length > 0) {
  process.stderr.write(`\n${formatFindings(findings)}\n`);
  process.exit(1);
}
process.exit(status);
