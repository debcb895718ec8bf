import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadRules, splitJsonDocuments } from '@vigil/sigma';
import { sharedData } from '../../../../../packages/testkit/src/shared-data.ts';
import { sysmonProcess, WHOAMI_ID, whoamiRule } from '../detection-fixture.ts';
import { MatchPool, MatchPoolFailure } from './match-pool.ts';

interface RegressionCase {
  rule_id: string;
  rule_path: string;
  events_path: string;
  match_count: number | null;
}

function regression() {
  const root = sharedData('sigma');
  const cases = readFileSync(join(root, 'regression/cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RegressionCase);
  const paths = [...new Set(cases.map((c) => c.rule_path))];
  const sources = paths.map((p) => ({ path: p, text: readFileSync(join(root, 'rules', p), 'utf8') }));
  const events = cases.map((c) =>
    splitJsonDocuments(readFileSync(join(root, 'regression', c.events_path), 'utf8')).map(
      (d) => JSON.parse(d as string) as unknown,
    ),
  );
  return { cases, sources, events };
}

const crashing = new URL('./testing/crashing-match-worker.ts', import.meta.url);

describe('match pool', () => {
  const pools: MatchPool[] = [];
  after(() => Promise.all(pools.map((p) => p.close())));
  const pool = (threads: number, crashes?: number) => {
    const p = new MatchPool({
      threads,
      minChunk: 8,
      ...(crashes === undefined
        ? {}
        : {
            workerUrl: crashing,
            workerData: { crashes: new Int32Array(new SharedArrayBuffer(4)).fill(crashes) },
          }),
    });
    pools.push(p);
    return p;
  };

  test('SigmaHQ regression cases: the same hits in the workers (split, both transfers) as on the main thread', async () => {
    const { cases, sources, events } = regression();
    assert.ok(cases.length >= 150);
    const local = loadRules(sources).ruleset;
    const clone = pool(2);
    const json = new MatchPool({ threads: 1, transfer: 'json' });
    pools.push(json);
    const [meta] = await Promise.all([json.compile('r#1', sources), clone.compile('r#1', sources)]);
    assert.deepEqual(
      meta.rules.map((r) => r.id),
      local.rules.map((r) => r.id),
      'the workers index the rules as the main thread does',
    );
    const all = events.flat();
    const want = all.map((e) => local.matchIndexes(e));
    assert.deepEqual(await json.match('r#1', all), want);
    assert.deepEqual(await clone.match('r#1', all), want);
    // Every case's rule fires in the pool as often as the case says.
    const pooled = await clone.match('r#1', all);
    let at = 0;
    const failures: string[] = [];
    for (const [k, c] of cases.entries()) {
      const n = events[k]?.length ?? 0;
      const matched = pooled
        .slice(at, at + n)
        .filter((h) => h.some((i) => meta.rules[i]?.id === c.rule_id)).length;
      at += n;
      if (matched < (c.match_count ?? 1)) failures.push(`${c.rule_path}: ${matched}`);
    }
    assert.deepEqual(failures, []);
  });

  test('a new version is matched beside the old one until the old one is dropped', async () => {
    const p = pool(1);
    const event = sysmonProcess('C:\\x\\whoami.exe');
    await p.compile('ws#1', [{ path: 'a.yml', text: whoamiRule() }]);
    const none = await p.compile('ws#2', []);
    assert.equal(none.rules.length, 0);
    assert.deepEqual(await p.match('ws#1', [event]), [[0]]);
    assert.deepEqual(await p.match('ws#2', [event]), [[]]);
    p.drop('ws#1');
    await assert.rejects(p.match('ws#1', [event]), MatchPoolFailure);
    assert.equal(p.counters.mainThreadFallbacks, 1);
  });

  test('a worker that dies is restarted with the live rulesets and its batch is retried', async () => {
    const p = pool(1, 1);
    await p.compile('ws#1', [{ path: 'a.yml', text: whoamiRule() }]);
    const batch = p.match('ws#1', [sysmonProcess('C:\\x\\whoami.exe'), sysmonProcess('C:\\x\\cmd.exe')]);
    assert.deepEqual(await batch, [[0], []]);
    assert.equal(p.counters.workerRestarts, 1);
    assert.equal(p.counters.batchRetries, 1);
    assert.deepEqual(await p.match('ws#1', [sysmonProcess('C:\\y\\whoami.exe')]), [[0]]);
  });

  test('a batch that kills its worker twice is refused (for the main thread) and counted', async () => {
    const p = pool(1, 1_000);
    const meta = await p.compile('ws#1', [{ path: 'a.yml', text: whoamiRule() }]);
    assert.equal(meta.rules[0]?.id, WHOAMI_ID);
    await assert.rejects(p.match('ws#1', [sysmonProcess('C:\\x\\whoami.exe')]), MatchPoolFailure);
    assert.deepEqual(p.counters, { workerRestarts: 2, batchRetries: 1, mainThreadFallbacks: 1 });
  });
});
