import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { tacticsFromBundle, techniqueTacticsFromBundle } from './attack-bundle.ts';
import { attackTactics } from './attack-tactics.ts';
import { attackFromTags, killChainIndex } from './attack-tags.ts';

const bundle: unknown = JSON.parse(
  gunzipSync(readFileSync(sharedData('cti', 'attack', 'enterprise-attack.json.gz'))).toString('utf8'),
);

test('the generated tactic module still matches the shared ATT&CK bundle', () => {
  assert.deepEqual(
    attackTactics.map((t) => ({ ...t })),
    tacticsFromBundle(bundle),
    'regenerate with: node packages/cases/scripts/generate-attack-tactics.ts',
  );
  assert.equal(attackTactics.length, 14);
  assert.equal(attackTactics[0]?.shortname, 'reconnaissance');
  assert.equal(attackTactics[13]?.shortname, 'impact');
});

test('technique → tactics comes from kill_chain_phases', () => {
  const map = techniqueTacticsFromBundle(bundle);
  assert.ok(map.size > 500);
  assert.deepEqual(map.get('T1059.001'), ['execution']);
  assert.ok(map.get('T1078')?.includes('initial-access'));
});

test('Sigma tags map to tactics (kill-chain ordered) and techniques', () => {
  const m = attackFromTags([
    'attack.persistence',
    'attack.execution',
    'attack.t1059.001',
    'attack.T1547',
    'attack.command_and_control',
    'attack.ta0006',
    'attack.g0032',
    'attack.s0002',
    'cve.2021-44228',
    'attack.not-a-tactic',
  ]);
  assert.deepEqual(m.tactics, ['execution', 'persistence', 'credential-access', 'command-and-control']);
  assert.deepEqual(m.techniques, ['T1059.001', 'T1547']);
});

test('techniques contribute their tactics when a lookup is given (sub-technique falls back to parent)', () => {
  const lookup = new Map([['T1003', ['credential-access']]]);
  assert.deepEqual(attackFromTags(['attack.t1003.099'], lookup).tactics, ['credential-access']);
  assert.deepEqual(attackFromTags(['attack.t1003.099']).tactics, []);
  assert.equal(killChainIndex('initial-access'), 2);
  assert.equal(killChainIndex('nope'), -1);
});
