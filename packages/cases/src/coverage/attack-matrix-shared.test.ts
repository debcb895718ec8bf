import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { parseAttackMatrix } from './parse-attack-matrix.ts';

// The real Enterprise bundle from ../shared/data/cti: sharedData() fails with a message naming the
// missing path and how to provide it.
test('the shared ATT&CK Enterprise bundle parses into the full matrix', () => {
  const file = sharedData('cti', 'attack', 'enterprise-attack.json.gz');
  const result = parseAttackMatrix(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  const { matrix } = result;
  assert.equal(matrix.tactics.length, 14);
  assert.ok(matrix.techniques.length > 600, `${matrix.techniques.length} techniques`);
  const ids = new Set(matrix.techniques.map((t) => t.id));
  assert.equal(ids.size, matrix.techniques.length);
  assert.ok(ids.has('T1059.001') && ids.has('T1003'));
  assert.ok(matrix.techniques.filter((t) => t.dataSources.length > 0).length > 500);
  assert.ok(matrix.techniques.every((t) => t.tactics.length > 0 && t.name !== ''));
  // Compact: a fraction of the 33 MB bundle.
  assert.ok(JSON.stringify(matrix).length < 1_000_000);
});
