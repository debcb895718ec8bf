import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAttackMatrix } from './parse-attack-matrix.ts';

type Bundle = Record<string, unknown> & { objects: Record<string, unknown>[] };
const fixture = (): Bundle =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures', 'attack-enterprise-mini.json'), 'utf8'),
  ) as Bundle;

test('the fixture bundle becomes a compact matrix without deprecated or revoked techniques', () => {
  const result = parseAttackMatrix(fixture());
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  const { matrix } = result;
  assert.equal(matrix.domain, 'enterprise-attack');
  assert.equal(matrix.tactics.length, 14);
  assert.equal(matrix.tactics[0]?.shortname, 'reconnaissance');
  assert.deepEqual(
    matrix.techniques.map((t) => t.id),
    ['T1003', 'T1003.001', 'T1059', 'T1059.001', 'T1078', 'T1110'],
  );
  const ps = matrix.techniques.find((t) => t.id === 'T1059.001');
  assert.equal(ps?.name, 'PowerShell');
  assert.equal(ps?.parent, 'T1059');
  assert.deepEqual(ps?.tactics, ['execution']);
  assert.ok(ps?.platforms.includes('Windows'));
  assert.ok(ps?.dataSources.includes('Process Creation'), ps?.dataSources.join(', '));
  const valid = matrix.techniques.find((t) => t.id === 'T1078');
  assert.deepEqual(valid?.tactics, [
    'initial-access',
    'persistence',
    'privilege-escalation',
    'defense-evasion',
  ]);
  assert.equal(valid?.parent, undefined);
  assert.match(matrix.modified, /^\d{4}-\d\d-\d\dT/);
});

test('legacy x_mitre_data_sources are kept as data sources', () => {
  const bundle = fixture();
  const t = bundle.objects.find((o) => o['name'] === 'Brute Force');
  assert.ok(t);
  t['x_mitre_data_sources'] = ['User Account: User Account Authentication'];
  const result = parseAttackMatrix(bundle);
  assert.ok(result.ok);
  assert.ok(
    result.matrix.techniques
      .find((x) => x.id === 'T1110')
      ?.dataSources.includes('User Account: User Account Authentication'),
  );
});

test('bad bundles are refused with the place and the reason', () => {
  const problems = (input: unknown) => {
    const r = parseAttackMatrix(input);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.problems;
  };
  assert.equal(problems([])[0]?.path, '$');
  assert.match(problems({ type: 'report', objects: [] })[0]?.message ?? '', /expected "bundle"/);
  assert.equal(problems({ type: 'bundle' })[0]?.path, 'objects');
  assert.match(problems({ type: 'bundle', objects: [] })[0]?.message ?? '', /not an ATT&CK bundle/);

  const mobile = fixture();
  const matrix = mobile.objects.find((o) => o['type'] === 'x-mitre-matrix');
  assert.ok(matrix);
  matrix['external_references'] = [{ source_name: 'mitre-attack', external_id: 'mobile-attack' }];
  assert.match(problems(mobile)[0]?.message ?? '', /not the Enterprise domain \(matrix mobile-attack\)/);

  const noTactic = fixture();
  noTactic.objects = noTactic.objects.filter((o) => o['name'] !== 'Execution');
  assert.match(problems(noTactic)[0]?.message ?? '', /names 14 tactics but 13 were found/);

  const unnamed = fixture();
  const index = unnamed.objects.findIndex((o) => o['name'] === 'PowerShell');
  delete unnamed.objects[index]?.['name'];
  assert.deepEqual(problems(unnamed)[0], {
    path: `objects[${index}].name`,
    message: 'technique T1059.001 has no name',
  });

  const noTechniques = fixture();
  noTechniques.objects = noTechniques.objects.filter((o) => o['type'] !== 'attack-pattern');
  assert.match(problems(noTechniques)[0]?.message ?? '', /no live attack-pattern/);
});

test('a technique without an Enterprise tactic is skipped with a warning; collection version is read', () => {
  const bundle = fixture();
  const t = bundle.objects.find((o) => o['name'] === 'Brute Force');
  assert.ok(t);
  t['kill_chain_phases'] = [{ kill_chain_name: 'mitre-mobile-attack', phase_name: 'x' }];
  bundle.objects.push({ type: 'x-mitre-collection', id: 'x-mitre-collection--1', x_mitre_version: '18.1' });
  const result = parseAttackMatrix(bundle);
  assert.ok(result.ok);
  assert.ok(!result.matrix.techniques.some((x) => x.id === 'T1110'));
  assert.match(result.warnings[0]?.message ?? '', /T1110 has no Enterprise tactic/);
  assert.equal(result.matrix.attackVersion, '18.1');
});
