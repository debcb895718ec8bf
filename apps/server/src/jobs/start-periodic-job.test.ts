import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger, type Logger } from '@vigil/core';
import { startPeriodicJob } from './start-periodic-job.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a pass runs at once and then again every interval, never two at a time', async () => {
  let active = 0;
  let most = 0;
  let passes = 0;
  const job = startPeriodicJob(
    async () => {
      active++;
      most = Math.max(most, active);
      // Slower than the interval: the next pass must wait for this one.
      await tick(15);
      passes++;
      active--;
    },
    { intervalMs: 5, logger: silentLogger, failureMessage: 'pass failed' },
  );
  await tick(80);
  await job.stop();
  assert.ok(passes >= 2, `${passes} passes`);
  assert.equal(most, 1);
});

test('a failed pass is logged and the job goes on; stop() waits for the running pass', async () => {
  const errors: string[] = [];
  const logger: Logger = { ...silentLogger, error: (_fields, message) => errors.push(message) };
  let calls = 0;
  let finished = false;
  const job = startPeriodicJob(
    async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
      await tick(20);
      finished = true;
    },
    { intervalMs: 5, logger, failureMessage: 'the pass failed' },
  );
  await tick(10);
  await job.stop();
  assert.equal(errors[0], 'the pass failed');
  assert.ok(calls >= 2, `${calls} calls`);
  assert.equal(finished, true, 'stop() returned before the running pass ended');
  const after = calls;
  await tick(20);
  assert.equal(calls, after, 'no pass after stop()');
});
