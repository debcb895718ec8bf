import type { Migration } from '@vigil/core';

/**
 * Issue 6, second part: user groups per workspace (their role grants live in `role_grants` under the
 * principal id `group:<id>`), with the same row-level security as the other workspace-scoped identity
 * tables (FORCEd: the group store scopes every transaction); and the login throttle and pending SSO
 * sign-ins, moved out of process memory so every API process of a distributed installation shares
 * them. Those two are installation-wide (no workspace), like users and sessions, so they have no policy.
 */
export const pgIdentityGroupsMigration: Migration = {
  version: 7,
  name: 'identity-groups-and-shared-login-state',
  sql: `
    CREATE TABLE user_groups (
      workspace text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      name text NOT NULL,
      name_key text COLLATE "C" NOT NULL,
      sso_group text,
      created_at bigint NOT NULL,
      PRIMARY KEY (workspace, id),
      UNIQUE (workspace, name_key)
    );
    CREATE TABLE user_group_members (
      workspace text COLLATE "C" NOT NULL,
      group_id text COLLATE "C" NOT NULL,
      user_id text COLLATE "C" NOT NULL,
      added_by text NOT NULL,
      added_at bigint NOT NULL,
      PRIMARY KEY (workspace, group_id, user_id),
      FOREIGN KEY (workspace, group_id) REFERENCES user_groups (workspace, id) ON DELETE CASCADE
    );
    CREATE INDEX user_group_members_user ON user_group_members (user_id);
    ALTER TABLE user_groups ENABLE ROW LEVEL SECURITY;
    CREATE POLICY user_groups_workspace_isolation ON user_groups
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE user_groups FORCE ROW LEVEL SECURITY;
    ALTER TABLE user_group_members ENABLE ROW LEVEL SECURITY;
    CREATE POLICY user_group_members_workspace_isolation ON user_group_members
      USING (vigil_workspace_visible(workspace)) WITH CHECK (vigil_workspace_visible(workspace));
    ALTER TABLE user_group_members FORCE ROW LEVEL SECURITY;
    CREATE TABLE login_throttle (
      key text COLLATE "C" PRIMARY KEY,
      state jsonb NOT NULL,
      expires_at bigint NOT NULL
    );
    CREATE INDEX login_throttle_expiry ON login_throttle (expires_at);
    CREATE TABLE sso_login_states (
      state text COLLATE "C" PRIMARY KEY,
      data jsonb NOT NULL,
      expires_at bigint NOT NULL
    );
    CREATE INDEX sso_login_states_expiry ON sso_login_states (expires_at);
  `,
};
