import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { IdentityStores } from '@vigil/identity';
import { openSqliteConnection } from '../connection/sqlite-connection.ts';
import { WriteQueue } from '../connection/write-queue.ts';
import { SQLITE_FILE_NAME } from '../sqlite-storage.ts';
import { SqliteAuditLog } from './sqlite-audit-log.ts';
import { SqliteMachineTokenStore } from './sqlite-machine-token-store.ts';
import { SqliteMfaStore } from './sqlite-mfa-store.ts';
import { SqliteOperatorAccessStore } from './sqlite-operator-access-store.ts';
import { SqliteRoleGrantStore } from './sqlite-role-grant-store.ts';
import { SqliteRoleStore } from './sqlite-role-store.ts';
import { SqliteSessionStore } from './sqlite-session-store.ts';
import { SqliteSetupTokenStore } from './sqlite-setup-token-store.ts';
import { SqliteUserStore } from './sqlite-user-store.ts';
import { SqliteWorkspaceStore } from './sqlite-workspace-store.ts';
import { SqliteGroupStore } from './sqlite-group-store.ts';
import { SqliteLoginThrottleStore } from './sqlite-login-throttle-store.ts';
import { SqliteSsoLoginStateStore } from './sqlite-sso-login-state-store.ts';

export interface SqliteIdentityStores extends IdentityStores {
  /** Waits for queued writes, then closes this connection. */
  close(): Promise<void>;
}

/** The identity stores over an open connection and its write queue. */
export function createSqliteIdentityStores(db: DatabaseSync, writes: WriteQueue): IdentityStores {
  return {
    users: new SqliteUserStore(db, writes),
    workspaces: new SqliteWorkspaceStore(db, writes),
    sessions: new SqliteSessionStore(db, writes),
    mfa: new SqliteMfaStore(db, writes),
    roles: new SqliteRoleStore(db, writes),
    roleGrants: new SqliteRoleGrantStore(db, writes),
    machineTokens: new SqliteMachineTokenStore(db, writes),
    setupTokens: new SqliteSetupTokenStore(db, writes),
    operatorAccess: new SqliteOperatorAccessStore(db, writes),
    audit: new SqliteAuditLog(db, writes),
    groups: new SqliteGroupStore(db, writes),
    loginThrottle: new SqliteLoginThrottleStore(db, writes),
    ssoLoginStates: new SqliteSsoLoginStateStore(db, writes),
  };
}

/**
 * Identity stores on `<dataDir>/vigil.db`, through their own connection (WAL lets it share the file
 * with the event store's; writers queue on the database lock). The tables come with the storage's
 * migrations: run `openSqliteStorage(…).migrate()` first.
 */
export function openSqliteIdentityStores(options: { dataDir: string }): Promise<SqliteIdentityStores> {
  const db = openSqliteConnection(join(options.dataDir, SQLITE_FILE_NAME));
  const writes = new WriteQueue();
  let closed = false;
  return Promise.resolve({
    ...createSqliteIdentityStores(db, writes),
    close: () =>
      writes.run(() => {
        if (closed) return;
        closed = true;
        db.close();
      }),
  });
}
