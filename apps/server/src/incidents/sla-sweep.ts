import type { Logger } from '@vigil/core';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';

export interface SlaSweep {
  /** Runs one sweep now (also what the timer does); resolves with the incidents that changed. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Records SLA breaches of open incidents (a `sla_breached` timeline entry by `system:sla`, once per
 * kind) every `intervalMs`, for every workspace. A version conflict (an analyst changed the incident
 * meanwhile, or another server swept it) is left for the next sweep.
 */
export function startSlaSweep(options: {
  cases: CasesRuntime;
  workspaces: () => Promise<string[]>;
  logger: Logger;
  intervalMs?: number;
}): SlaSweep {
  const { cases, logger } = options;
  let running: Promise<number> | undefined;
  const runOnce = (): Promise<number> => {
    running ??= (async () => {
      let changed = 0;
      for (const ws of await options.workspaces()) {
        try {
          changed += (await cases.incidentService.checkSla(ws)).length;
        } catch (err) {
          logger.warn({ err, workspace: ws }, 'SLA sweep failed for a workspace');
        }
      }
      if (changed > 0) logger.info({ changed }, 'SLA breaches recorded');
      return changed;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((err: unknown) => logger.warn({ err }, 'SLA sweep failed'));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
