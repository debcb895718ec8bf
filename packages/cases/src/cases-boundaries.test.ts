// Guards DESIGN §3 for this package (ESLint lists it among the pure packages too):
// production code imports only @vigil/core and its own files, and never reads process.
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

test('cases production code does no I/O and imports only @vigil/core', () => {
  const files = sources(root);
  assert.ok(files.length > 30);
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*'([^']+)'/g)) {
      const spec = m[1] ?? '';
      if (!(spec.startsWith('./') || spec.startsWith('../') || spec === '@vigil/core')) {
        problems.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    if (/\bimport\s*\(/.test(text)) problems.push(`${relative(root, file)} uses dynamic import`);
    // ECS field names such as 'process.executable' are strings: look at code only.
    const code = text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g, "''");
    if (/\bprocess\s*\./.test(code)) problems.push(`${relative(root, file)} reads process`);
    if (/\brequire\s*\(/.test(text)) problems.push(`${relative(root, file)} uses require`);
  }
  assert.deepEqual(problems, []);
});

test('every production module is exported from the package index (test fixtures excepted)', () => {
  const index = readFileSync(join(root, 'index.ts'), 'utf8');
  const missing = sources(root)
    .map((f) => `./${relative(root, f)}`)
    .filter((f) => f !== './index.ts' && !f.startsWith('./fixtures/') && !index.includes(`'${f}'`));
  assert.deepEqual(missing, []);
});
