import type { Migration } from '@vigil/core';
import { pgIdentityMigration } from '../identity/pg-identity-migration.ts';
import { pgRowLevelSecurityMigration } from '../identity/pg-row-level-security-migration.ts';
import { pgCasesMigration } from '../cases/pg-cases-migration.ts';
import { pgCasesAttachmentsMigration } from '../cases/pg-cases-attachments-migration.ts';
import { pgForceRowLevelSecurityMigration } from '../rls/pg-force-row-level-security-migration.ts';
import { pgIdentityGroupsMigration } from '../identity/pg-identity-groups-migration.ts';

/**
 * PostgreSQL schema, forward-only. `events` is range-partitioned on (data space, event time) with one
 * partition per data space and UTC day, created on demand and listed in `event_partitions`: retention
 * of one data space drops its whole days without touching other tenants' rows. Text keys use
 * COLLATE "C" so ordering (cursors, lists) is bytewise, the same as SQLite's.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event-catalogue',
    sql: `
      CREATE TABLE event_spaces (
        space_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace text COLLATE "C" NOT NULL,
        data_space text COLLATE "C" NOT NULL,
        UNIQUE (workspace, data_space)
      );
      CREATE TABLE event_partitions (
        space_id integer NOT NULL REFERENCES event_spaces (space_id),
        day integer NOT NULL,
        table_name text NOT NULL UNIQUE,
        PRIMARY KEY (space_id, day)
      );
      CREATE TABLE events (
        space_id integer NOT NULL,
        ts bigint NOT NULL,
        id text COLLATE "C" NOT NULL,
        doc jsonb NOT NULL,
        PRIMARY KEY (space_id, ts, id)
      ) PARTITION BY RANGE (space_id, ts);
    `,
  },
  {
    version: 2,
    name: 'records',
    sql: `
      CREATE TABLE records (
        kind text COLLATE "C" NOT NULL,
        workspace text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (kind, workspace, id)
      );
    `,
  },
  pgIdentityMigration,
  pgRowLevelSecurityMigration,
  pgCasesMigration,
  pgForceRowLevelSecurityMigration,
  pgIdentityGroupsMigration,
  pgCasesAttachmentsMigration,
];
