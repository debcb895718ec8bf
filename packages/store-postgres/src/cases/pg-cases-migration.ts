import type { Migration } from '@vigil/core';

/**
 * Alerts, incidents, suppression rules and the suppressed-hit ledger (issue 5). Each alert/incident is a
 * JSON document (`data`, text so any event content round-trips, NUL escapes included) plus the columns
 * queries filter on, indexed as the cases README asks: dedup key, entity keys (GIN), last seen, status,
 * creation time. Row-level security is FORCEd: the cases stores scope every transaction (PgScopedDb).
 */
export const pgCasesMigration: Migration = {
  version: 5,
  name: 'cases',
  sql: `
    CREATE TABLE alerts (
      workspace text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      version integer NOT NULL,
      status text NOT NULL,
      severity text NOT NULL,
      rule_id text COLLATE "C" NOT NULL,
      incident_id text COLLATE "C",
      dedup_key text COLLATE "C" NOT NULL,
      dedup_until bigint NOT NULL,
      first_seen_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      created_at bigint NOT NULL,
      entity_keys text[] NOT NULL,
      data text NOT NULL,
      PRIMARY KEY (workspace, id)
    );
    CREATE INDEX alerts_dedup ON alerts (workspace, dedup_key, dedup_until);
    CREATE INDEX alerts_status ON alerts (workspace, status, id);
    CREATE INDEX alerts_created ON alerts (workspace, created_at);
    CREATE INDEX alerts_last_seen ON alerts (workspace, last_seen_at);
    CREATE INDEX alerts_incident ON alerts (workspace, incident_id);
    CREATE INDEX alerts_rule ON alerts (workspace, rule_id, id);
    CREATE INDEX alerts_entities ON alerts USING gin (entity_keys);
    CREATE TABLE incidents (
      workspace text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      version integer NOT NULL,
      status text NOT NULL,
      severity text NOT NULL,
      owner text COLLATE "C",
      created_at bigint NOT NULL,
      entity_keys text[] NOT NULL,
      data text NOT NULL,
      PRIMARY KEY (workspace, id)
    );
    CREATE INDEX incidents_status ON incidents (workspace, status, id);
    CREATE INDEX incidents_created ON incidents (workspace, created_at);
    CREATE INDEX incidents_entities ON incidents USING gin (entity_keys);
    CREATE TABLE suppression_rules (
      workspace text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      starts_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      data text NOT NULL,
      PRIMARY KEY (workspace, id)
    );
    CREATE INDEX suppression_rules_active ON suppression_rules (workspace, expires_at);
    CREATE TABLE suppression_counts (
      workspace text COLLATE "C" NOT NULL,
      rule_id text COLLATE "C" NOT NULL,
      by_id text COLLATE "C" NOT NULL,
      suppressed bigint NOT NULL,
      excepted bigint NOT NULL,
      last_at bigint NOT NULL,
      PRIMARY KEY (workspace, rule_id, by_id)
    );
    CREATE TABLE suppressed_hits (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace text COLLATE "C" NOT NULL,
      rule_id text COLLATE "C" NOT NULL,
      kind text NOT NULL CHECK (kind IN ('suppressed', 'excepted')),
      by_id text NOT NULL,
      at bigint NOT NULL,
      event_ids text NOT NULL
    );
    CREATE INDEX suppressed_hits_recent ON suppressed_hits (workspace, seq);
    CREATE INDEX suppressed_hits_rule ON suppressed_hits (workspace, rule_id, seq);
    ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY alerts_workspace_isolation ON alerts
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE alerts FORCE ROW LEVEL SECURITY;
    ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
    CREATE POLICY incidents_workspace_isolation ON incidents
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE incidents FORCE ROW LEVEL SECURITY;
    ALTER TABLE suppression_rules ENABLE ROW LEVEL SECURITY;
    CREATE POLICY suppression_rules_workspace_isolation ON suppression_rules
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE suppression_rules FORCE ROW LEVEL SECURITY;
    ALTER TABLE suppression_counts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY suppression_counts_workspace_isolation ON suppression_counts
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE suppression_counts FORCE ROW LEVEL SECURITY;
    ALTER TABLE suppressed_hits ENABLE ROW LEVEL SECURITY;
    CREATE POLICY suppressed_hits_workspace_isolation ON suppressed_hits
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE suppressed_hits FORCE ROW LEVEL SECURITY;
  `,
};
