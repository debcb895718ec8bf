import { Type } from '@sinclair/typebox';

/** The processes that may run scheduled query rules (interval claims make several runners safe). */
export const SCHEDULED_RULE_RUNNERS = ['both', 'serve', 'worker', 'none'] as const;

/** The `scheduledRules.*` settings: the scheduler of scheduled query rules (docs/scheduled-rules.md). */
export const ScheduledRulesSection = Type.Object(
  {
    runIn: Type.Union(
      SCHEDULED_RULE_RUNNERS.map((value) => Type.Literal(value)),
      {
        default: 'both',
        env: 'VIGIL_SCHEDULED_RULES_RUN_IN',
        description:
          'Which processes run scheduled rules: both (`vigil serve` and `vigil worker`), serve, worker, or none. Embedded mode has no worker: there `vigil serve` runs them unless none.',
      },
    ),
    tickSeconds: Type.Integer({
      minimum: 1,
      maximum: 300,
      default: 15,
      env: 'VIGIL_SCHEDULED_RULES_TICK_SECONDS',
      description:
        'How often (1–300 s) a runner looks for due intervals; a run starts at most this long after its interval is due.',
    }),
    maxCatchUpIntervals: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 60,
      env: 'VIGIL_SCHEDULED_RULES_MAX_CATCH_UP',
      description:
        'Missed intervals (1–10000) a rule catches up per tick after downtime; older missed ones are recorded as one gap.',
    }),
    maxAttempts: Type.Integer({
      minimum: 1,
      maximum: 20,
      default: 3,
      env: 'VIGIL_SCHEDULED_RULES_MAX_ATTEMPTS',
      description:
        'Attempts (1–20) of a failing interval, retried on later ticks, before it stays failed and counts as a gap.',
    }),
    leaseSeconds: Type.Integer({
      minimum: 60,
      maximum: 86_400,
      default: 600,
      env: 'VIGIL_SCHEDULED_RULES_LEASE_SECONDS',
      description:
        'After this long (60–86400 s) an unfinished run (its runner died) may be taken over by another runner; must exceed queryTimeoutSeconds.',
    }),
    queryTimeoutSeconds: Type.Integer({
      minimum: 1,
      maximum: 3_600,
      default: 60,
      env: 'VIGIL_SCHEDULED_RULES_QUERY_TIMEOUT_SECONDS',
      description: 'Time limit (1–3600 s) of one scheduled run’s query; a timeout fails the run (retried).',
    }),
    maxEventsPerRun: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 50_000,
      env: 'VIGIL_SCHEDULED_RULES_MAX_EVENTS_PER_RUN',
      description:
        'Events (1–1000000) one run, or one simulated window, reads at most; beyond, the run is marked truncated.',
    }),
    simulationMaxDays: Type.Integer({
      minimum: 1,
      maximum: 366,
      default: 31,
      env: 'VIGIL_SCHEDULED_RULES_SIMULATION_MAX_DAYS',
      description: 'Longest range (1–366 days) a simulation (dry run) of a scheduled rule may cover.',
    }),
    simulationMaxWindows: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 2_000,
      env: 'VIGIL_SCHEDULED_RULES_SIMULATION_MAX_WINDOWS',
      description: 'Intervals (1–100000) one simulation may evaluate, so a dry run stays interactive.',
    }),
    simulationQueryTimeoutSeconds: Type.Integer({
      minimum: 1,
      maximum: 600,
      default: 30,
      env: 'VIGIL_SCHEDULED_RULES_SIMULATION_QUERY_TIMEOUT_SECONDS',
      description: 'Time limit (1–600 s) of each window’s query in a simulation.',
    }),
    ledgerRetentionDays: Type.Integer({
      minimum: 1,
      maximum: 3_650,
      default: 30,
      env: 'VIGIL_SCHEDULED_RULES_LEDGER_RETENTION_DAYS',
      description:
        'Days (1–3650) the run history keeps an entry after its interval ended; removed hourly by `vigil serve`.',
    }),
    gapRetentionDays: Type.Integer({
      minimum: 1,
      maximum: 3_650,
      default: 90,
      env: 'VIGIL_SCHEDULED_RULES_GAP_RETENTION_DAYS',
      description:
        'Days (1–3650) gap and finally failed entries stay in the run history, so they are noticed; never less than ledgerRetentionDays.',
    }),
  },
  { additionalProperties: false },
);
