import { after, before } from 'node:test';
import type {
  Alert,
  AlertRepository,
  AttachmentRepository,
  Incident,
  IncidentRepository,
  SuppressedHitLedger,
  SuppressionRuleRepository,
} from '@vigil/cases';

/** The cases repositories of one empty, migrated database (or memory) under test. */
export interface CasesStoresHandle {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  readonly alerts: AlertRepository;
  readonly incidents: IncidentRepository;
  readonly suppressions: SuppressionRuleRepository;
  readonly ledger: SuppressedHitLedger;
  readonly attachments: AttachmentRepository;
  close(): Promise<void>;
}

export type CasesStoresFactory = () => Promise<CasesStoresHandle>;

/** Opens a handle before the suite's tests and closes it after; call inside `describe`. */
export function useCasesStores(factory: CasesStoresFactory): () => CasesStoresHandle {
  let handle: CasesStoresHandle | undefined;
  before(async () => {
    handle = await factory();
  });
  after(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('cases stores are not open yet');
    return handle;
  };
}

/** A fixed instant so expected values are plain numbers. */
export const C0 = Date.UTC(2026, 6, 1);

/** A complete alert with every optional field that the stores must round-trip. */
export function makeAlert(workspace: string, id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    workspace,
    version: 1,
    title: `Alert ${id}`,
    description: 'Suspicious PowerShell',
    rule: { id: 'rule-1', version: 2 },
    severity: 'high',
    confidence: 60,
    category: 'execution',
    tactics: ['execution'],
    techniques: ['T1059.001'],
    source: 'event',
    firstSeenAt: C0,
    lastSeenAt: C0 + 1000,
    count: 1,
    dataSource: 'windows/sysmon',
    entities: [
      {
        key: 'host:ws01',
        type: 'host',
        value: 'ws01',
        fields: ['host.name'],
        roles: [],
        attributes: { os: 'windows' },
      },
    ],
    entityKeys: ['host:ws01'],
    eventIds: ['e-1'],
    dedupKey: `rule-1|${id}`,
    dedupUntil: C0 + 3_600_000,
    status: 'open',
    verification: 'unknown',
    labels: ['triage'],
    createdAt: C0,
    updatedAt: C0,
    activity: [{ at: C0, actor: 'system:aggregator', action: 'created', note: 'from rule-1' }],
    ...over,
  };
}

/** A complete incident. */
export function makeIncident(workspace: string, id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    workspace,
    version: 1,
    title: `Incident ${id}`,
    status: 'open',
    severity: 'high',
    stage: 'detection_analysis',
    labels: [],
    alertIds: ['a-1'],
    entityKeys: ['host:ws01'],
    tactics: ['execution'],
    firstSeenAt: C0,
    lastSeenAt: C0 + 1000,
    sla: { acknowledgeDueAt: C0 + 3_600_000, resolveDueAt: C0 + 86_400_000, breaches: [] },
    provenance: [
      { kind: 'severity', alertId: 'a-1', at: C0, actor: 'system:grouper', reason: 'severity high' },
    ],
    createdAt: C0,
    updatedAt: C0,
    timeline: [{ at: C0, actor: 'system:grouper', action: 'created' }],
    ...over,
  };
}
