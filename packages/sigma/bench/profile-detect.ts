// Profiling helper: full SigmaHQ tree over the OTRF events, or generated ones with DATA=generated
// (run with `node --cpu-prof`; REPS passes).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadRules } from '../src/index.ts';
import { generateEvents } from './generate-events.ts';

const dataRoot = process.env['VIGIL_SHARED_DATA'] ?? join(import.meta.dirname, '../../../../shared/data');
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
const reps = Number(process.env['REPS'] ?? 4);
let m = 0;
const t = performance.now();
for (let r = 0; r < reps; r++) for (const ev of events) m += ruleset.matchIndexes(ev).length;
const s = (performance.now() - t) / 1000;
console.log(
  JSON.stringify({
    events: events.length * reps,
    matches: m,
    events_per_s: Math.round((events.length * reps) / s),
  }),
);
