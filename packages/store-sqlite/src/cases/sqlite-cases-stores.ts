import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type {
  AlertRepository,
  AttachmentRepository,
  IncidentRepository,
  SuppressedHitLedger,
  SuppressionRuleRepository,
} from '@vigil/cases';
import { openSqliteConnection } from '../connection/sqlite-connection.ts';
import { WriteQueue } from '../connection/write-queue.ts';
import { SQLITE_FILE_NAME } from '../sqlite-storage.ts';
import { SqliteAlertRepository } from './sqlite-alert-repository.ts';
import { SqliteAttachmentRepository } from './sqlite-attachment-repository.ts';
import { SqliteIncidentRepository } from './sqlite-incident-repository.ts';
import { SqliteSuppressedHitLedger } from './sqlite-suppressed-hit-ledger.ts';
import { SqliteSuppressionRuleRepository } from './sqlite-suppression-rule-repository.ts';

/** The cases repositories (alerts, incidents, suppression rules, suppressed-hit ledger, attachments) of one database. */
export interface SqliteCasesStores {
  alerts: AlertRepository;
  incidents: IncidentRepository;
  suppressions: SuppressionRuleRepository;
  ledger: SuppressedHitLedger;
  attachments: AttachmentRepository;
  /** Waits for queued writes, then closes this connection. */
  close(): Promise<void>;
}

/** The cases repositories over an open connection and its write queue. */
export function createSqliteCasesStores(
  db: DatabaseSync,
  writes: WriteQueue,
): Omit<SqliteCasesStores, 'close'> {
  return {
    alerts: new SqliteAlertRepository(db, writes),
    incidents: new SqliteIncidentRepository(db, writes),
    suppressions: new SqliteSuppressionRuleRepository(db, writes),
    ledger: new SqliteSuppressedHitLedger(db, writes),
    attachments: new SqliteAttachmentRepository(db, writes),
  };
}

/**
 * Cases repositories on `<dataDir>/vigil.db` through their own connection (WAL shares the file with the
 * other stores). The tables come with the storage's migrations: run `openSqliteStorage(…).migrate()` first.
 */
export function openSqliteCasesStores(options: { dataDir: string }): Promise<SqliteCasesStores> {
  const db = openSqliteConnection(join(options.dataDir, SQLITE_FILE_NAME));
  const writes = new WriteQueue();
  let closed = false;
  return Promise.resolve({
    ...createSqliteCasesStores(db, writes),
    close: () =>
      writes.run(() => {
        if (closed) return;
        closed = true;
        db.close();
      }),
  });
}
