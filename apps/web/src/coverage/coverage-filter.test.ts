import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCoverage } from './coverage-api.ts';
import { matrixColumns, platformsOf } from './coverage-filter.ts';

const coverage = parseCoverage({
  matrix: {
    modified: '2025-11-01T00:00:00.000Z',
    tactics: [
      { shortname: 'execution', id: 'TA0002', name: 'Execution' },
      { shortname: 'credential-access', id: 'TA0006', name: 'Credential Access' },
    ],
  },
  windowDays: 7,
  counts: { covered: 1, 'covered-but-no-data': 0, 'rules-disabled': 0, none: 3 },
  techniques: [
    {
      id: 'T1059',
      name: 'Command and Scripting Interpreter',
      tactics: ['execution'],
      platforms: ['Linux', 'Windows'],
      state: 'none',
      rules: [],
    },
    {
      id: 'T1059.001',
      name: 'PowerShell',
      parent: 'T1059',
      tactics: ['execution'],
      platforms: ['Windows'],
      state: 'covered',
      rules: [
        {
          id: 'r1',
          title: 'PS',
          level: 'high',
          enabled: true,
          dataSeen: true,
          data: [
            { logsource: 'windows/process_creation', routed: true, lastSeen: '2026-01-01T00:00:00.000Z' },
          ],
          errors: [],
          hits: 2,
        },
      ],
    },
    {
      id: 'T1110',
      name: 'Brute Force',
      tactics: ['credential-access'],
      platforms: ['Linux'],
      state: 'none',
      rules: [],
    },
    {
      id: 'T1003',
      name: 'OS Credential Dumping',
      tactics: ['credential-access'],
      platforms: ['Windows'],
      state: 'bogus',
      rules: 'x',
    },
  ],
});

test('the API answer parses defensively (unknown state → none, bad lists → empty)', () => {
  assert.equal(coverage.techniques.length, 4);
  assert.equal(coverage.techniques[3]?.state, 'none');
  assert.deepEqual(coverage.techniques[3]?.rules, []);
  assert.equal(coverage.techniques[1]?.rules[0]?.data[0]?.lastSeen, '2026-01-01T00:00:00.000Z');
  assert.equal(coverage.counts.covered, 1);
  assert.deepEqual(platformsOf(coverage), ['Linux', 'Windows']);
});

test('columns follow the tactics; filters by platform and state keep a matching sub-technique with its parent', () => {
  const all = matrixColumns(coverage, { platform: '', state: '', subtechniques: false });
  assert.deepEqual(
    all.map((c) => [c.tactic, c.techniques.map((t) => t.id)]),
    [
      ['execution', ['T1059']],
      ['credential-access', ['T1110', 'T1003']],
    ],
  );
  const subs = matrixColumns(coverage, { platform: '', state: 'covered', subtechniques: true });
  assert.deepEqual(
    subs[0]?.techniques.map((t) => t.id),
    ['T1059', 'T1059.001'],
  );
  assert.deepEqual(subs[1]?.techniques, []);
  const linux = matrixColumns(coverage, { platform: 'Linux', state: '', subtechniques: true });
  assert.deepEqual(
    linux.map((c) => c.techniques.map((t) => t.id)),
    [['T1059'], ['T1110']],
  );
});
