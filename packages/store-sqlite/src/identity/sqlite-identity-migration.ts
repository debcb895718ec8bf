import type { Migration } from '@vigil/core';

/**
 * Identity tables (issue 6). Times are epoch ms. The audit log is append-only: triggers abort any
 * UPDATE or DELETE, so not even the application (or a hand-written statement) can rewrite history.
 */
export const sqliteIdentityMigration: Migration = {
  version: 3,
  name: 'identity',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      username_key TEXT NOT NULL UNIQUE,
      display_name TEXT,
      email TEXT,
      password_hash TEXT,
      disabled INTEGER NOT NULL,
      must_change_password INTEGER NOT NULL,
      mfa_enabled INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE workspaces (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'archived', 'deleting')),
      delete_after INTEGER,
      mfa_required INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE sessions (
      key TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      authenticated_at INTEGER NOT NULL,
      issued_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      mfa INTEGER NOT NULL,
      privilege_epoch INTEGER NOT NULL,
      client_ip TEXT,
      user_agent TEXT
    ) WITHOUT ROWID;
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE mfa_enrolments (
      user_id TEXT PRIMARY KEY,
      sealed_secret TEXT NOT NULL,
      confirmed_at INTEGER,
      last_used_step INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE mfa_recovery_codes (
      user_id TEXT NOT NULL REFERENCES mfa_enrolments (user_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      hash TEXT NOT NULL,
      used_at INTEGER,
      PRIMARY KEY (user_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE roles (
      workspace TEXT NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      permissions TEXT NOT NULL,
      PRIMARY KEY (workspace, id)
    ) WITHOUT ROWID;
    CREATE TABLE role_grants (
      principal_id TEXT NOT NULL,
      role_id TEXT NOT NULL,
      workspace TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      granted_at INTEGER NOT NULL,
      PRIMARY KEY (principal_id, role_id, workspace)
    ) WITHOUT ROWID;
    CREATE INDEX role_grants_workspace ON role_grants (workspace, role_id);
    CREATE TABLE machine_tokens (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('api_key', 'ingest')),
      name TEXT NOT NULL,
      workspace TEXT NOT NULL,
      role_id TEXT,
      data_space TEXT,
      secret_hash TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER,
      last_used_at INTEGER,
      revoked_at INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX machine_tokens_workspace ON machine_tokens (workspace, created_at);
    CREATE TABLE setup_tokens (
      slot INTEGER PRIMARY KEY CHECK (slot = 1),
      hash TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER
    );
    CREATE TABLE operator_access (
      id TEXT PRIMARY KEY,
      workspace TEXT NOT NULL,
      operator_id TEXT NOT NULL,
      status TEXT NOT NULL,
      requested_at INTEGER NOT NULL,
      data TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX operator_access_workspace ON operator_access (workspace, requested_at);
    CREATE INDEX operator_access_status ON operator_access (status, requested_at);
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      time TEXT NOT NULL,
      event_type TEXT NOT NULL,
      user_id TEXT,
      resource TEXT,
      workspace TEXT,
      client_ip TEXT,
      client_id TEXT,
      result TEXT NOT NULL,
      request_id TEXT,
      details TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX audit_log_workspace ON audit_log (workspace, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
    CREATE TABLE audit_checkpoints (
      id INTEGER PRIMARY KEY,
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      time TEXT NOT NULL,
      signature TEXT NOT NULL
    );
    CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
  `,
};
