import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { generateEvents } from '../../bench/generate-events.ts';
import { Bucket } from './bucket.ts';
import { loadRules } from './load-rules.ts';

const defaultLearnRuns = Bucket.learnRuns;
after(() => {
  Bucket.learnRuns = defaultLearnRuns;
});

/** Per bucket key, its trigger index as text (the bucket's private map, read for the test). */
function triggerIndex(ruleset: unknown): Map<string, string> {
  const buckets = (ruleset as { buckets: Map<string, unknown> }).buckets;
  const out = new Map<string, string>();
  for (const [k, b] of buckets) {
    const triggers = (b as { triggers: Map<number, Int32Array> }).triggers;
    const rows = [...triggers].map(([a, list]) => `${a}:${[...list].sort((x, y) => x - y).join(',')}`);
    out.set(k, rows.sort().join(' '));
  }
  return out;
}

describe('Bucket trigger re-choice', () => {
  test('re-choosing trigger sets from observed hit rates changes which rules run, never a result', () => {
    const root = sharedData('sigma', 'rules');
    const sources = readdirSync(root, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
    Bucket.learnRuns = 1e9;
    const fixed = loadRules(sources).ruleset;
    const adaptive = loadRules(sources).ruleset;
    const before = triggerIndex(adaptive);
    const events = generateEvents(3000, 7).map((l) => JSON.parse(l) as unknown);
    let matches = 0;
    events.forEach((ev, i) => {
      // The limit is read per run: the fixed ruleset never re-chooses, the other after 100 runs.
      Bucket.learnRuns = 1e9;
      const want = fixed.matchIndexes(ev);
      Bucket.learnRuns = 100;
      assert.deepEqual(adaptive.matchIndexes(ev), want, `event ${i}`);
      matches += want.length;
    });
    assert.ok(matches > 100, `${matches} matches`);
    const afterwards = triggerIndex(adaptive);
    const changed = [...before].filter(([k, index]) => afterwards.get(k) !== index);
    assert.ok(changed.length > 0, 'some bucket re-chose its triggers');
  });
});
