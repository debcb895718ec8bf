import type { Migration } from '@vigil/core';
import { sqliteIdentityMigration } from '../identity/sqlite-identity-migration.ts';
import { sqliteCasesMigration } from '../cases/sqlite-cases-migration.ts';
import { sqliteCasesAttachmentsMigration } from '../cases/sqlite-cases-attachments-migration.ts';
import { sqliteIdentityGroupsMigration } from '../identity/sqlite-identity-groups-migration.ts';

/**
 * SQLite schema, forward-only. Event rows live in one table per (data space, UTC day), created on
 * demand and listed in `event_partitions`, so retention drops whole days with DROP TABLE.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event-catalogue',
    sql: `
      CREATE TABLE event_spaces (
        space_id INTEGER PRIMARY KEY,
        workspace TEXT NOT NULL,
        data_space TEXT NOT NULL,
        UNIQUE (workspace, data_space)
      );
      CREATE TABLE event_partitions (
        space_id INTEGER NOT NULL REFERENCES event_spaces (space_id),
        day INTEGER NOT NULL,
        table_name TEXT NOT NULL UNIQUE,
        PRIMARY KEY (space_id, day)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'records',
    sql: `
      CREATE TABLE records (
        kind TEXT NOT NULL,
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, workspace, id)
      ) WITHOUT ROWID;
    `,
  },
  sqliteIdentityMigration,
  sqliteCasesMigration,
  sqliteIdentityGroupsMigration,
  sqliteCasesAttachmentsMigration,
];
