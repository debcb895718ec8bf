// Rotation must cover every sealed value: a source file that seals values must be listed by an owner.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAttachmentRepository } from '@vigil/cases';
import { MemoryMetadataStore } from './memory-metadata-store.ts';
import { sealedValueOwners } from './sealed-value-owners.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A `.seal(` call outside comments (doc comments mention the API). */
const sealsInCode = (text: string): boolean =>
  text.split('\n').some((line) => /\.seal\(/.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line));

test('every source file that seals values with the master key belongs to a registered sealed-value owner', () => {
  const owners = sealedValueOwners({
    identity: {} as never,
    metadata: new MemoryMetadataStore(),
    attachments: new MemoryAttachmentRepository(),
  });
  const listed = new Set(owners.flatMap((o) => o.sealSites));
  const roots = ['apps', 'packages'].flatMap((top) =>
    readdirSync(join(repoRoot, top)).map((name) => join(repoRoot, top, name, 'src')),
  );
  const sealing = roots
    .flatMap((root) => {
      try {
        return sourceFiles(root);
      } catch {
        return [];
      }
    })
    .filter((file) => sealsInCode(readFileSync(file, 'utf8')))
    .map((file) => relative(repoRoot, file).split('\\').join('/'))
    // The box itself (reencrypt) seals only values an owner already holds.
    .filter((file) => file !== 'packages/identity/src/secrets/secret-box.ts');
  assert.ok(sealing.length >= 3, `found the known seal sites: ${sealing.join(', ')}`);
  const unregistered = sealing.filter((file) => !listed.has(file));
  assert.deepEqual(
    unregistered,
    [],
    'these files seal values but no owner in sealed-value-owners.ts lists them, so key rotation would skip their values',
  );
  for (const site of listed) assert.ok(sealing.includes(site), `${site} no longer seals: update its owner`);
});
