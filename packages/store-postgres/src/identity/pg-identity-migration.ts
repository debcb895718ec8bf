import type { Migration } from '@vigil/core';

/**
 * Identity tables (issue 6). Times are epoch ms (bigint); keys use COLLATE "C" so listings order
 * bytewise, as in SQLite. The audit log and its checkpoints are append-only: a trigger raises on
 * UPDATE, DELETE and TRUNCATE, so not even the application (or a hand-written statement) can rewrite
 * history. Audit `details` is text, not jsonb, so the stored bytes are exactly the hashed ones.
 */
export const pgIdentityMigration: Migration = {
  version: 3,
  name: 'identity',
  sql: `
    CREATE TABLE users (
      id text COLLATE "C" PRIMARY KEY,
      username text NOT NULL,
      username_key text COLLATE "C" NOT NULL UNIQUE,
      display_name text,
      email text,
      password_hash text,
      disabled boolean NOT NULL,
      must_change_password boolean NOT NULL,
      mfa_enabled boolean NOT NULL,
      created_at bigint NOT NULL,
      updated_at bigint NOT NULL
    );
    CREATE TABLE workspaces (
      id text COLLATE "C" PRIMARY KEY,
      name text NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'archived', 'deleting')),
      delete_after bigint,
      mfa_required boolean NOT NULL,
      created_at bigint NOT NULL
    );
    CREATE TABLE sessions (
      key text COLLATE "C" PRIMARY KEY,
      user_id text COLLATE "C" NOT NULL,
      authenticated_at bigint NOT NULL,
      issued_at bigint NOT NULL,
      last_seen_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      mfa boolean NOT NULL,
      privilege_epoch integer NOT NULL,
      client_ip text,
      user_agent text
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE mfa_enrolments (
      user_id text COLLATE "C" PRIMARY KEY,
      sealed_secret text NOT NULL,
      confirmed_at bigint,
      last_used_step bigint
    );
    CREATE TABLE mfa_recovery_codes (
      user_id text COLLATE "C" NOT NULL REFERENCES mfa_enrolments (user_id) ON DELETE CASCADE,
      position integer NOT NULL,
      hash text NOT NULL,
      used_at bigint,
      PRIMARY KEY (user_id, position)
    );
    CREATE TABLE roles (
      workspace text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL,
      name text NOT NULL,
      permissions jsonb NOT NULL,
      PRIMARY KEY (workspace, id)
    );
    CREATE TABLE role_grants (
      principal_id text COLLATE "C" NOT NULL,
      role_id text COLLATE "C" NOT NULL,
      workspace text COLLATE "C" NOT NULL,
      granted_by text NOT NULL,
      granted_at bigint NOT NULL,
      PRIMARY KEY (principal_id, role_id, workspace)
    );
    CREATE INDEX role_grants_workspace ON role_grants (workspace, role_id);
    CREATE TABLE machine_tokens (
      id text COLLATE "C" PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('api_key', 'ingest')),
      name text NOT NULL,
      workspace text COLLATE "C" NOT NULL,
      role_id text,
      data_space text,
      secret_hash text NOT NULL,
      created_by text NOT NULL,
      created_at bigint NOT NULL,
      expires_at bigint,
      last_used_at bigint,
      revoked_at bigint
    );
    CREATE INDEX machine_tokens_workspace ON machine_tokens (workspace, created_at);
    CREATE TABLE setup_tokens (
      slot integer PRIMARY KEY CHECK (slot = 1),
      hash text NOT NULL,
      created_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      used_at bigint
    );
    CREATE TABLE operator_access (
      id text COLLATE "C" PRIMARY KEY,
      workspace text COLLATE "C" NOT NULL,
      operator_id text COLLATE "C" NOT NULL,
      status text NOT NULL,
      requested_at bigint NOT NULL,
      data jsonb NOT NULL
    );
    CREATE INDEX operator_access_workspace ON operator_access (workspace, requested_at);
    CREATE INDEX operator_access_status ON operator_access (status, requested_at);
    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      time text NOT NULL,
      event_type text NOT NULL,
      user_id text,
      resource text,
      workspace text COLLATE "C",
      client_ip text,
      client_id text,
      result text NOT NULL,
      request_id text,
      details text,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_workspace ON audit_log (workspace, seq);
    CREATE TABLE audit_checkpoints (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL,
      time text NOT NULL,
      signature text NOT NULL
    );
    CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
    CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION audit_append_only();
    CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
  `,
};
