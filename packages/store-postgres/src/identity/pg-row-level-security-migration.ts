import type { Migration } from '@vigil/core';

/**
 * Row-level security as a second wall for workspace isolation (issue 6): a statement that forgets its
 * `WHERE workspace = …` still sees only the rows of the workspace its transaction was scoped to with
 * `SET LOCAL vigil.workspace`, or every row when platform-level code set `vigil.scope = 'platform'`
 * (see `PgScopedDb`). Unset or empty settings match nothing. Superusers and BYPASSRLS roles are not
 * subject to RLS, so Vigil must connect as an ordinary role for this wall to stand.
 *
 * FORCE (owner included) applies to the workspace-scoped identity tables, whose adapter scopes every
 * transaction. The event catalogue, the `events` parent and `records` are only ENABLEd: their stores do
 * not scope their statements yet, so the owning role (the one that runs the migrations and the stores)
 * stays exempt while every other role (reporting, support, a least-privilege runtime role) is walled
 * in. A later migration adds FORCE once those stores run inside `PgScopedDb`. `events_visible` pins its
 * search_path, so a caller's path cannot point it at another `event_spaces`. Written out literally (not
 * generated from a list) because an applied migration must never change.
 */
export const pgRowLevelSecurityMigration: Migration = {
  version: 4,
  name: 'row-level-security',
  sql: `
    CREATE FUNCTION vigil_workspace_visible(ws text) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT coalesce(current_setting('vigil.scope', true) = 'platform', false)
          OR ws = nullif(current_setting('vigil.workspace', true), '')
    $$;
    CREATE FUNCTION events_visible(space integer) RETURNS boolean LANGUAGE sql STABLE
      SET search_path FROM CURRENT AS $$
      SELECT coalesce(current_setting('vigil.scope', true) = 'platform', false)
          OR space IN (SELECT s.space_id FROM event_spaces s
                       WHERE s.workspace = nullif(current_setting('vigil.workspace', true), ''))
    $$;
    ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
    CREATE POLICY roles_workspace_isolation ON roles
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE roles FORCE ROW LEVEL SECURITY;
    ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
    CREATE POLICY role_grants_workspace_isolation ON role_grants
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE role_grants FORCE ROW LEVEL SECURITY;
    ALTER TABLE machine_tokens ENABLE ROW LEVEL SECURITY;
    CREATE POLICY machine_tokens_workspace_isolation ON machine_tokens
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE machine_tokens FORCE ROW LEVEL SECURITY;
    ALTER TABLE operator_access ENABLE ROW LEVEL SECURITY;
    CREATE POLICY operator_access_workspace_isolation ON operator_access
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE operator_access FORCE ROW LEVEL SECURITY;
    ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
    CREATE POLICY audit_log_workspace_isolation ON audit_log
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
    ALTER TABLE event_spaces ENABLE ROW LEVEL SECURITY;
    CREATE POLICY event_spaces_workspace_isolation ON event_spaces
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE records ENABLE ROW LEVEL SECURITY;
    CREATE POLICY records_workspace_isolation ON records
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY events_workspace_isolation ON events
      USING (events_visible(space_id)) WITH CHECK (events_visible(space_id));
  `,
};
