import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../../testkit/src/shared-data.ts';
import { loadRules } from '../engine/load-rules.ts';

const rule = (id: string, level: string | string[]) =>
  JSON.stringify({
    title: `Integrity ${id}`,
    id,
    logsource: { category: 'process_creation', product: 'windows' },
    detection: { selection: { IntegrityLevel: level }, condition: 'selection' },
  });

const { ruleset, rejected } = loadRules([
  { path: 'high.yml', text: rule('high', 'High') },
  { path: 'system.yml', text: rule('system', ['System', 'S-1-16-16384']) },
  { path: 'medium-plus.yml', text: rule('medium-plus', 'Medium Plus') },
  { path: 'sid.yml', text: rule('sid', 'S-1-16-8192') },
]);

const security4688 = (label: unknown) => ({
  EventID: 4688,
  Channel: 'Security',
  NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
  MandatoryLabel: label,
});
const ids = (event: unknown) => ruleset.match(event).map((r) => r.id);

describe('IntegrityLevel on Security 4688 (MandatoryLabel SIDs)', () => {
  test('mandatory-label SIDs match the Sysmon words, and the SIDs themselves', () => {
    assert.deepEqual(rejected, []);
    assert.deepEqual(ids(security4688('S-1-16-12288')), ['high']);
    assert.deepEqual(ids(security4688('S-1-16-16384')), ['system']);
    assert.deepEqual(ids(security4688('S-1-16-8448')), ['medium-plus']);
    assert.deepEqual(ids(security4688('S-1-16-8192')), ['sid']);
    assert.deepEqual(ids(security4688('s-1-16-12288')), ['high'], 'SIDs compare case-insensitively');
    assert.deepEqual(ids(security4688('S-1-16-4096')), []);
    assert.deepEqual(ids(security4688('S-1-16-99999')), [], 'unknown labels stay SIDs');
    assert.deepEqual(ids(security4688(undefined)), []);
  });

  test('Sysmon events keep matching on their own IntegrityLevel words', () => {
    const sysmon = {
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Image: 'C:\\x.exe',
      IntegrityLevel: 'High',
    };
    assert.deepEqual(ids(sysmon), ['high']);
    assert.deepEqual(ids({ ...sysmon, IntegrityLevel: 'S-1-16-12288' }), []);
  });

  test('every high-integrity 4688 of the OTRF recordings matches `IntegrityLevel: High`', () => {
    const dir = join(sharedData('logs'), 'windows');
    let high = 0;
    let matched = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl.gz'))) {
      for (const line of gunzipSync(readFileSync(join(dir, f)))
        .toString('utf8')
        .split('\n')) {
        if (!line.includes('"MandatoryLabel"')) continue;
        const ev = JSON.parse(line) as Record<string, unknown>;
        if (String(ev['EventID']) !== '4688') continue;
        if (ev['MandatoryLabel'] === 'S-1-16-12288') high++;
        if (ids(ev).includes('high')) matched++;
      }
    }
    assert.ok(high > 0, 'the recordings hold high-integrity process creations');
    assert.equal(matched, high);
  });
});
