import type { Pool } from 'pg';
import { silentLogger, type Logger } from '@vigil/core';
import type {
  AlertRepository,
  AttachmentRepository,
  IncidentRepository,
  SuppressedHitLedger,
  SuppressionRuleRepository,
} from '@vigil/cases';
import { describeTarget, toStoreError } from '../connection/pg-errors.ts';
import { checkSchemaName, createPool } from '../connection/pg-pool.ts';
import { PgScopedDb } from '../identity/pg-scoped-db.ts';
import { PgAlertRepository } from './pg-alert-repository.ts';
import { PgAttachmentRepository } from './pg-attachment-repository.ts';
import { PgIncidentRepository } from './pg-incident-repository.ts';
import { PgSuppressedHitLedger } from './pg-suppressed-hit-ledger.ts';
import { PgSuppressionRuleRepository } from './pg-suppression-rule-repository.ts';

export interface PostgresCasesStoresOptions {
  /** `postgres://user:password@host:port/db`; the password never appears in errors or logs. */
  url: string;
  /** Schema holding Vigil's tables (default `public`), as given to `openPostgresStorage`. */
  schema?: string;
  logger?: Logger;
}

/** The cases repositories (alerts, incidents, suppression rules, suppressed-hit ledger, attachments) of one database. */
export interface PostgresCasesStores {
  alerts: AlertRepository;
  incidents: IncidentRepository;
  suppressions: SuppressionRuleRepository;
  ledger: SuppressedHitLedger;
  attachments: AttachmentRepository;
  close(): Promise<void>;
}

/** The cases repositories over a pool whose connections resolve names in Vigil's schema. */
export function createPostgresCasesStores(pool: Pool, target: string): Omit<PostgresCasesStores, 'close'> {
  const db = new PgScopedDb(pool, async (work) => {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, target);
    }
  });
  return {
    alerts: new PgAlertRepository(db),
    incidents: new PgIncidentRepository(db),
    suppressions: new PgSuppressionRuleRepository(db),
    ledger: new PgSuppressedHitLedger(db),
    attachments: new PgAttachmentRepository(db),
  };
}

/**
 * Cases repositories on their own pool; every unit of work is a transaction scoped to its workspace
 * (row-level security). The tables come with the storage's migrations: run `migrate()` first.
 */
export function openPostgresCasesStores(options: PostgresCasesStoresOptions): Promise<PostgresCasesStores> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const target = describeTarget(options.url);
  const logger = (options.logger ?? silentLogger).child({ store: 'postgres-cases', target, schema });
  const pool = createPool(options.url, schema, logger);
  let closing: Promise<void> | undefined;
  return Promise.resolve({
    ...createPostgresCasesStores(pool, target),
    close: () => (closing ??= pool.end()),
  });
}
