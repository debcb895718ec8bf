import type { Clock, EventSearch, Logger, MetadataStore } from '@vigil/core';
import type { VigilConfig } from '@vigil/config';
import type { QueryPlan } from '@vigil/query';
import { RecordScheduledRuleStore } from '@vigil/cases';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';
import { startScheduledRuleRunner, type ScheduledRuleRunner } from './scheduled-rule-runner.ts';
import { scheduledAlertIntake } from './scheduled-alert-intake.ts';
import { startLedgerRetentionJob } from './ledger-retention-job.ts';
import {
  runsScheduledRules,
  scheduledRunnerSettings,
  type ScheduledRuleProcess,
} from './scheduled-rules-settings.ts';

export interface ScheduledRulesDeps {
  config: VigilConfig;
  process: ScheduledRuleProcess;
  /** The records table holding definitions, scheduler state and the run ledger. */
  metadata: MetadataStore;
  search: EventSearch<QueryPlan> | undefined;
  cases: CasesRuntime;
  workspaces: () => Promise<string[]>;
  clock: Clock;
  logger: Logger;
  /** Names this process in the ledger's claims (default: random). */
  instanceId?: string;
}

export interface RunningScheduledRules {
  /** Present when this process runs the scheduler (`scheduledRules.runIn`). */
  runner?: ScheduledRuleRunner;
  stop(): Promise<void>;
}

/**
 * The scheduled-rule jobs of one process (`vigil serve` or `vigil worker`): the runner when
 * `scheduledRules.runIn` names this process, and — in `vigil serve`, beside the other retention jobs —
 * the hourly retention of the run history. Interval claims keep several runners from running an
 * interval twice, so any mix of processes is safe.
 */
export function startScheduledRules(deps: ScheduledRulesDeps): RunningScheduledRules {
  const { config, logger } = deps;
  const store = new RecordScheduledRuleStore(deps.metadata);
  const settings = scheduledRunnerSettings(config);
  const stops: (() => Promise<void>)[] = [];
  let runner: ScheduledRuleRunner | undefined;
  if (runsScheduledRules(config, deps.process)) {
    runner = startScheduledRuleRunner({
      store,
      search: deps.search,
      intake: scheduledAlertIntake(deps.cases),
      workspaces: deps.workspaces,
      clock: deps.clock,
      logger,
      ...settings,
      ...(deps.instanceId === undefined ? {} : { instanceId: deps.instanceId }),
    });
    stops.push(() => runner?.stop() ?? Promise.resolve());
  } else {
    logger.info({ runIn: config.scheduledRules.runIn }, 'scheduled rules run in another process');
  }
  if (deps.process === 'serve') {
    const retention = startLedgerRetentionJob({
      store,
      workspaces: deps.workspaces,
      clock: deps.clock,
      logger,
      retentionDays: config.scheduledRules.ledgerRetentionDays,
      gapRetentionDays: config.scheduledRules.gapRetentionDays,
    });
    stops.push(() => retention.stop());
  }
  return {
    ...(runner === undefined ? {} : { runner }),
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
