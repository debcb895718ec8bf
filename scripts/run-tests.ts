// Runs every colocated *.test.ts (and *.browser.test.ts) with Node's built-in test runner.
// Usage: node scripts/run-tests.ts [path-filter...]   e.g. `npm run test:unit -- packages/sigma`
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const skipDirs = new Set(['node_modules', 'dist', 'var', '.git', 'coverage']);

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) collect(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) {
      out.push(relative(root, join(dir, entry.name)));
    }
  }
}

const files: string[] = [];
for (const top of ['packages', 'apps', 'scripts']) collect(join(root, top), files);
const filters = process.argv.slice(2);
const selected = files.filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p))).sort();
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}

// Many suites wait on sockets and databases, so run more files than cores.
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=3', '--test-reporter=spec', '--test-timeout=120000', ...selected],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
