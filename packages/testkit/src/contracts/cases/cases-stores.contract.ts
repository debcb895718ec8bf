import type { CasesStoresFactory } from './cases-contract-target.ts';
import { alertRepositoryContract } from './alert-repository.contract.ts';
import { attachmentRepositoryContract } from './attachment-repository.contract.ts';
import { incidentRepositoryContract } from './incident-repository.contract.ts';
import { suppressionStoresContract } from './suppression-stores.contract.ts';

export * from './cases-contract-target.ts';

/** Every cases port's contract suite (alerts, incidents, suppression rules, ledger, attachments), each on a fresh database. */
export function casesStoresContract(name: string, factory: CasesStoresFactory): void {
  alertRepositoryContract(name, factory);
  incidentRepositoryContract(name, factory);
  suppressionStoresContract(name, factory);
  attachmentRepositoryContract(name, factory);
}
