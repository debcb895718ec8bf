// Instrumentation helper: time and characters scanned by the automata per indexed field (full tree,
// OTRF or DATA=generated).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AhoCorasick } from '../src/compile/aho-corasick.ts';
import { loadRules } from '../src/index.ts';
import { generateEvents } from './generate-events.ts';

const stats = new Map<AhoCorasick, { calls: number; chars: number; n: number; ms: number }>();
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
const orig = AhoCorasick.prototype.scan;
AhoCorasick.prototype.scan = function (this: AhoCorasick, text: string, from: number, hit) {
  const s = stats.get(this) ?? { calls: 0, chars: 0, n: this.needles.length, ms: 0 };
  s.calls++;
  s.chars += text.length - from;
  stats.set(this, s);
  const t = performance.now();
  orig.call(this, text, from, hit);
  s.ms += performance.now() - t;
};
const dataRoot = join(import.meta.dirname, '../../../../shared/data');
const logDir = join(dataRoot, 'logs/windows');
const events: unknown[] = [];
for (const f of readdirSync(logDir)
  .filter((n) => n.endsWith('.jsonl.gz'))
  .sort())
  for (const l of gunzipSync(readFileSync(join(logDir, f)))
    .toString('utf8')
    .split('\n'))
    if (l.trim() !== '') events.push(JSON.parse(l));
if (process.env['DATA'] === 'generated')
  events.splice(0, events.length, ...generateEvents(20_000, 42).map((l) => JSON.parse(l) as unknown));
const ruleRoot = join(dataRoot, 'sigma/rules');
const files = readdirSync(ruleRoot, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .sort();
const { ruleset } = loadRules(
  files.map((f) => ({ path: relative(ruleRoot, f), text: readFileSync(f, 'utf8') })),
);
const rs = ruleset as unknown as {
  buckets: Map<string, { fields: { field: string; ac: AhoCorasick | null }[] }>;
};
const names = new Map<AhoCorasick, string[]>();
for (const [k, b] of rs.buckets)
  for (const f of b.fields) if (f.ac) names.set(f.ac, [...(names.get(f.ac) ?? []), `${k}:${f.field}`]);
for (const ev of events) ruleset.matchIndexes(ev);
for (const s of stats.values()) s.ms = 0;
for (const ev of events) ruleset.matchIndexes(ev);
const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
for (const [ac, s] of rows)
  console.log(s.ms.toFixed(1), 'ms', s.chars, s.calls, s.n, (names.get(ac) ?? []).slice(0, 3).join(' '));
