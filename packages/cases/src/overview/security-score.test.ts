import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultScoreTargets, scoreWeights, securityScore, type ScoreInputs } from './security-score.ts';

const HOUR = 3_600_000;
const healthy: ScoreInputs = {
  openAlerts: { informational: 3, low: 2, medium: 1, high: 0, critical: 0 },
  openIncidents: 0,
  outstandingSlaBreaches: 0,
  mttaMs: 10 * 60_000,
  mttrMs: 2 * HOUR,
  enabledRules: 40,
  ingest: { received: 1000, failed: 0, dropped: 0 },
};

test('the weights add up to 100 and a healthy workspace scores 100', () => {
  assert.equal(
    Object.values(scoreWeights).reduce((s, w) => s + w, 0),
    100,
  );
  const s = securityScore(healthy);
  assert.equal(s.score, 100);
  assert.equal(s.inputs.length, 6);
  for (const i of s.inputs) {
    assert.equal(i.contribution, i.weight, i.id);
    assert.ok(i.explanation.length > 20, i.id);
  }
});

test('each input loses points in proportion and says why', () => {
  const s = securityScore({
    ...healthy,
    openAlerts: { ...healthy.openAlerts, critical: 2, high: 4 },
    openIncidents: 5,
    outstandingSlaBreaches: 1,
    mttaMs: 2 * HOUR,
    enabledRules: 5,
    ingest: { received: 1000, failed: 150, dropped: 50 },
  });
  const by = Object.fromEntries(s.inputs.map((i) => [i.id, i]));
  // (3 × 2 + 4) ÷ 20 = 0.5 of 25
  assert.equal(by['open_critical_high_alerts']?.value, 6);
  assert.equal(by['open_critical_high_alerts']?.contribution, 12.5);
  assert.match(by['open_critical_high_alerts']?.explanation ?? '', /2 critical and 4 high/);
  assert.equal(by['open_incidents']?.contribution, 7.5);
  assert.equal(by['sla_breaches']?.contribution, 16);
  // MTTA twice its target (health 0.5), MTTR within (1): mean 0.75 of 15
  assert.equal(by['response_times']?.contribution, 11.25);
  assert.match(by['response_times']?.explanation ?? '', /MTTA 2 h \(target 1 h\)/);
  assert.equal(by['detection_coverage']?.contribution, 2.5);
  // 200 of 1000 bad → 0.8 of 15
  assert.equal(by['ingest_health']?.contribution, 12);
  assert.equal(s.score, Math.round(12.5 + 7.5 + 16 + 11.25 + 2.5 + 12));
});

test('inputs are clamped: a flood of alerts and no ingest earn nothing, never negative', () => {
  const s = securityScore({
    ...healthy,
    openAlerts: { ...healthy.openAlerts, critical: 100 },
    openIncidents: 50,
    outstandingSlaBreaches: 9,
    enabledRules: 0,
    ingest: { received: 0, failed: 0, dropped: 0 },
  });
  for (const i of s.inputs) assert.ok(i.contribution >= 0 && i.contribution <= i.weight, i.id);
  // Only response times (within target) still earn points.
  assert.equal(s.score, scoreWeights.response_times);
  assert.match(s.inputs.find((i) => i.id === 'ingest_health')?.explanation ?? '', /No events/);
});

test('response times without data earn full marks, and targets are configurable', () => {
  const { mttaMs: _a, mttrMs: _r, ...noTimes } = healthy;
  const s = securityScore(noTimes);
  assert.equal(s.inputs.find((i) => i.id === 'response_times')?.contribution, 15);
  const strict = securityScore(healthy, { ...defaultScoreTargets, mttaMs: 5 * 60_000, minEnabledRules: 80 });
  const by = Object.fromEntries(strict.inputs.map((i) => [i.id, i]));
  assert.equal(by['detection_coverage']?.contribution, 5);
  assert.ok((by['response_times']?.contribution ?? 15) < 15);
});
