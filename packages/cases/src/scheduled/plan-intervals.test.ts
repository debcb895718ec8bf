import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignDown, coverWindows, nextDueAt, planIntervals, type TimeRange } from './plan-intervals.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);

/** A deterministic pseudo-random sequence (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Drives the planner like a runner: ticks at irregular times, restarts (state = coveredUntil only). */
function simulate(opts: { intervalMs: number; delayMs: number; maxCatchUp: number; ticks: number[] }) {
  let covered = alignDown(T0 - opts.delayMs, opts.intervalMs);
  const start = covered;
  const runs: TimeRange[] = [];
  const gaps: TimeRange[] = [];
  for (const now of opts.ticks) {
    const plan = planIntervals({ coveredUntil: covered, now, ...opts });
    for (const g of plan.gaps) {
      assert.equal(g.start, covered, 'a gap starts where coverage stopped');
      gaps.push(g);
      covered = g.end;
    }
    for (const r of plan.runs) {
      assert.equal(r.start, covered, 'each run starts where the previous one ended');
      assert.ok(r.end <= now - opts.delayMs, 'never runs an interval before its end + delay');
      runs.push({ start: r.start, end: r.end });
      covered = r.end;
    }
  }
  return { start, covered, runs, gaps };
}

/** Every ms in [start, covered) lies in exactly one run or gap. */
function assertExactlyOnce(start: number, covered: number, ranges: TimeRange[]): void {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let at = start;
  for (const r of sorted) {
    assert.equal(r.start, at, `hole or overlap at ${new Date(at).toISOString()}`);
    assert.ok(r.end > r.start);
    at = r.end;
  }
  assert.equal(at, covered);
}

test('irregular ticks cover event time exactly once, in aligned windows, none before end + delay', () => {
  const rnd = lcg(7);
  const ticks: number[] = [];
  let now = T0;
  for (let i = 0; i < 500; i++) {
    now += Math.floor(rnd() * 3 * MIN);
    ticks.push(now);
  }
  const { start, covered, runs, gaps } = simulate({
    intervalMs: 5 * MIN,
    delayMs: 2 * MIN,
    maxCatchUp: 1000,
    ticks,
  });
  assert.deepEqual(gaps, []);
  assertExactlyOnce(start, covered, runs);
  assert.ok(covered > alignDown(now - 2 * MIN, 5 * MIN) - 5 * MIN, 'coverage keeps up with now − delay');
  for (const r of runs) assert.equal(r.start % (5 * MIN), 0);
});

test('a tick that comes twice at the same time (two runners, or a restart) plans nothing the second time', () => {
  const first = planIntervals({
    coveredUntil: T0,
    now: T0 + 3 * MIN + 5,
    intervalMs: MIN,
    delayMs: 0,
    maxCatchUp: 10,
  });
  assert.equal(first.runs.length, 3);
  const covered = first.runs.at(-1)?.end ?? T0;
  const again = planIntervals({
    coveredUntil: covered,
    now: T0 + 3 * MIN + 5,
    intervalMs: MIN,
    delayMs: 0,
    maxCatchUp: 10,
  });
  assert.deepEqual(again, { runs: [], gaps: [] });
});

test('the delay holds an interval back until its late events have arrived', () => {
  const input = { coveredUntil: T0, intervalMs: 5 * MIN, delayMs: 2 * MIN, maxCatchUp: 10 };
  // The interval [T0, T0+5m) ends at T0+5m: not due before T0+7m.
  assert.deepEqual(planIntervals({ ...input, now: T0 + 6 * MIN }).runs, []);
  assert.deepEqual(planIntervals({ ...input, now: T0 + 7 * MIN }).runs, [
    { start: T0, end: T0 + 5 * MIN, late: false },
  ]);
  assert.equal(nextDueAt(T0, 5 * MIN, 2 * MIN), T0 + 7 * MIN);
});

test('downtime within the catch-up bound is caught up (marked late); longer downtime is reported as a gap', () => {
  const caughtUp = planIntervals({
    coveredUntil: T0,
    now: T0 + 4 * MIN,
    intervalMs: MIN,
    delayMs: 0,
    maxCatchUp: 5,
  });
  assert.deepEqual(caughtUp.gaps, []);
  assert.deepEqual(
    caughtUp.runs.map((r) => [r.start - T0, r.end - T0, r.late]),
    [
      [0, MIN, true],
      [MIN, 2 * MIN, true],
      [2 * MIN, 3 * MIN, true],
      [3 * MIN, 4 * MIN, false],
    ],
  );
  const down = planIntervals({
    coveredUntil: T0,
    now: T0 + 60 * MIN + 30_000,
    intervalMs: MIN,
    delayMs: 0,
    maxCatchUp: 5,
  });
  assert.deepEqual(down.gaps, [{ start: T0, end: T0 + 55 * MIN }]);
  assert.deepEqual(
    down.runs.map((r) => r.start - T0),
    [55, 56, 57, 58, 59].map((m) => m * MIN),
  );
  // Every ms is accounted for: the gap plus the runs.
  assertExactlyOnce(T0, T0 + 60 * MIN, [...down.gaps, ...down.runs]);
});

test('restarts with downtime: runs and gaps together still tile event time with no hole or overlap', () => {
  const rnd = lcg(42);
  const ticks: number[] = [];
  let now = T0;
  for (let i = 0; i < 300; i++) {
    // Mostly every minute, sometimes down for up to 3 hours.
    now += rnd() < 0.05 ? Math.floor(rnd() * 180 * MIN) : MIN;
    ticks.push(now);
  }
  const { start, covered, runs, gaps } = simulate({
    intervalMs: 2 * MIN,
    delayMs: 30_000,
    maxCatchUp: 10,
    ticks,
  });
  assert.ok(gaps.length > 0, 'the long outages produced gaps');
  assertExactlyOnce(start, covered, [...runs, ...gaps]);
});

test('an interval change resumes with one short window up to the next boundary', () => {
  const covered = T0 + 2 * MIN; // aligned to 1 min, not to 5 min
  const plan = planIntervals({
    coveredUntil: covered,
    now: T0 + 11 * MIN,
    intervalMs: 5 * MIN,
    delayMs: 0,
    maxCatchUp: 10,
  });
  assert.deepEqual(
    plan.runs.map((r) => [r.start - T0, r.end - T0]),
    [
      [2 * MIN, 5 * MIN],
      [5 * MIN, 10 * MIN],
    ],
  );
});

test('a simulation range is split at the interval boundaries, ends included', () => {
  assert.deepEqual(coverWindows(T0 + 90_000, T0 + 200_000, MIN), [
    { start: T0 + 90_000, end: T0 + 120_000 },
    { start: T0 + 120_000, end: T0 + 180_000 },
    { start: T0 + 180_000, end: T0 + 200_000 },
  ]);
  assert.deepEqual(coverWindows(T0, T0, MIN), []);
});
