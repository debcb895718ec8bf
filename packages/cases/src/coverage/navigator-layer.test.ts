import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCoverage } from './compute-coverage.ts';
import { miniMatrix } from '../fixtures/attack-mini-matrix.ts';
import { coverageStyle, navigatorLayer } from './navigator-layer.ts';

const NOW = Date.UTC(2026, 5, 10);

test('the layer is Navigator format 4.5 with one scored, coloured entry per technique that has rules', () => {
  const report = computeCoverage(
    miniMatrix,
    [
      {
        id: 'r1',
        title: 'PowerShell download cradle',
        level: 'high',
        enabled: true,
        tags: ['attack.t1059.001'],
        data: [{ logsource: 'windows/ps_script', routed: true, lastSeen: NOW - 1000 }],
        errors: [],
        hits: 2,
        lastHit: NOW - 5000,
      },
      {
        id: 'r2',
        title: 'Brute force',
        level: 'medium',
        enabled: false,
        tags: ['attack.t1110'],
        data: [],
        errors: [],
        hits: 0,
      },
    ],
    { now: NOW },
  );
  const layer = navigatorLayer({ ...miniMatrix, attackVersion: '18.1' }, report, { name: 'Vigil — ws-a' });
  assert.equal(layer.versions.layer, '4.5');
  assert.equal(layer.versions.attack, '18.1');
  assert.equal(layer.domain, 'enterprise-attack');
  assert.equal(layer.name, 'Vigil — ws-a');
  assert.deepEqual(
    layer.techniques.map((t) => [t.techniqueID, t.score, t.color]),
    [
      ['T1059', 3, coverageStyle.covered.color],
      ['T1059.001', 3, coverageStyle.covered.color],
      ['T1110', 1, coverageStyle['rules-disabled'].color],
    ],
  );
  const parent = layer.techniques[0];
  assert.equal(parent?.showSubtechniques, true);
  const ps = layer.techniques[1];
  assert.match(ps?.comment ?? '', /1 enabled rule\(s\); 1 with data seen in the last 7 days; 2 hit\(s\)/);
  assert.deepEqual(ps?.metadata, [
    { name: 'state', value: 'covered' },
    { name: 'last hit', value: new Date(NOW - 5000).toISOString() },
    { name: 'rule', value: 'PowerShell download cradle [high]' },
  ]);
  assert.equal(layer.legendItems.length, 4);
  assert.ok(
    layer.techniques.every((t) => /^#[0-9a-f]{6}$/.test(t.color) && t.score >= layer.gradient.minValue),
  );
  assert.deepEqual(
    layer.metadata.find((m) => m.name === 'covered'),
    { name: 'covered', value: '2' },
  );
  // Serialisable as-is (the download is this object as JSON).
  assert.deepEqual(JSON.parse(JSON.stringify(layer)), layer);
});

test('without a known ATT&CK release the layer omits versions.attack; rule lists are capped', () => {
  const rules = Array.from({ length: 5 }, (_, i) => ({
    id: `r${i}`,
    title: `Rule ${i}`,
    level: 'low',
    enabled: true,
    tags: ['attack.t1110'],
    data: [],
    errors: [],
    hits: 0,
  }));
  const layer = navigatorLayer(miniMatrix, computeCoverage(miniMatrix, rules, { now: NOW }), {
    name: 'x',
    maxRulesPerTechnique: 2,
  });
  assert.equal('attack' in layer.versions, false);
  const t = layer.techniques[0];
  assert.equal(t?.techniqueID, 'T1110');
  assert.equal(t?.score, 2);
  assert.deepEqual(t?.metadata.at(-1), { name: 'rules', value: '+3 more' });
  assert.equal(t?.metadata.filter((m) => m.name === 'rule').length, 2);
});
