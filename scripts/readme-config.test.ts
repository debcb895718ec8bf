import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference } from '@vigil/config';
import { readConfigBlock, replaceConfigBlock } from './readme-config-block.ts';

test('the README configuration table matches the config schema (run `npm run docs:config`)', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  assert.equal(readConfigBlock(readme), configReference().trim());
});

test('replacing the block keeps the text around it', () => {
  const text = 'a\n<!-- config-reference:start -->\nold\n<!-- config-reference:end -->\nb';
  const out = replaceConfigBlock(text, '| new |');
  assert.equal(out, 'a\n<!-- config-reference:start -->\n| new |\n<!-- config-reference:end -->\nb');
  assert.throws(() => readConfigBlock('no markers'), /markers/);
});
