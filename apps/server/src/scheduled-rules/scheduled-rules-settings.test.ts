import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '@vigil/config';
import { runsScheduledRules, scheduledRunnerSettings, simulationLimits } from './scheduled-rules-settings.ts';

const config = (env: Record<string, string>) => loadConfig({ env });

test('runIn decides which processes run scheduled rules; embedded serve always runs them unless none', () => {
  const table: [string, string, boolean, boolean][] = [
    // mode, runIn, serve runs, worker runs
    ['distributed', 'both', true, true],
    ['distributed', 'serve', true, false],
    ['distributed', 'worker', false, true],
    ['distributed', 'none', false, false],
    ['embedded', 'worker', true, true],
    ['embedded', 'none', false, false],
  ];
  for (const [mode, runIn, serve, worker] of table) {
    const c = config({ VIGIL_MODE: mode, VIGIL_SCHEDULED_RULES_RUN_IN: runIn });
    assert.equal(runsScheduledRules(c, 'serve'), serve, `${mode}/${runIn} serve`);
    assert.equal(runsScheduledRules(c, 'worker'), worker, `${mode}/${runIn} worker`);
  }
  assert.equal(config({}).scheduledRules.runIn, 'both');
});

test('the runner and simulation settings come from the configuration, defaults as documented', () => {
  assert.deepEqual(scheduledRunnerSettings(config({})), {
    tickMs: 15_000,
    maxCatchUp: 60,
    maxAttempts: 3,
    leaseMs: 600_000,
    maxEventsPerRun: 50_000,
    queryTimeoutMs: 60_000,
  });
  const tuned = config({
    VIGIL_SCHEDULED_RULES_TICK_SECONDS: '5',
    VIGIL_SCHEDULED_RULES_MAX_CATCH_UP: '10',
    VIGIL_SCHEDULED_RULES_MAX_ATTEMPTS: '5',
    VIGIL_SCHEDULED_RULES_LEASE_SECONDS: '120',
    VIGIL_SCHEDULED_RULES_QUERY_TIMEOUT_SECONDS: '90',
    VIGIL_SCHEDULED_RULES_MAX_EVENTS_PER_RUN: '1000',
    VIGIL_SCHEDULED_RULES_SIMULATION_MAX_DAYS: '7',
    VIGIL_SCHEDULED_RULES_SIMULATION_MAX_WINDOWS: '100',
    VIGIL_SCHEDULED_RULES_SIMULATION_QUERY_TIMEOUT_SECONDS: '10',
  });
  assert.deepEqual(scheduledRunnerSettings(tuned), {
    tickMs: 5000,
    maxCatchUp: 10,
    maxAttempts: 5,
    leaseMs: 120_000,
    maxEventsPerRun: 1000,
    queryTimeoutMs: 90_000,
  });
  assert.deepEqual(simulationLimits(tuned), {
    maxRangeMs: 7 * 86_400_000,
    maxWindows: 100,
    maxEventsPerWindow: 1000,
    timeoutMs: 10_000,
  });
});

test('out-of-bounds values are refused naming the key; a lease not above the query timeout too', () => {
  assert.throws(
    () => config({ VIGIL_SCHEDULED_RULES_TICK_SECONDS: '0' }),
    (err: Error & { code?: string }) =>
      err.code === 'CONFIG_INVALID' && /scheduledRules\.tickSeconds/.test(err.message),
  );
  assert.throws(() => config({ VIGIL_SCHEDULED_RULES_RUN_IN: 'everywhere' }), /scheduledRules\.runIn/);
  assert.throws(
    () =>
      scheduledRunnerSettings(
        config({
          VIGIL_SCHEDULED_RULES_LEASE_SECONDS: '60',
          VIGIL_SCHEDULED_RULES_QUERY_TIMEOUT_SECONDS: '60',
        }),
      ),
    (err: Error & { code?: string }) =>
      err.code === 'CONFIG_INVALID' && /scheduledRules\.leaseSeconds/.test(err.message),
  );
});
