import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerCutoff, ledgerEntryExpired, ledgerScanEnd } from './ledger-retention.ts';
import type { RunStatus, ScheduledRun } from './scheduled-run.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 30);

function entry(status: RunStatus, end: number): ScheduledRun {
  return {
    ruleId: 'r1',
    ruleVersion: 1,
    start: end - 60_000,
    end,
    queryFrom: end - 60_000,
    queryTo: end,
    status,
    late: false,
    simulated: false,
    attempts: 1,
    claimedAt: end,
    claimedBy: 'runner',
    hits: 0,
    truncated: false,
    groups: 0,
    firings: [],
    suppressed: 0,
    alertIds: [],
  };
}

test('routine runs expire after the retention, gaps and failures after the longer gap retention', () => {
  const cutoff = ledgerCutoff(NOW, 30, 90);
  assert.deepEqual(cutoff, { before: NOW - 30 * DAY, gapsBefore: NOW - 90 * DAY });
  assert.equal(ledgerEntryExpired(entry('ok', NOW - 30 * DAY), cutoff), true, 'ended exactly at the cut');
  assert.equal(ledgerEntryExpired(entry('ok', NOW - 30 * DAY + 1), cutoff), false);
  assert.equal(ledgerEntryExpired(entry('running', NOW - 31 * DAY), cutoff), true);
  for (const status of ['gap', 'failed'] as const) {
    assert.equal(ledgerEntryExpired(entry(status, NOW - 31 * DAY), cutoff), false, status);
    assert.equal(ledgerEntryExpired(entry(status, NOW - 90 * DAY), cutoff), true, status);
  }
  assert.equal(ledgerScanEnd(cutoff), NOW - 30 * DAY);
});

test('gaps are never removed sooner than routine runs, and no cutoff removes everything', () => {
  const cutoff = ledgerCutoff(NOW, 60, 7);
  assert.equal(cutoff.gapsBefore, cutoff.before);
  assert.equal(ledgerEntryExpired(entry('gap', NOW - 59 * DAY), cutoff), false);
  assert.equal(ledgerEntryExpired(entry('ok', NOW), undefined), true);
  assert.equal(ledgerScanEnd(undefined), Number.POSITIVE_INFINITY);
});
