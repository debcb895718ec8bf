import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { splitJsonDocuments } from '../input/json-document-splitter.ts';
import { loadRules } from './load-rules.ts';
import { sigmahqKnownRejections } from './sigmahq-known-rejections.ts';

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

describe('SigmaHQ rules', () => {
  test('conformance: every regression case matches', () => {
    const root = sharedData('sigma');
    const cases = readFileSync(join(root, 'regression/cases.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map(
        (l) =>
          JSON.parse(l) as {
            rule_id: string;
            rule_path: string;
            events_path: string;
            match_count: number | null;
          },
      );
    assert.ok(cases.length >= 150);
    const failures: string[] = [];
    for (const c of cases) {
      const r = loadRules([
        { path: c.rule_path, text: readFileSync(join(root, 'rules', c.rule_path), 'utf8') },
      ]);
      let matched = 0;
      for (const doc of splitJsonDocuments(readFileSync(join(root, 'regression', c.events_path), 'utf8'))) {
        assert.equal(typeof doc, 'string');
        const hits = r.ruleset.match(JSON.parse(doc as string));
        if (hits.some((h) => h.id === c.rule_id)) matched++;
      }
      if (r.rejected.length > 0 || matched < (c.match_count ?? 1)) {
        failures.push(
          `${c.rule_path}: matched ${matched}, want ${c.match_count ?? '≥1'} ${JSON.stringify(r.rejected)}`,
        );
      }
    }
    assert.deepEqual(failures, []);
  });

  test('the whole tree loads except exactly the known-invalid rules, each for its written-down reason', () => {
    const root = sharedData('sigma', 'rules');
    const files = ruleFiles(root);
    assert.ok(files.length >= 3700);
    const sources = files.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
    const start = performance.now();
    const r = loadRules(sources);
    const ms = performance.now() - start;
    // Timing is asserted loosely here (shared CI machines); the < 3 s figure is measured by the benchmark.
    assert.ok(ms < 30000, `load took ${ms} ms`);
    const byFile = (x: { file: string }, y: { file: string }) => x.file.localeCompare(y.file);
    assert.deepEqual(
      r.rejected.map((x) => ({ file: x.file, reason: x.reason })).sort(byFile),
      sigmahqKnownRejections.map((x) => ({ file: x.file, reason: x.reason })).sort(byFile),
    );
    for (const k of sigmahqKnownRejections) assert.ok(k.why.length > 20, k.file);
    assert.equal(r.ruleset.rules.length + r.rejected.length, files.length);
    assert.ok(r.ruleset.rules.length >= 3700);
    // With placeholder values every placeholder rule loads, the ones outside rules-placeholder too.
    const placeholderFiles = new Set(
      sigmahqKnownRejections.filter((k) => k.reason.includes('unresolved placeholder')).map((k) => k.file),
    );
    const withValues = loadRules(
      sources.filter((s) => s.path.startsWith('rules-placeholder') || placeholderFiles.has(s.path)),
      { placeholders: new Proxy({}, { get: () => ['x'] }) },
    );
    assert.deepEqual(withValues.rejected, []);
    assert.ok(withValues.ruleset.rules.length >= placeholderFiles.size);
  });
});

describe('specification examples', () => {
  test('the rule and filter examples load', () => {
    const root = sharedData('sigma', 'spec-examples');
    const sources = ['rules', 'filter'].flatMap((d) =>
      ruleFiles(join(root, d)).map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') })),
    );
    // The two rule examples share one id, so each file is loaded on its own.
    for (const src of sources) {
      const r = loadRules([src]);
      assert.deepEqual(r.rejected, [], src.path);
      if (src.path.startsWith('filter')) {
        // The filter examples name rules that are not part of the examples: a warning, not a rejection.
        assert.ok(r.warnings.some((w) => w.includes('names unknown rule')));
      } else assert.equal(r.ruleset.rules.length, 1);
    }
  });
});
