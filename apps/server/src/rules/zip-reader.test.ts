import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeZip } from './zip-fixture.ts';
import { readZip } from './zip-reader.ts';

const yml = (p: string) => p.endsWith('.yml');

test('reads deflated and stored entries, keeping only the wanted ones', () => {
  const files = {
    'rules/a.yml': 'title: a\n',
    'rules/sub/b.yml': 'title: b\n'.repeat(100),
    'README.md': '# x',
  };
  for (const store of [false, true]) {
    const got = readZip(makeZip(files, store), yml);
    assert.deepEqual(
      got.map((f) => [f.path, f.text.length]),
      [
        ['rules/a.yml', 9],
        ['rules/sub/b.yml', 900],
      ],
    );
  }
});

test('refuses path traversal, absolute paths and drive letters', () => {
  for (const bad of ['../etc/x.yml', 'rules/../../x.yml', '/abs.yml', 'C:/x.yml', '..\\x.yml']) {
    assert.throws(() => readZip(makeZip({ [bad]: 'x' }), yml), { code: 'ZIP_INVALID' }, bad);
  }
});

test('enforces the entry and total-size limits before inflating', () => {
  const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`r${i}.yml`, 'x']));
  assert.throws(
    () => readZip(makeZip(many), yml, { maxEntries: 10, maxTotalBytes: 1e6 }),
    /more than 10 entries/,
  );
  const bomb = makeZip({ 'big.yml': 'a'.repeat(2_000_000) });
  assert.ok(bomb.length < 10_000);
  assert.throws(
    () => readZip(bomb, yml, { maxEntries: 10, maxTotalBytes: 1_000_000 }),
    /uncompressed size exceeds/,
  );
});

test('a lying declared size stops inflation', () => {
  const zip = makeZip({ 'a.yml': 'a'.repeat(5000) });
  // Declare 10 bytes in the central directory: inflating must stop there, not produce 5000.
  const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(10, cd + 24);
  assert.throws(() => readZip(zip, yml), { code: 'ZIP_INVALID' });
});

test('refuses what is not a zip', () => {
  assert.throws(() => readZip(Buffer.from('title: not a zip, just some text long enough'), yml), /not a zip/);
  assert.throws(() => readZip(Buffer.alloc(5), yml), /too short/);
});
