import { randomIds, systemClock, type Clock, type IdGenerator, type MetadataStore } from '@vigil/core';
import {
  AlertAggregator,
  AlertService,
  IncidentGrouper,
  IncidentService,
  MemoryAlertRepository,
  MemoryAttachmentRepository,
  MemoryIncidentRepository,
  MemorySuppressedHitLedger,
  MemorySuppressionRuleRepository,
  type AlertRepository,
  type AttachmentRepository,
  type GroupingOptions,
  type IncidentRepository,
  type SuppressedHitLedger,
  type SuppressionRuleRepository,
} from '@vigil/cases';
import { AlertNotifier } from './alert-notifier.ts';
import { MemoryMetadataStore } from '../auth/memory-metadata-store.ts';
import { SlaPolicyStore } from '../incidents/sla-policy-store.ts';
import { RuleAlertingStore } from './rule-alerting-store.ts';
import { UserNotificationStore } from '../incidents/user-notification-store.ts';
import { RelationshipStore } from '../incidents/relationship-store.ts';

/** The cases repositories a composition root provides (SQLite, PostgreSQL or memory). */
export interface CasesStores {
  alerts: AlertRepository;
  incidents: IncidentRepository;
  suppressions: SuppressionRuleRepository;
  ledger: SuppressedHitLedger;
  attachments: AttachmentRepository;
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
  /** Per-workspace incident SLA policies (records table). */
  slaPolicies: SlaPolicyStore;
  /** Rules' alerting settings (dedup fields and window), used by the aggregator. */
  ruleAlerting: RuleAlertingStore;
  /** Per-user in-app notifications (mentions in incident comments). */
  userNotifications: UserNotificationStore;
  /** Indicator and asset links of alerts and incidents. */
  relationships: RelationshipStore;
  /** Where per-workspace cases settings live (records table); memory when none was given. */
  metadata: MetadataStore;
}

export interface CasesRuntimeOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Automatic incident grouping; on unless `enabled: false`. */
  grouping?: GroupingOptions;
  /** Records table for workspace settings (SLA policy, rule alerting); default in memory. */
  metadata?: MetadataStore;
}

/** Wires the pure cases services over a set of repositories. */
export function createCasesRuntime(stores: CasesStores, options: CasesRuntimeOptions = {}): CasesRuntime {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const { alerts, incidents, suppressions, ledger, attachments } = stores;
  const metadata = options.metadata ?? new MemoryMetadataStore();
  const slaPolicies = new SlaPolicyStore(metadata);
  const slaPolicy = (workspace: string) => slaPolicies.policy(workspace);
  const ruleAlerting = new RuleAlertingStore(metadata, clock);
  return {
    alerts,
    incidents,
    suppressions,
    ledger,
    attachments,
    clock,
    ids,
    aggregator: new AlertAggregator({
      alerts,
      suppressions,
      ledger,
      clock,
      ids,
      dedupPolicy: (ruleId, workspace) => ruleAlerting.dedupPolicy(workspace, ruleId),
    }),
    grouper: new IncidentGrouper({
      alerts,
      incidents,
      clock,
      ids,
      slaPolicy,
      ...(options.grouping ? { options: options.grouping } : {}),
    }),
    alertService: new AlertService({ alerts, clock }),
    incidentService: new IncidentService({ alerts, incidents, clock, ids, slaPolicy }),
    notifier: new AlertNotifier(),
    slaPolicies,
    ruleAlerting,
    userNotifications: new UserNotificationStore(metadata, clock),
    relationships: new RelationshipStore(metadata),
    metadata,
  };
}

/** In-memory cases stores (tests, and servers built without storage-backed cases). */
export function memoryCasesStores(): CasesStores {
  return {
    alerts: new MemoryAlertRepository(),
    incidents: new MemoryIncidentRepository(),
    suppressions: new MemorySuppressionRuleRepository(),
    ledger: new MemorySuppressedHitLedger(),
    attachments: new MemoryAttachmentRepository(),
  };
}
