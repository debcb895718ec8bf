import { randomIds, systemClock, type Clock, type IdGenerator } from '@vigil/core';
import {
  AlertAggregator,
  AlertService,
  IncidentGrouper,
  IncidentService,
  MemoryAlertRepository,
  MemoryIncidentRepository,
  MemorySuppressedHitLedger,
  MemorySuppressionRuleRepository,
  type AlertRepository,
  type GroupingOptions,
  type IncidentRepository,
  type SuppressedHitLedger,
  type SuppressionRuleRepository,
} from '@vigil/cases';
import { AlertNotifier } from './alert-notifier.ts';

/** The cases repositories a composition root provides (SQLite, PostgreSQL or memory). */
export interface CasesStores {
  alerts: AlertRepository;
  incidents: IncidentRepository;
  suppressions: SuppressionRuleRepository;
  ledger: SuppressedHitLedger;
}

/** Everything the alert pipeline and the alert/incident routes share. */
export interface CasesRuntime extends CasesStores {
  clock: Clock;
  ids: IdGenerator;
  aggregator: AlertAggregator;
  grouper: IncidentGrouper;
  alertService: AlertService;
  incidentService: IncidentService;
  /** New alerts, for the live stream. */
  notifier: AlertNotifier;
}

export interface CasesRuntimeOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Automatic incident grouping; on unless `enabled: false`. */
  grouping?: GroupingOptions;
}

/** Wires the pure cases services over a set of repositories. */
export function createCasesRuntime(stores: CasesStores, options: CasesRuntimeOptions = {}): CasesRuntime {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const { alerts, incidents, suppressions, ledger } = stores;
  return {
    alerts,
    incidents,
    suppressions,
    ledger,
    clock,
    ids,
    aggregator: new AlertAggregator({ alerts, suppressions, ledger, clock, ids }),
    grouper: new IncidentGrouper({
      alerts,
      incidents,
      clock,
      ids,
      ...(options.grouping ? { options: options.grouping } : {}),
    }),
    alertService: new AlertService({ alerts, clock }),
    incidentService: new IncidentService({ alerts, incidents, clock, ids }),
    notifier: new AlertNotifier(),
  };
}

/** In-memory cases stores (tests, and servers built without storage-backed cases). */
export function memoryCasesStores(): CasesStores {
  return {
    alerts: new MemoryAlertRepository(),
    incidents: new MemoryIncidentRepository(),
    suppressions: new MemorySuppressionRuleRepository(),
    ledger: new MemorySuppressedHitLedger(),
  };
}
