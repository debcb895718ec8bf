import type { Migration } from '@vigil/core';

/**
 * Issue 6, second part: user groups per workspace (their role grants live in `role_grants` under the
 * principal id `group:<id>`), and the login throttle and pending SSO sign-ins, which were per process
 * and are now stored so every process of an installation sees the same lockouts and sign-ins.
 */
export const sqliteIdentityGroupsMigration: Migration = {
  version: 5,
  name: 'identity-groups-and-shared-login-state',
  sql: `
    CREATE TABLE user_groups (
      workspace TEXT NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      sso_group TEXT,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (workspace, id),
      UNIQUE (workspace, name_key)
    ) WITHOUT ROWID;
    CREATE TABLE user_group_members (
      workspace TEXT NOT NULL,
      group_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      added_by TEXT NOT NULL,
      added_at INTEGER NOT NULL,
      PRIMARY KEY (workspace, group_id, user_id),
      FOREIGN KEY (workspace, group_id) REFERENCES user_groups (workspace, id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX user_group_members_user ON user_group_members (user_id);
    CREATE TABLE login_throttle (
      key TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX login_throttle_expiry ON login_throttle (expires_at);
    CREATE TABLE sso_login_states (
      state TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX sso_login_states_expiry ON sso_login_states (expires_at);
  `,
};
