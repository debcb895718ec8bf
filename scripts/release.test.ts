import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildRelease, createTarball, trackedFiles } from './release.ts';

const root = join(import.meta.dirname, '..');

/** Reads a ustar archive back (independently of the writer), checking every header checksum. */
function readTar(tgz: Buffer): { path: string; mode: number; mtime: number; content: Buffer }[] {
  const tar = gunzipSync(tgz);
  const out = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const block = tar.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      block
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
    assert.equal(parseInt(field(148, 8), 8), sum, 'header checksum');
    assert.equal(field(257, 6), 'ustar');
    const size = parseInt(field(124, 12), 8);
    const prefix = field(345, 155);
    const name = field(0, 100);
    out.push({
      path: prefix ? `${prefix}/${name}` : name,
      mode: parseInt(field(100, 8), 8),
      mtime: parseInt(field(136, 12), 8),
      content: tar.subarray(at + 512, at + 512 + size),
    });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

test('createTarball writes a sorted ustar archive with long paths, modes and a fixed mtime', () => {
  const long = `vigil-1.0.0/${'deep/'.repeat(30)}file.ts`;
  const tgz = createTarball(
    [
      { path: 'vigil-1.0.0/b.txt', content: Buffer.from('b'), executable: false },
      { path: 'vigil-1.0.0/a.sh', content: Buffer.from('#!/bin/sh\n'), executable: true },
      { path: long, content: Buffer.alloc(1000, 7), executable: false },
    ],
    1_700_000_000,
  );
  const entries = readTar(tgz);
  assert.deepEqual(
    entries.map((e) => [e.path, e.mode, e.mtime, e.content.length]),
    [
      [long, 0o644, 1_700_000_000, 1000],
      ['vigil-1.0.0/a.sh', 0o755, 1_700_000_000, 10],
      ['vigil-1.0.0/b.txt', 0o644, 1_700_000_000, 1],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  assert.throws(
    () => createTarball([{ path: 'x'.repeat(300), content: Buffer.alloc(0), executable: false }], 0),
    /path too long/,
  );
});

test('the release holds exactly the git-tracked files, a matching SHA-256 file and the SBOM, reproducibly', () => {
  const env = { SOURCE_DATE_EPOCH: '1700000000' };
  const first = buildRelease(root, mkdtempSync(join(tmpdir(), 'vigil-release-')), env);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  assert.match(first.tarball, new RegExp(`vigil-${version.replaceAll('.', '\\.')}\\.tgz$`));
  const tgz = readFileSync(first.tarball);
  const sha256 = createHash('sha256').update(tgz).digest('hex');
  assert.equal(first.sha256, sha256);
  assert.equal(readFileSync(first.checksumFile, 'utf8'), `${sha256}  vigil-${version}.tgz\n`);
  const entries = readTar(tgz);
  const files = trackedFiles(root);
  assert.deepEqual(
    entries.map((e) => e.path),
    files.map((f) => `vigil-${version}/${f}`),
  );
  for (const required of [
    'package.json',
    'package-lock.json',
    'apps/cli/bin/vigil.mjs',
    'scripts/run-tests.ts',
  ])
    assert.ok(files.includes(required), required);
  assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('dist/')));
  const pkg = entries.find((e) => e.path === `vigil-${version}/package.json`);
  assert.deepEqual(pkg?.content, readFileSync(join(root, 'package.json')));
  const sbom = JSON.parse(readFileSync(first.sbomFile, 'utf8')) as { bomFormat: string; specVersion: string };
  assert.equal(sbom.bomFormat, 'CycloneDX');
  assert.equal(sbom.specVersion, '1.5');
  // Same tree, same SOURCE_DATE_EPOCH: byte-identical tarball.
  const second = buildRelease(root, mkdtempSync(join(tmpdir(), 'vigil-release-')), env);
  assert.equal(second.sha256, first.sha256);
});
