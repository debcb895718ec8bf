import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { loadRules } from './load-rules.ts';
import { loadRulesSliced } from './load-rules-sliced.ts';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((f) => ({ path: relative(dir, f), text: readFileSync(f, 'utf8') }));
}

describe('loadRulesSliced', () => {
  test('compiles the same ruleset as loadRules while letting other work run between slices', async () => {
    const srcs = sources(join(sharedData('sigma'), 'rules/rules/windows/process_creation'));
    assert.ok(srcs.length > 500);
    // A clock that moves 1 ms per reading makes the slicing deterministic: a pause every ~10 steps.
    let t = 0;
    let pauses = 0;
    let otherWork = 0;
    const ticker = setInterval(() => otherWork++, 0);
    const sliced = await loadRulesSliced(
      srcs,
      {},
      {
        now: () => t++,
        pause: () => {
          pauses++;
          return new Promise((r) => setImmediate(r));
        },
        sliceMs: 10,
      },
    );
    clearInterval(ticker);
    const whole = loadRules(srcs);
    assert.ok(pauses > srcs.length / 10, `pauses: ${pauses}`);
    assert.ok(otherWork > 0, 'timers ran while the ruleset compiled');
    assert.deepEqual(
      sliced.ruleset.rules.map((r) => r.id),
      whole.ruleset.rules.map((r) => r.id),
    );
    assert.deepEqual(sliced.rejected, whole.rejected);
    const event = {
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Image: 'C:\\Windows\\System32\\whoami.exe',
      OriginalFileName: 'whoami.exe',
      CommandLine: 'whoami /priv',
      ParentImage: 'C:\\Windows\\System32\\cmd.exe',
    };
    const matched = sliced.ruleset.match(event).map((r) => r.id);
    assert.ok(matched.length > 0);
    assert.deepEqual(
      matched,
      whole.ruleset.match(event).map((r) => r.id),
    );
  });
});
