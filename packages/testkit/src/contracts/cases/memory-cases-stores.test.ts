import {
  MemoryAlertRepository,
  MemoryAttachmentRepository,
  MemoryIncidentRepository,
  MemorySuppressedHitLedger,
  MemorySuppressionRuleRepository,
} from '@vigil/cases';
import { casesStoresContract } from './cases-stores.contract.ts';

// The in-memory repositories are the reference behaviour: they must pass the same contract as the adapters.
casesStoresContract('memory', () =>
  Promise.resolve({
    kind: 'memory',
    alerts: new MemoryAlertRepository(),
    incidents: new MemoryIncidentRepository(),
    suppressions: new MemorySuppressionRuleRepository(),
    ledger: new MemorySuppressedHitLedger(),
    attachments: new MemoryAttachmentRepository(),
    close: () => Promise.resolve(),
  }),
);
