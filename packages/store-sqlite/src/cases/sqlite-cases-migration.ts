import type { Migration } from '@vigil/core';

/**
 * Alerts, incidents, suppression rules and the suppressed-hit ledger (issue 5). Each alert/incident is a
 * JSON document (`data`) plus the columns the queries filter on, indexed as the cases README asks
 * (dedup key, entity keys, last seen, status, creation time). Entity keys live in side tables so that
 * "alerts sharing an entity" is an index lookup. Times are epoch ms.
 */
export const sqliteCasesMigration: Migration = {
  version: 4,
  name: 'cases',
  sql: `
      CREATE TABLE alerts (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        incident_id TEXT,
        dedup_key TEXT NOT NULL,
        dedup_until INTEGER NOT NULL,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (workspace, id)
      ) WITHOUT ROWID;
      CREATE INDEX alerts_dedup ON alerts (workspace, dedup_key, dedup_until);
      CREATE INDEX alerts_status ON alerts (workspace, status, id);
      CREATE INDEX alerts_created ON alerts (workspace, created_at);
      CREATE INDEX alerts_last_seen ON alerts (workspace, last_seen_at);
      CREATE INDEX alerts_incident ON alerts (workspace, incident_id);
      CREATE INDEX alerts_rule ON alerts (workspace, rule_id, id);
      CREATE TABLE alert_entities (
        workspace TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        alert_id TEXT NOT NULL,
        PRIMARY KEY (workspace, entity_key, alert_id)
      ) WITHOUT ROWID;
      CREATE INDEX alert_entities_alert ON alert_entities (workspace, alert_id);
      CREATE TABLE incidents (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        owner TEXT,
        created_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (workspace, id)
      ) WITHOUT ROWID;
      CREATE INDEX incidents_status ON incidents (workspace, status, id);
      CREATE INDEX incidents_created ON incidents (workspace, created_at);
      CREATE TABLE incident_entities (
        workspace TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        PRIMARY KEY (workspace, entity_key, incident_id)
      ) WITHOUT ROWID;
      CREATE INDEX incident_entities_incident ON incident_entities (workspace, incident_id);
      CREATE TABLE suppression_rules (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (workspace, id)
      ) WITHOUT ROWID;
      CREATE INDEX suppression_rules_active ON suppression_rules (workspace, expires_at);
      CREATE TABLE suppression_counts (
        workspace TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        by_id TEXT NOT NULL,
        suppressed INTEGER NOT NULL,
        excepted INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        PRIMARY KEY (workspace, rule_id, by_id)
      ) WITHOUT ROWID;
      CREATE TABLE suppressed_hits (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('suppressed', 'excepted')),
        by_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        event_ids TEXT NOT NULL
      );
      CREATE INDEX suppressed_hits_recent ON suppressed_hits (workspace, seq);
      CREATE INDEX suppressed_hits_rule ON suppressed_hits (workspace, rule_id, seq);
    `,
};
