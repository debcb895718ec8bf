// Guards DESIGN §3 for this package until eslint.config.mjs lists it among the pure packages:
// production code imports only @vigil/core, node:crypto and its own files, and never reads process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

test('identity production code does no I/O and imports only @vigil/core and node:crypto', () => {
  const files = sources(root);
  assert.ok(files.length > 30);
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*'([^']+)'/g)) {
      const spec = m[1] ?? '';
      if (!(
        spec.startsWith('./') ||
        spec.startsWith('../') ||
        spec === '@vigil/core' ||
        spec === 'node:crypto'
      )) {
        problems.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    if (/\bimport\s*\(/.test(text)) problems.push(`${relative(root, file)} uses dynamic import`);
    if (/\bprocess\s*\./.test(text)) problems.push(`${relative(root, file)} reads process`);
    if (/\brequire\s*\(/.test(text)) problems.push(`${relative(root, file)} uses require`);
  }
  assert.deepEqual(problems, []);
});

test('every production module is exported from the package index', () => {
  const index = readFileSync(join(root, 'index.ts'), 'utf8');
  const missing = sources(root)
    .map((f) => `./${relative(root, f)}`)
    .filter((f) => f !== './index.ts' && !index.includes(`'${f}'`));
  assert.deepEqual(missing, []);
});
