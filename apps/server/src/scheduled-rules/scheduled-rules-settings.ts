import { userError } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import type { ScheduledRunnerOptions } from './scheduled-rule-runner.ts';
import type { SimulationLimits } from './simulate-scheduled-rule.ts';

/** The process asking whether it runs scheduled rules. */
export type ScheduledRuleProcess = 'serve' | 'worker';

/**
 * Whether this process runs the scheduler (`scheduledRules.runIn`). Embedded mode has no worker, so
 * `vigil serve` runs the rules there unless they are switched off (`none`), whatever else is set.
 */
export function runsScheduledRules(config: VigilConfig, process: ScheduledRuleProcess): boolean {
  const runIn = config.scheduledRules.runIn;
  if (runIn === 'none') return false;
  if (process === 'serve' && config.mode === 'embedded') return true;
  return runIn === 'both' || runIn === process;
}

type RunnerSettings = Required<
  Pick<
    ScheduledRunnerOptions,
    'tickMs' | 'maxCatchUp' | 'maxAttempts' | 'leaseMs' | 'maxEventsPerRun' | 'queryTimeoutMs'
  >
>;

/**
 * The runner's tuning from the configuration. A take-over lease no longer than the query timeout would
 * let a second runner take a run that is still legitimately working, so that combination is refused.
 */
export function scheduledRunnerSettings(config: VigilConfig): RunnerSettings {
  const s = config.scheduledRules;
  if (s.leaseSeconds <= s.queryTimeoutSeconds) {
    throw userError(
      'CONFIG_INVALID',
      'invalid configuration: scheduledRules.leaseSeconds must be greater than scheduledRules.queryTimeoutSeconds',
      { details: { field: 'scheduledRules.leaseSeconds' } },
    );
  }
  return {
    tickMs: s.tickSeconds * 1000,
    maxCatchUp: s.maxCatchUpIntervals,
    maxAttempts: s.maxAttempts,
    leaseMs: s.leaseSeconds * 1000,
    maxEventsPerRun: s.maxEventsPerRun,
    queryTimeoutMs: s.queryTimeoutSeconds * 1000,
  };
}

/** The dry-run limits of the simulate route. */
export function simulationLimits(config: VigilConfig): SimulationLimits {
  const s = config.scheduledRules;
  return {
    maxRangeMs: s.simulationMaxDays * 86_400_000,
    maxWindows: s.simulationMaxWindows,
    maxEventsPerWindow: s.maxEventsPerRun,
    timeoutMs: s.simulationQueryTimeoutSeconds * 1000,
  };
}
