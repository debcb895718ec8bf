import type { Migration } from '@vigil/core';

/**
 * Completes the second wall of issue 6: the event catalogue, `events` and `records` now run every
 * statement in a transaction scoped with `vigil.workspace` (or `vigil.scope = 'platform'`), so row-level
 * security is FORCEd on them, binding the owning role too. Each day partition gets the same policy,
 * enabled and forced, because a statement naming a partition directly (`SELECT * FROM events_…`) is
 * checked against the partition's policies, not the parent's: the migration secures the partitions that
 * exist, and `vigil_secure_event_partition` (called by the store right after it creates one) the rest.
 *
 * The events policy is rewritten without `events_visible()`: a SQL function with a SET clause cannot be
 * inlined, so it ran once per row. The uncorrelated `ARRAY(SELECT …)` becomes an InitPlan evaluated once
 * per statement, and `space_id = ANY (…)` is a leakproof integer test. The policy expression is bound to
 * this schema's `event_spaces` by OID when the policy is created; the function pins its search_path for
 * the same reason. Written out literally because an applied migration must never change.
 */
export const pgForceRowLevelSecurityMigration: Migration = {
  version: 6,
  name: 'force-row-level-security',
  sql: `
    DROP POLICY events_workspace_isolation ON events;
    CREATE POLICY events_workspace_isolation ON events
      USING (coalesce(current_setting('vigil.scope', true) = 'platform', false)
             OR space_id = ANY (ARRAY(SELECT s.space_id FROM event_spaces s
                                      WHERE s.workspace = nullif(current_setting('vigil.workspace', true), ''))))
      WITH CHECK (coalesce(current_setting('vigil.scope', true) = 'platform', false)
             OR space_id = ANY (ARRAY(SELECT s.space_id FROM event_spaces s
                                      WHERE s.workspace = nullif(current_setting('vigil.workspace', true), ''))));
    ALTER TABLE events FORCE ROW LEVEL SECURITY;
    ALTER TABLE event_spaces FORCE ROW LEVEL SECURITY;
    ALTER TABLE records FORCE ROW LEVEL SECURITY;

    CREATE FUNCTION vigil_secure_event_partition(part regclass) RETURNS void LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $fn$
    DECLARE
      visible constant text := $expr$coalesce(current_setting('vigil.scope', true) = 'platform', false)
             OR space_id = ANY (ARRAY(SELECT s.space_id FROM event_spaces s
                                      WHERE s.workspace = nullif(current_setting('vigil.workspace', true), '')))$expr$;
    BEGIN
      EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', part);
      EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', part);
      IF NOT EXISTS (SELECT 1 FROM pg_policy p
                     WHERE p.polrelid = part AND p.polname = 'events_workspace_isolation') THEN
        EXECUTE format('CREATE POLICY events_workspace_isolation ON %s USING (%s) WITH CHECK (%s)',
                       part, visible, visible);
      END IF;
    END
    $fn$;

    SELECT vigil_secure_event_partition(i.inhrelid::regclass)
      FROM pg_inherits i WHERE i.inhparent = 'events'::regclass;
  `,
};
